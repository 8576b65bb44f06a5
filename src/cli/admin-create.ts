import { isEmail } from 'class-validator';
import { parseArgs } from 'node:util';
import { read } from 'read';
import { AuthService } from '../auth/auth.service';
import { runTask } from './run-task';

const USAGE = `Usage: npm run admin:create -- --email ADDRESS [--name NAME] [--password PASSWORD]

Creates an administrator account (its address counts as verified). Without
--password the password is asked for twice, hidden; give --password only where
no one can type it (automation), since it stays in the shell's history.
`;

export interface AdminOptions {
  email: string;
  name: string;
  password?: string;
}

/** The command line, or null for --help; throws with the usage for anything else wrong. */
export function parseAdminOptions(argv: string[]): AdminOptions | null {
  let values: { email?: string; name?: string; password?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' }, help: { type: 'boolean' } },
    }));
  } catch (e) {
    throw new Error(`${(e as Error).message}\n\n${USAGE}`, { cause: e });
  }
  if (values.help) return null;
  if (!values.email) throw new Error(`Give the administrator's address with --email.\n\n${USAGE}`);
  if (!isEmail(values.email)) throw new Error(`"${values.email}" is not an email address.\n\n${USAGE}`);
  return { email: values.email, name: values.name?.trim() || 'Administrator', password: values.password };
}

/** The password, typed twice without echo. */
async function askPassword(): Promise<string> {
  if (!process.stdin.isTTY) throw new Error('No terminal to type a password in: give it with --password.');
  const password = await read({ prompt: 'Password for the new administrator: ', silent: true, replace: '*' });
  const again = await read({ prompt: 'The same password again: ', silent: true, replace: '*' });
  if (password !== again) throw new Error('The two passwords differ. Run the command again.');
  return password;
}

async function main(): Promise<void> {
  let options: AdminOptions | null;
  let password: string;
  try {
    options = parseAdminOptions(process.argv.slice(2));
    if (!options) return void process.stdout.write(USAGE);
    password = options.password ?? (await askPassword());
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(2);
  }
  const { email, name } = options;
  await runTask('Creating the administrator', async (app, log) => {
    const admin = await app.get(AuthService).createAdmin({ email, name, password });
    log(`${admin.email} is an administrator: sign in with this address at /login.`);
  });
}

if (require.main === module) void main();
