import { fork } from 'node:child_process';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { Pool } from 'pg';
import { DomainError } from '../../common/domain-error';
import { US_STATE_NAMES } from '../../jobs/us-states';
import { buildSearchQuery, JobSearchParams, JobSearchQuery, pageOffset, SearchVocabulary } from '../../search/job-search-query';
import { Facet, HOURS_PER_YEAR, SALARY_BANDS, SearchFilters } from '../../search/job-search.port';
import { QueryClause } from '../../search/query-syntax';
import type { BenchServer } from './app-server';

/**
 * The naive search the benchmark compares the engine with: the same URL
 * parameters and query object, answered straight from `jobs` with
 * `ILIKE '%word%'` on title and description, a plain count(*), and one
 * GROUP BY per facet that applies every other filter. Correct, not clever:
 * no search documents, no full-text index, no sampling.
 *
 * It runs in a process of its own, as the app does, so neither server
 * shares an event loop with the load generator.
 */

type Param = (value: unknown, cast?: string) => string;

const SALARY_YEARLY = `(CASE WHEN j.salary_period = 'HOUR' THEN coalesce(j.salary_max, j.salary_min) * ${HOURS_PER_YEAR} ELSE coalesce(j.salary_max, j.salary_min) END)`;

/** Remote jobs with no listed states hire in every state. */
const OPEN_EVERYWHERE = `(j.workplace = 'remote' AND cardinality(j.remote_states) = 0)`;

/** Each facet's values per job (as a FROM item yielding `value`) and the filter its own selection sets. */
const FACET_QUERIES: Record<Facet, { from: (param: Param) => string; filter: keyof SearchFilters }> = {
  credential: { from: () => 'unnest(j.credential_codes) AS f(value)', filter: 'credential' },
  // A job counts under its specialties' parents too (the taxonomy nests one level deep).
  specialty: {
    from: () =>
      `LATERAL (SELECT unnest(j.specialty_slugs) UNION SELECT s.parent::text FROM specialties s WHERE s.slug = ANY (j.specialty_slugs) AND s.parent IS NOT NULL) AS f(value)`,
    filter: 'specialty',
  },
  setting: { from: () => 'unnest(j.setting_slugs) AS f(value)', filter: 'setting' },
  workplace: { from: () => 'LATERAL (SELECT j.workplace) AS f(value)', filter: 'workplace' },
  employmentType: { from: () => 'LATERAL (SELECT j.employment_type) AS f(value)', filter: 'employmentType' },
  state: {
    from: (param) =>
      `LATERAL (SELECT DISTINCT unnest(CASE WHEN ${OPEN_EVERYWHERE} THEN ${param(Object.keys(US_STATE_NAMES), '::text[]')} ELSE j.location_states || j.remote_states END)) AS f(value)`,
    filter: 'state',
  },
  salary: { from: (param) => `unnest(${param([...SALARY_BANDS], '::int[]')}) AS f(value)`, filter: 'salaryMin' },
};

const isActive = (value: SearchFilters[keyof SearchFilters]) => (Array.isArray(value) ? value.length > 0 : value !== null && value !== false);

const likePattern = (word: string) => `%${word.replace(/[\\%_]/g, '\\$&')}%`;

/** Open jobs matching the query's words and filters, leaving out the filter `except`. */
function where(query: JobSearchQuery, param: Param, except?: keyof SearchFilters): string {
  const f = query.filters;
  const on = (key: keyof SearchFilters) => key !== except && isActive(f[key]);
  const conditions = [`j.status = 'published'`, `(j.valid_through IS NULL OR j.valid_through > now())`, ...textConditions(query.clauses, param)];
  if (on('credential')) conditions.push(`j.credential_codes && ${param(f.credential, '::text[]')}`);
  if (on('specialty')) {
    const chosen = param(f.specialty, '::text[]');
    conditions.push(`j.specialty_slugs && ARRAY(SELECT s.slug::text FROM specialties s WHERE s.slug = ANY (${chosen}) OR s.parent = ANY (${chosen}))`);
  }
  if (on('setting')) conditions.push(`j.setting_slugs && ${param(f.setting, '::text[]')}`);
  if (on('workplace')) conditions.push(`j.workplace = ANY (${param(f.workplace, '::text[]')})`);
  if (on('state')) {
    const states = param(f.state, '::text[]');
    conditions.push(`(j.location_states && ${states} OR j.remote_states && ${states} OR ${OPEN_EVERYWHERE})`);
  }
  if (on('employmentType')) conditions.push(`j.employment_type = ANY (${param(f.employmentType, '::text[]')})`);
  if (on('salaryMin')) conditions.push(`${SALARY_YEARLY} >= ${param(f.salaryMin)}`);
  if (on('apprentice')) conditions.push('j.apprentice_friendly');
  if (on('postedWithin')) conditions.push(`j.published_at >= now() - ${param(`${f.postedWithin} days`, '::interval')}`);
  if (on('organizationIds')) conditions.push(`j.organization_id = ANY (${param(f.organizationIds, '::uuid[]')})`);
  return conditions.join(' AND ');
}

/** Every clause must match; the words of a clause are alternatives; an excluded word must not appear. */
function textConditions(clauses: QueryClause[], param: Param): string[] {
  return clauses.map((clause) => {
    const terms = clause.map((term) => {
      const pattern = param(likePattern(term.text));
      const match = `(j.title ILIKE ${pattern} OR j.description ILIKE ${pattern})`;
      return term.negated ? `NOT ${match}` : match;
    });
    return `(${terms.join(' OR ')})`;
  });
}

