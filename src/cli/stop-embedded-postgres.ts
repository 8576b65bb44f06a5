import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { EMBEDDED_PASSWORD, EMBEDDED_USER } from '../database/embedded-postgres';

type Log = (message: string) => void;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True when a server answering on `port` runs from `clusterDir`. */
async function servesCluster(port: number, clusterDir: string): Promise<boolean> {
  const client = new Client({ host: '127.0.0.1', port, user: EMBEDDED_USER, password: EMBEDDED_PASSWORD, database: 'postgres', connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ data_directory: string }>('SHOW data_directory');
    return realpathSync(rows[0].data_directory) === realpathSync(clusterDir);
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Stops the embedded Postgres running from `dataDir/postgres`, as
 * `pg_ctl stop -m fast` does: SIGINT to the postmaster, which ends open
 * sessions, then wait until it is gone. Signalling needs no pg_ctl run as
 * the server's user. Returns whether a server was stopped.
 */
export async function stopEmbeddedPostgres(dataDir: string, log: Log, timeoutMs = 60_000): Promise<boolean> {
  const clusterDir = resolve(dataDir, 'postgres');
  const lockFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(lockFile)) {
    log(`No embedded Postgres is running from ${clusterDir}.`);
    return false;
  }
  // postmaster.pid: line 1 is the pid, line 4 the port.
  const lines = readFileSync(lockFile, 'utf8').split('\n');
  const pid = Number.parseInt(lines[0], 10);
  const port = Number.parseInt(lines[3], 10);
  // The pid of a server that crashed may belong to another process by now: only a server shown to run this cluster is signalled.
  if (!alive(pid) || !(await servesCluster(port, clusterDir))) {
    log(`No embedded Postgres is answering from ${clusterDir}; its stale lock (pid ${pid}) is removed by the next start.`);
    return false;
  }
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + timeoutMs;
  while (alive(pid)) {
    if (Date.now() > deadline)
      throw new Error(`The embedded Postgres (pid ${pid}) did not stop within ${timeoutMs / 1000} s; see ${join(clusterDir, 'server.log')}.`);
    await sleep(100);
  }
  log(`Embedded Postgres stopped (pid ${pid}, port ${port}).`);
  return true;
}
