import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres';

async function query(url: string, sql: string) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('the embedded Postgres', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'careercenter-pg-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('initialises once, is shared while running, keeps data across restarts and recovers a stale lock', async () => {
    const first = await startEmbeddedPostgres({ dataDir });
    expect(first.owned).toBe(true);
    await query(first.url, 'CREATE TABLE kept (v text); INSERT INTO kept VALUES ($$still here$$)');

    // A second process (a command-line task) finds the running server instead of starting one.
    const shared = await startEmbeddedPostgres({ dataDir });
    expect(shared.owned).toBe(false);
    expect(shared.port).toBe(first.port);
    await shared.stop();
    expect(await query(first.url, 'SELECT v FROM kept')).toEqual([{ v: 'still here' }]);
    await first.stop();

    // A crash leaves postmaster.pid behind with a pid that no longer runs.
    writeFileSync(join(dataDir, 'postgres', 'postmaster.pid'), `999999\n${join(dataDir, 'postgres')}\n0\n${first.port}\n\n127.0.0.1\n0 0\nready\n`);
    const again = await startEmbeddedPostgres({ dataDir });
    try {
      expect(again.owned).toBe(true);
      expect(await query(again.url, 'SELECT v FROM kept')).toEqual([{ v: 'still here' }]);
    } finally {
      await again.stop();
    }
  });

  it('lets two processes that start at once share one new cluster', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'careercenter-pg-'));
    try {
      const [a, b] = await Promise.all([startEmbeddedPostgres({ dataDir: fresh }), startEmbeddedPostgres({ dataDir: fresh })]);
      expect([a.owned, b.owned].sort()).toEqual([false, true]);
      expect(a.port).toBe(b.port);
      await (a.owned ? a : b).stop();
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });
});