/** Runs one statement with its own parameter list. */
async function select<T>(pool: Pool, compose: (param: Param) => string): Promise<T[]> {
  const values: unknown[] = [];
  const sql = compose((value, cast = '') => {
    values.push(value);
    return `$${values.length}${cast}`;
  });
  return (await pool.query(sql, values)).rows as T[];
}

async function search(pool: Pool, query: JobSearchQuery): Promise<Record<string, unknown>> {
  const order = query.sort === 'salary' ? `${SALARY_YEARLY} DESC NULLS LAST, j.published_at DESC, j.id DESC` : 'j.published_at DESC, j.id DESC';
  const offset = pageOffset(query) ?? 0;
  const hits = select(
    pool,
    (p) => `SELECT j.id, j.title, o.name AS organization, o.slug AS "organizationSlug", j.workplace, j.locations, j.remote_states AS "remoteStates",
                   j.salary_min AS "salaryMin", j.salary_max AS "salaryMax", j.salary_period AS "salaryPeriod",
                   j.credential_codes AS credentials, j.specialty_slugs AS specialties, j.published_at AS "postedAt"
            FROM jobs j JOIN organizations o ON o.id = j.organization_id
            WHERE ${where(query, p)} ORDER BY ${order} LIMIT ${p(query.perPage)} OFFSET ${p(offset)}`,
  );
  const total = select<{ n: number }>(pool, (p) => `SELECT count(*)::int AS n FROM jobs j WHERE ${where(query, p)}`);
  const facets = (Object.keys(FACET_QUERIES) as Facet[]).map(async (facet) => {
    const { from, filter } = FACET_QUERIES[facet];
    const rows = await select<{ value: string; n: number }>(pool, (p) => {
      const source = from(p);
      const condition = facet === 'salary' ? ` AND ${SALARY_YEARLY} >= f.value` : '';
      return `SELECT f.value, count(*)::int AS n FROM jobs j CROSS JOIN ${source} WHERE ${where(query, p, filter)}${condition} GROUP BY f.value`;
    });
    return [facet, Object.fromEntries(rows.map((r) => [r.value, r.n]))] as const;
  });
  const [hitRows, [{ n }], facetCounts] = await Promise.all([hits, total, Promise.all(facets)]);
  return {
    total: n,
    page: query.page,
    perPage: query.perPage,
    hits: hitRows,
    facets: Object.fromEntries(facetCounts),
    appliedFilters: { q: query.q, text: query.text, ...query.selected, sort: query.sort, inferred: query.inferred },
    engine: 'baseline',
  };
}

async function vocabulary(pool: Pool): Promise<SearchVocabulary> {
  const credentials = (await pool.query<{ code: string }>('SELECT code FROM credentials')).rows.map((r) => r.code);
  const specialties = (await pool.query<{ slug: string; group: string | null }>('SELECT slug, "group" FROM specialties')).rows;
  return {
    credentials,
    specialties: specialties.filter((s) => s.group !== 'setting').map((s) => s.slug),
    settings: specialties.filter((s) => s.group === 'setting').map((s) => s.slug),
    organizations: async (slugs) => {
      const rows = (await pool.query<{ id: string; slug: string }>('SELECT id, slug FROM organizations WHERE slug = ANY ($1::text[])', [slugs])).rows;
      return new Map(rows.map((r) => [r.slug, r.id]));
    },
  };
}

/** URL parameters as Express parses them: a repeated key becomes an array. */
function searchParams(url: URL): JobSearchParams {
  const params: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    params[key] = values.length > 1 ? values : values[0];
  }
  return params as JobSearchParams;
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

async function serveChild(databaseUrl: string): Promise<void> {
  // As many connections as the app's pool.
  const pool = new Pool({ connectionString: databaseUrl, max: 10, application_name: 'careercenter-bench-baseline' });
  const words = await vocabulary(pool);
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' || url.pathname !== '/api/jobs') return reply(res, 404, { message: 'Not found' });
    try {
      reply(res, 200, await search(pool, await buildSearchQuery(searchParams(url), words)));
    } catch (e) {
      if (e instanceof DomainError) reply(res, e.status, { message: e.message, fields: e.fields });
      else reply(res, 500, { message: e instanceof Error ? e.message : String(e) });
    }
  };
  const server = createServer((req, res) => void handle(req, res));
  server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as { port: number }).port }));
  process.once('disconnect', () => server.close(() => void pool.end()));
}

/** Starts the baseline in a child process on a free loopback port. */
export function startBaselineServer(databaseUrl: string): Promise<BenchServer> {
  const child = fork(__filename, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  return new Promise((ok, fail) => {
    child.once('error', fail);
    child.once('exit', (code) => fail(new Error(`The baseline server exited before it listened (exit ${code}).`)));
    child.once('message', (message: { port: number }) =>
      ok({
        baseUrl: `http://127.0.0.1:${message.port}`,
        pid: child.pid!,
        stop: async () => {
          // Disconnecting lets it close its server and pool and exit; one that hangs is killed.
          const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
          child.disconnect();
          await exited;
          clearTimeout(kill);
        },
      }),
    );
    // The URL travels over IPC rather than argv, where any user of the machine could read its password.
    child.send({ databaseUrl });
  });
}

if (require.main === module) {
  process.once('message', (message: { databaseUrl: string }) => {
    serveChild(message.databaseUrl).catch((e: unknown) => {
      process.stderr.write(`The baseline server failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(1);
    });
  });
}
