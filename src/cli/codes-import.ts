import { parseArgs } from 'node:util';
import { CodeImportService, CodeRelease } from '../codes/code-import.service';
import { CptFileError, readCptFile } from '../codes/cpt-descriptor-file';
import { runTask, startProgress } from './run-task';

const USAGE = `Usage: npm run codes:import -- [options]

  --cpt FILE.csv        also import the CPT descriptors of a licensed file
  --cpt-version TEXT    the CPT edition it holds, e.g. 2026 (default: a year in
                        the file name, else the file name)
  --help                print this

Loads the ICD-10-CM and HCPCS Level II lists shipped in data/; a list already
loaded from the same file is left as it is.

With --cpt, the file is checked in full first, then the shipped lists and the
descriptors are loaded, and code pages show each descriptor with the AMA
copyright line. The file is a CSV with a header row: a code column (code,
cpt_code or CPT Code), a descriptor column (description, descriptor or
long_description) and optionally short_description, in any case; other
columns are ignored. A new file replaces the CPT descriptors loaded before;
the same file again changes nothing. A relative path is taken from the
project folder, where npm runs its scripts.
`;

const OPTIONS = {
  cpt: { type: 'string' },
  'cpt-version': { type: 'string' },
  help: { type: 'boolean', default: false },
} as const;

function fail(message: string): void {
  process.stderr.write(`${message}\n`);
  process.exitCode = 1;
}

async function main(): Promise<void> {
  let values: ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS }>>['values'];
  try {
    ({ values } = parseArgs({ args: process.argv.slice(2), options: OPTIONS }));
  } catch (e) {
    return fail(`${(e as Error).message}\n\n${USAGE}`);
  }
  if (values.help) return void process.stdout.write(USAGE);
  if (values['cpt-version'] !== undefined && values.cpt === undefined) return fail(`--cpt-version goes with --cpt FILE.csv.\n\n${USAGE}`);

  // Before the database: a mistake in the licensed file is reported at once, and nothing is written.
  let cpt: CodeRelease | undefined;
  try {
    cpt = values.cpt === undefined ? undefined : await readCptFile(values.cpt, values['cpt-version']);
  } catch (e) {
    if (e instanceof CptFileError) return fail(`${e.message}\nNothing was imported.`);
    throw e;
  }

  // The shipped lists come first also with --cpt: the first start loads them only while no list is loaded at all.
  await runTask('Importing the code lists', async (app, log) => {
    const importer = app.get(CodeImportService);
    const outcomes = await importer.importAll(startProgress);
    if (cpt) outcomes.push(await importer.importRelease(cpt, startProgress));
    for (const outcome of outcomes) {
      log(`${outcome.source}: ${outcome.rows.toLocaleString('en-US')} codes${outcome.changed ? '' : ', already loaded from the same file (nothing changed)'}.`);
    }
  });
}

void main();
