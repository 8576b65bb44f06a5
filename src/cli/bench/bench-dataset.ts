import { Client, Pool, PoolClient } from 'pg';
import { openDataSource } from '../../database/data-source';
import { withDatabase } from '../../database/database-url';
import { migrate } from '../../database/migrate';
import { loadReferenceData } from '../../taxonomy/reference-data';
import { startProgress } from '../run-task';
import { GENERATOR_VERSION, JOBS_PER_ORGANIZATION, SyntheticJob, syntheticJob, syntheticOrganizations } from './synthetic-jobs';

type Log = (message: string) => void;

export interface DatasetSpec {
  jobs: number;
  seed: number;
}

export interface Dataset {
  url: string;
  /** Seconds the load took (the first time, for a reused dataset). */
  loadSeconds: number;
  reused: boolean;
}

/** Jobs per INSERT: about 3 MB of JSON, with the search documents built by the same statement. */
const BATCH_SIZE = 2000;
/** INSERTs in flight: Postgres builds documents for one while the next batch is generated. */
const LOADERS = 2;
/** A dataset older than this has its dates moved forward, so "posted within" and expiry see what they saw at load time. */
const MAX_DATASET_AGE_MS = 86_400_000;

/** One database per size and seed, beside the app's, never the app's own. */
export function datasetDatabaseName(spec: DatasetSpec): string {
  return `careercenter_bench_${spec.jobs}_${spec.seed}`;
}

async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

interface LoadRecord {
  generatorVersion: number;
  datedAt: Date;
  loadSeconds: number;
}

/** What the completed load recorded, or undefined when the database is missing or its load never finished. */
async function loadRecord(serverUrl: string, url: string): Promise<LoadRecord | undefined> {
  const name = new URL(url).pathname.slice(1);
  const exists = await withClient(serverUrl, async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount);
  if (!exists) return undefined;
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ table: string | null }>(`SELECT to_regclass('bench_dataset')::text AS table`);
    if (!rows[0].table) return undefined;
    const records = await c.query<LoadRecord>(
      `SELECT generator_version AS "generatorVersion", dated_at AS "datedAt", load_seconds AS "loadSeconds" FROM bench_dataset`,
    );
    return records.rows[0];
  });
}

/**
 * The benchmark's database for `spec` on the server at `serverUrl`: reused
 * when an earlier run loaded the same size and seed with this generator,
 * otherwise made anew and loaded.
 */
