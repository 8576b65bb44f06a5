import { openDataSource } from './data-source';

/**
 * Applies pending migrations under a Postgres advisory lock: processes
 * starting together (two app instances, or the app and a task) take turns
 * instead of applying the same migration twice.
 */
export async function migrate(url: string, log: (message: string) => void): Promise<void> {
  const dataSource = await openDataSource(url);
  const lock = dataSource.createQueryRunner();
  try {
    await lock.query(`SELECT pg_advisory_lock(hashtext('careercenter.migrations'))`);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length) log(`Applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`);
  } finally {
    await lock.release();
    // Closing the connections also ends the lock's session, which releases it.
    await dataSource.destroy();
  }
}
