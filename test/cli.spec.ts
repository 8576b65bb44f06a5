import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { executeTask, startProgress } from '../src/cli/run-task';
import { stopEmbeddedPostgres } from '../src/cli/stop-embedded-postgres';
import { validateEnv } from '../src/config/env';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { withDatabase } from './support/database-urls';

async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: process.env.TEST_ADMIN_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
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

const testEnv = (settings: Record<string, string>) => validateEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...settings });

describe('a command-line task on DATABASE_URL', () => {
  const name = `careercenter_cli_${randomBytes(6).toString('hex')}`;
  const url = withDatabase(process.env.TEST_ADMIN_DATABASE_URL!, name);
  const dataDir = mkdtempSync(join(tmpdir(), 'careercenter-cli-'));
  beforeAll(() => adminQuery(`CREATE DATABASE ${name}`));
  afterAll(async () => {
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('migrates an empty database, hands the task the app, and closes the app afterwards', async () => {
    const log: string[] = [];
    let dataSource: DataSource | undefined;
    let migrations: string[] = [];
    await executeTask(
      testEnv({ DATABASE_URL: url, DATA_DIR: dataDir }),
      async (app) => {
        const db = app.get(DataSource);
        dataSource = db;
        migrations = (await db.query(`SELECT name FROM migrations`)).map((r: { name: string }) => r.name);
      },
      (m) => log.push(m),
    );
    expect(migrations).toContain('Foundation1764572400000');
    expect(log).toContainEqual(expect.stringMatching(/^Applied \d+ migration\(s\): Foundation1764572400000/));
    expect(dataSource!.isInitialized).toBe(false);
  });

  it("fails with the task's own error and still closes the app", async () => {
    let dataSource: DataSource | undefined;
    const run = executeTask(
      testEnv({ DATABASE_URL: url, DATA_DIR: dataDir }),
      async (app) => {
        dataSource = app.get(DataSource);
        throw new Error('the task broke');
      },
      () => undefined,
    );
    await expect(run).rejects.toThrow('the task broke');
    expect(dataSource!.isInitialized).toBe(false);
  });
});

describe('a command-line task on the embedded Postgres', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'careercenter-cli-pg-'));
  const lockFile = join(dataDir, 'postgres', 'postmaster.pid');
  afterAll(async () => {
    await stopEmbeddedPostgres(dataDir, () => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts one from DATA_DIR when none runs and stops it when done', async () => {
    const log: string[] = [];
    let users: number | undefined;
    await executeTask(
      testEnv({ DATA_DIR: dataDir }),
      async (app) => {
        users = (await app.get(DataSource).query(`SELECT count(*)::int AS n FROM users`))[0].n;
      },
      (m) => log.push(m),
    );
    expect(users).toBe(0);
    expect(log).toContainEqual(expect.stringMatching(/^Embedded Postgres started from /));
    expect(log).toContain('Embedded Postgres stopped.');
    expect(existsSync(lockFile)).toBe(false);
  });

  it('uses the one another process runs from DATA_DIR and leaves it running; db:stop then stops it', async () => {
    const running = await startEmbeddedPostgres({ dataDir });
    const log: string[] = [];
    await executeTask(
      testEnv({ DATA_DIR: dataDir }),
      async () => undefined,
      (m) => log.push(m),
    );
    expect(log).toContainEqual(expect.stringMatching(/^Using the embedded Postgres already running from .* port \d+\)\.$/));
    expect(await answers(running.url)).toBe(true);

    const stopLog: string[] = [];
    expect(await stopEmbeddedPostgres(dataDir, (m) => stopLog.push(m))).toBe(true);
    expect(stopLog).toEqual([expect.stringMatching(new RegExp(`^Embedded Postgres stopped \\(pid \\d+, port ${running.port}\\)\\.$`))]);
    expect(await answers(running.url)).toBe(false);
    expect(existsSync(lockFile)).toBe(false);

    const again: string[] = [];
    expect(await stopEmbeddedPostgres(dataDir, (m) => again.push(m))).toBe(false);
    expect(again[0]).toMatch(/^No embedded Postgres is running from /);
  });

  it('db:stop leaves alone a live process whose pid a stale lock names', async () => {
    // A crashed server's lock, its pid since taken by another process (this one).
    writeFileSync(lockFile, `${process.pid}\n${join(dataDir, 'postgres')}\n0\n1\n`);
    const log: string[] = [];
    try {
      expect(await stopEmbeddedPostgres(dataDir, (m) => log.push(m))).toBe(false);
    } finally {
      rmSync(lockFile, { force: true });
    }
    expect(log[0]).toMatch(new RegExp(`^No embedded Postgres is answering from .*; its stale lock \\(pid ${process.pid}\\) is removed by the next start\\.$`));
  });
});

describe('the progress bar of a long task', () => {
  it('writes one line with the outcome where output is not a terminal', () => {
    const stream = new PassThrough();
    let output = '';
    stream.on('data', (d) => (output += d));
    const progress = startProgress('Importing codes', 3, stream);
    progress.increment();
    progress.increment(2);
    progress.stop();
    expect(output).toMatch(/^Importing codes: 3\/3 in \d+\.\d s\n$/);
  });
});