export async function prepareDataset(serverUrl: string, spec: DatasetSpec, options: { reload: boolean }, log: Log): Promise<Dataset> {
  const name = datasetDatabaseName(spec);
  const url = withDatabase(serverUrl, name);
  const record = options.reload ? undefined : await loadRecord(serverUrl, url);
  if (record?.generatorVersion === GENERATOR_VERSION) {
    log(`Reusing ${spec.jobs} jobs (seed ${spec.seed}) from database ${name}.`);
    await migrateAndReference(url, log);
    await moveDatesForward(url, record.datedAt, log);
    return { url, loadSeconds: record.loadSeconds, reused: true };
  }

  await withClient(serverUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}`);
  });
  await migrateAndReference(url, log);
  const started = Date.now();
  const datedAt = new Date();
  await load(url, spec, datedAt);
  const loadSeconds = (Date.now() - started) / 1000;
  await withClient(url, async (c) => {
    await c.query(`CREATE TABLE bench_dataset (jobs integer NOT NULL, seed bigint NOT NULL, generator_version integer NOT NULL,
                   dated_at timestamptz NOT NULL, load_seconds real NOT NULL)`);
    await c.query('INSERT INTO bench_dataset VALUES ($1, $2, $3, $4, $5)', [spec.jobs, spec.seed, GENERATOR_VERSION, datedAt, loadSeconds]);
  });
  log(`Loaded ${spec.jobs} jobs into database ${name} in ${loadSeconds.toFixed(1)} s.`);
  return { url, loadSeconds, reused: false };
}

/** The schema and taxonomy as the app would make them at start. */
async function migrateAndReference(url: string, log: Log): Promise<void> {
  await migrate(url, log);
  const dataSource = await openDataSource(url);
  try {
    await loadReferenceData(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/** Column name → type of a job row as the loader sends it (JSON keys are the column names). */
const JOB_COLUMNS = {
  organization_id: 'uuid',
  title: 'text',
  description: 'text',
  description_html: 'text',
  employment_type: 'text',
  workplace: 'text',
  locations: 'jsonb',
  location_states: 'text[]',
  remote_states: 'text[]',
  salary_min: 'numeric',
  salary_max: 'numeric',
  salary_period: 'text',
  credential_codes: 'text[]',
  apprentice_friendly: 'boolean',
  specialty_slugs: 'text[]',
  setting_slugs: 'text[]',
  min_years_experience: 'smallint',
  tools: 'text[]',
  productivity: 'text',
  apply_method: 'text',
  apply_url: 'text',
  apply_email: 'text',
  valid_through: 'timestamptz',
  published_at: 'timestamptz',
} as const;

type JobRow = Record<keyof typeof JOB_COLUMNS, unknown>;

const columns = Object.keys(JOB_COLUMNS).join(', ');
// Published jobs in one statement: the statement-level trigger builds their search documents set-wise.
const INSERT_JOBS = `INSERT INTO jobs (status, created_at, updated_at, ${columns})
  SELECT 'published', r.published_at, r.published_at, ${columns}
  FROM jsonb_to_recordset($1::jsonb) AS r(${Object.entries(JOB_COLUMNS)
    .map(([column, type]) => `${column} ${type}`)
    .join(', ')})`;

function jobRow(job: SyntheticJob, organizationIds: string[]): JobRow {
  return {
    organization_id: organizationIds[job.organization],
    title: job.title,
    description: job.description,
    description_html: job.descriptionHtml,
    employment_type: job.employmentType,
    workplace: job.workplace,
    locations: job.locations,
    location_states: job.locationStates,
    remote_states: job.remoteStates,
    salary_min: job.salaryMin,
    salary_max: job.salaryMax,
    salary_period: job.salaryPeriod,
    credential_codes: job.credentialCodes,
    apprentice_friendly: job.apprenticeFriendly,
    specialty_slugs: job.specialtySlugs,
    setting_slugs: job.settingSlugs,
    min_years_experience: job.minYearsExperience,
    tools: job.tools,
    productivity: job.productivity,
    apply_method: job.applyMethod,
    apply_url: job.applyUrl,
    apply_email: job.applyEmail,
    valid_through: job.validThrough,
    published_at: job.publishedAt,
  };
}

async function load(url: string, spec: DatasetSpec, now: Date): Promise<void> {
  const pool = new Pool({ connectionString: url, max: LOADERS, application_name: 'careercenter-bench-loader' });
  try {
    const organizations = syntheticOrganizations(Math.max(1, Math.round(spec.jobs / JOBS_PER_ORGANIZATION)), spec.seed);
    const { rows } = await pool.query<{ id: string; slug: string }>(
      `INSERT INTO organizations (name, slug, website, headquarters_city, headquarters_state, size_band, verified_at)
       SELECT name, slug, website, "headquartersCity", "headquartersState", "sizeBand", $2
       FROM jsonb_to_recordset($1::jsonb) AS r(name text, slug text, website text, "headquartersCity" text, "headquartersState" text, "sizeBand" text)
       RETURNING id, slug`,
      [JSON.stringify(organizations), now],
    );
    const idBySlug = new Map(rows.map((r) => [r.slug, r.id]));
    const organizationIds = organizations.map((o) => idBySlug.get(o.slug)!);

    const progress = startProgress('Loading jobs', spec.jobs);
    let next = 0;
    const loader = async (client: PoolClient) => {
      while (next < spec.jobs) {
        const from = next;
        next = Math.min(spec.jobs, next + BATCH_SIZE);
        const batch: JobRow[] = [];
        for (let i = from; i < next; i++) batch.push(jobRow(syntheticJob(spec.seed, i, spec.jobs, organizations, now), organizationIds));
        await client.query(INSERT_JOBS, [JSON.stringify(batch)]);
        progress.increment(batch.length);
      }
    };
    const clients = await Promise.all(Array.from({ length: LOADERS }, () => pool.connect()));
    try {
      await Promise.all(clients.map(loader));
    } finally {
      for (const client of clients) client.release();
      progress.stop();
    }
    // Fresh statistics for the planner and an empty GIN pending list, before anyone measures.
    await pool.query('VACUUM (ANALYZE) jobs, organizations, job_search_documents, search_words');
  } finally {
    await pool.end();
  }
}

/**
 * Shifts every date of a dataset loaded more than a day ago by the whole
 * days since, in jobs and in their search documents, so each run searches
 * the same spread of posting dates and no posting expires between runs.
 * The update trigger stays off: documents get the same shift directly
 * rather than being rebuilt.
 */
async function moveDatesForward(url: string, datedAt: Date, log: Log): Promise<void> {
  const days = Math.floor((Date.now() - datedAt.getTime()) / MAX_DATASET_AGE_MS);
  if (days < 1) return;
  log(`Moving the dataset's dates forward by ${days} day(s)…`);
  await withClient(url, async (c) => {
    const shift = `${days} days`;
    await c.query('BEGIN');
    await c.query('ALTER TABLE jobs DISABLE TRIGGER job_search_jobs_updated');
    await c.query(
      `UPDATE jobs SET published_at = published_at + $1::interval, valid_through = valid_through + $1::interval,
                       created_at = created_at + $1::interval, updated_at = updated_at + $1::interval`,
      [shift],
    );
    await c.query('ALTER TABLE jobs ENABLE TRIGGER job_search_jobs_updated');
    await c.query('UPDATE job_search_documents SET published_at = published_at + $1::interval, valid_through = valid_through + $1::interval', [shift]);
    await c.query('UPDATE bench_dataset SET dated_at = dated_at + $1::interval', [shift]);
    await c.query('COMMIT');
    await c.query('VACUUM (ANALYZE) jobs, job_search_documents');
  });
}
