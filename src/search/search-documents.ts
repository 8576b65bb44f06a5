import type { DataSource, EntityManager } from 'typeorm';
import type { EmploymentType, Workplace } from '../jobs/job.entity';
import type { JobSearchDocument } from './job-search.port';

/** A row of the `job_search_source` view: what a search document is made of (one open job). */
interface SearchSourceRow {
  job_id: string;
  organization_id: string;
  organization_name: string;
  title: string;
  description: string;
  published_at: Date;
  valid_through: Date | null;
  version: Date;
  credentials: string[];
  credential_names: string[];
  specialties: string[];
  specialty_names: string[];
  settings: string[];
  workplace: Workplace;
  employment_type: EmploymentType;
  states: string[];
  salary_yearly: number | null;
  apprentice: boolean;
  cities: string[];
  tools: string[];
}

const COLUMNS = `job_id, organization_id, organization_name, title, description, published_at, valid_through, version, credentials,
  credential_names, specialties, specialty_names, settings, workplace, employment_type, states, salary_yearly, apprentice, cities, tools`;

type Queryable = DataSource | EntityManager;

function toDocument(row: SearchSourceRow): JobSearchDocument {
  return {
    id: row.job_id,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    title: row.title,
    description: row.description,
    credentialNames: row.credential_names,
    specialtyNames: row.specialty_names,
    cities: row.cities,
    tools: row.tools,
    credentials: row.credentials,
    specialties: row.specialties,
    settings: row.settings,
    workplace: row.workplace,
    employmentType: row.employment_type,
    states: row.states,
    salaryYearly: row.salary_yearly,
    apprentice: row.apprentice,
    publishedAt: row.published_at.getTime(),
    validThrough: row.valid_through?.getTime() ?? null,
    version: row.version.getTime(),
  };
}

/** The documents of those of `ids` that are open (published); the others have none. */
export async function loadSearchDocuments(db: Queryable, ids: string[]): Promise<JobSearchDocument[]> {
  if (!ids.length) return [];
  const rows = await db.query<SearchSourceRow[]>(`SELECT ${COLUMNS} FROM job_search_source WHERE job_id = ANY ($1::uuid[])`, [ids]);
  return rows.map(toDocument);
}

/** The current version of each of `ids` that is open; a missing id has no document. */
export async function loadSearchVersions(db: Queryable, ids: string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await db.query<{ job_id: string; version: Date }[]>(`SELECT job_id, version FROM job_search_source WHERE job_id = ANY ($1::uuid[])`, [ids]);
  return new Map(rows.map((r) => [r.job_id, r.version.getTime()]));
}

export async function countSearchDocuments(db: Queryable): Promise<number> {
  const [{ count }] = await db.query<{ count: number }[]>(`SELECT count(*)::int AS count FROM job_search_source`);
  return count;
}

/** Every document, `batchSize` at a time in id order (keyset pages, so a long read never skips or repeats a job). */
export async function* allSearchDocuments(db: Queryable, batchSize: number): AsyncIterable<JobSearchDocument[]> {
  let after: string | null = null;
  for (;;) {
    const rows: SearchSourceRow[] =
      after === null
        ? await db.query(`SELECT ${COLUMNS} FROM job_search_source ORDER BY job_id LIMIT $1`, [batchSize])
        : await db.query(`SELECT ${COLUMNS} FROM job_search_source WHERE job_id > $1::uuid ORDER BY job_id LIMIT $2`, [after, batchSize]);
    if (!rows.length) return;
    yield rows.map(toDocument);
    after = rows[rows.length - 1].job_id;
  }
}
