import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { loadEnv } from '../config/env';
import { openDataSource } from '../database/data-source';
import { startEmbeddedPostgres } from '../database/embedded-postgres';
import { pendingSchemaChanges } from './migration-sql';
import { withDatabase } from '../database/database-url';

/**
 * Runs every migration on a brand-new database and asks TypeORM what it would
 * still change to match the entities. `--check` turns any difference into a
 * failure (the gate); without it the SQL is printed as migration code.
 *
 * Progress and advice go to stderr, so `npm run db:diff --silent > file` keeps
 * only the code.
 */

const check = process.argv.includes('--check');
const progress = (message: string) => process.stderr.write(`${message}\n`);

interface ScratchDatabase {
  url: string;
  where: string;
  remove(): Promise<void>;
}

async function withAdmin<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect().catch((e: Error) => {
    throw new Error(
      `Could not connect to DATABASE_URL: ${e.message}\nStart that server or correct the URL, or unset DATABASE_URL to use a throwaway embedded Postgres.`,
    );
  });
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A uniquely named database on DATABASE_URL's server, so the configured database is never touched. */
async function scratchOnServer(serverUrl: string): Promise<ScratchDatabase> {
  const name = `careercenter_schema_diff_${randomBytes(6).toString('hex')}`;
  await withAdmin(serverUrl, (c) =>
    c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}`).catch((e: Error) => {
      throw new Error(
        `Could not create a scratch database on DATABASE_URL's server: ${e.message}\n` +
          'The check needs a role that may CREATE DATABASE (ALTER ROLE ... CREATEDB), or unset DATABASE_URL to use a throwaway embedded Postgres.',
      );
    }),
  );
  return {
    url: withDatabase(serverUrl, name),
    where: `scratch database ${name} on DATABASE_URL's server`,
    remove: () => withAdmin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`)).then(() => undefined),
  };
}

/** An embedded Postgres in a fresh temporary directory, stopped and deleted afterwards. */
async function scratchEmbedded(): Promise<ScratchDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'careercenter-schema-diff-'));
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
  const pg = await startEmbeddedPostgres({ dataDir, log: progress }).catch((e: Error) => {
    removeDir();
    throw e;
  });
  return {
    url: pg.url,
    where: 'a throwaway embedded Postgres',
    remove: async () => {
      try {
        await pg.stop();
      } finally {
        removeDir();
      }
    },
  };
}

/** One statement as migration source, escaped so the template literal yields the SQL unchanged. */
function asMigrationLine(sql: string): string {
  return `    await queryRunner.query(\`${sql.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${')}\`);`;
}

async function diff(database: ScratchDatabase): Promise<string[]> {
  const dataSource = await openDataSource(database.url);
  try {
    progress(`Running every migration on ${database.where}…`);
    const applied = await dataSource.runMigrations({ transaction: 'each' }).catch((e: Error) => {
      throw new Error(
        `A migration failed on an empty database: ${e.message}\nFix that migration in src/database/migrations; every migration must run on a brand-new database.`,
      );
    });
    progress(`Applied ${applied.length} migration(s); comparing the schema with the entities…`);
    return await pendingSchemaChanges(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

async function main(): Promise<number> {
  // Ctrl-C must not leave a scratch database or server behind: finish the step, clean up, then stop.
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) process.exit(130);
    interrupted = true;
    progress(`${signal} received: stopping once the scratch database is removed (press again to leave it behind)…`);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const env = loadEnv();
  progress(env.DATABASE_URL ? "Creating a scratch database on DATABASE_URL's server…" : 'Starting a throwaway embedded Postgres…');
  const database = env.DATABASE_URL ? await scratchOnServer(env.DATABASE_URL) : await scratchEmbedded();
  let changes: string[] = [];
  try {
    if (!interrupted) changes = await diff(database);
  } finally {
    await database.remove();
  }
  if (interrupted) return 130;

  if (changes.length === 0) {
    if (check) process.stdout.write('Schema matches the migrations.\n');
    else progress('Schema matches the migrations: no migration to write.');
    return 0;
  }
  if (check) {
    process.stdout.write(`${changes.map((sql) => `${sql};`).join('\n')}\n`);
    process.stderr.write('Entities and migrations differ: write a migration (npm run db:diff prints the SQL)\n');
    return 1;
  }
  process.stdout.write(`${changes.map(asMigrationLine).join('\n')}\n`);
  progress(`Put these lines in up() of a new src/database/migrations/${Date.now()}-<what-changed>.ts, and write down() to undo them.`);
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  },
);
