import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../../database/embedded-postgres';

/** A server under test, on loopback. */
export interface BenchServer {
  baseUrl: string;
  pid: number;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 120_000;

const tail = (file: string) => readFileSync(file, 'utf8').split('\n').slice(-30).join('\n');

/**
 * Starts the built app (dist/main.js) on `databaseUrl` and a free loopback
 * port, as production runs it: Postgres search (no Meilisearch), warnings
 * only in the log (written to `logFile`), no mail server. Resolves once
 * /health/ready answers.
 */
export async function startAppServer(databaseUrl: string, dataDir: string, logFile: string): Promise<BenchServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const log = openSync(logFile, 'w');
  // Only these variables: nothing from the caller's shell (a MEILI_URL, say) changes what is measured.
  const child = spawn(process.execPath, [join(__dirname, '..', '..', 'main.js')], {
    cwd: join(__dirname, '..', '..', '..'),
    env: {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      JWT_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'warn',
      MEILI_URL: '',
      SMTP_URL: '',
      DEMO_DATA: 'false',
      // Lookups are measured, not the meter: every code page is shown in full.
      CODE_VIEWS_SIGNED_OUT: '100000',
    },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  let exitCode: number | null | undefined;
  const exited = new Promise<void>((ok) =>
    child.once('exit', (code) => {
      exitCode = code;
      ok();
    }),
  );

  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (exitCode !== undefined) throw new Error(`The app exited (code ${exitCode}) before it was ready. The end of ${logFile}:\n${tail(logFile)}`);
    const ready = await fetch(`${baseUrl}/health/ready`).then(
      (res) => res.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`The app was not ready within ${READY_TIMEOUT_MS / 1000} s. The end of ${logFile}:\n${tail(logFile)}`);
    }
    await sleep(250);
  }

  return {
    baseUrl,
    pid: child.pid!,
    stop: async () => {
      if (exitCode !== undefined) return;
      // It finishes in-flight requests on SIGTERM; one that hangs is killed.
      const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.kill('SIGTERM');
      await exited;
      clearTimeout(kill);
    },
  };
}
