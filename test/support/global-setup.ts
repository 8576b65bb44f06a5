import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { openDataSource } from '../../src/database/data-source';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { loadReferenceData } from '../../src/taxonomy/reference-data';
import { TEMPLATE_DATABASE, withDatabase } from './database-urls';

/**
 * One Postgres for the whole run: the embedded one in a temporary directory,
 * or the server named by DATABASE_URL. The real migrations build a template
 * database; every test file then gets its own copy of it (see test-app.ts).
 */
export default async function globalSetup(): Promise<void> {
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dataDir = mkdtempSync(join(tmpdir(), 'careercenter-test-'));
    const pg = await startEmbeddedPostgres({ dataDir, database: 'postgres' });
    adminUrl = pg.url;
    (globalThis as { __embeddedPostgres?: typeof pg }).__embeddedPostgres = pg;
    process.env.TEST_DATA_DIR = dataDir;
  }
  process.env.TEST_ADMIN_DATABASE_URL = adminUrl;

  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await admin.end();

  const dataSource = await openDataSource(withDatabase(adminUrl, TEMPLATE_DATABASE));
  await dataSource.runMigrations({ transaction: 'each' });
  await loadReferenceData(dataSource);
  await dataSource.destroy();
}
