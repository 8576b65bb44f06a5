import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { DataSource } from 'typeorm';
import { TaxonomyService } from '../../taxonomy/taxonomy.service';
import {
  ANY_STATE,
  EngineHit,
  EngineQuery,
  EngineResult,
  emptyFacets,
  Facet,
  FacetCounts,
  FACET_FILTER,
  FACETS,
  isFilterActive,
  HIGHLIGHT_END,
  HIGHLIGHT_START,
  JobSearchEngine,
  MAX_RESULT_WINDOW,
  SALARY_BANDS,
  SearchFilters,
} from '../job-search.port';
import { QueryClause, QueryTerm } from '../query-syntax';
import { alternativesOf, joinSynonymPhrases, synonymGroups } from '../synonyms';

/** Up to this many matches, counts are exact; beyond, they are estimated from a sample of the table. */
const EXACT_COUNT_LIMIT = 5000;
/** Rows a sample aims at: counts within about 5% for values held by a tenth of the matches. */
const SAMPLE_ROWS = 3000;
/** How long the table's row estimate is trusted before it is read again. */
const ROW_ESTIMATE_TTL_MS = 60_000;

/**
 * Counts of recent searches, kept under the documents' generation: any
 * committed change to the documents starts a new generation, so kept counts
 * never outlive a change. They are also keyed by the minute, as jobs expire
 * with time alone. Hits are never kept: closing a job removes it at once.
 */
const COUNT_CACHE_ENTRIES = 1000;
const COUNT_CACHE_TTL_MS = 60_000;

const HEADLINE_OPTIONS = `StartSel="${HIGHLIGHT_START}", StopSel="${HIGHLIGHT_END}", MaxWords=28, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

/** Collects positional parameters while SQL is composed. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown, cast = ''): string {
    this.values.push(value);
    return `$${this.values.length}${cast}`;
  }
}

/** A facet's values in one row of the matches `m` (an SQL expression that may return a set). */
const FACET_VALUES: Record<Exclude<Facet, 'salary'>, string> = {
  credential: 'unnest(m.credentials)',
  specialty: 'unnest(m.specialties)',
  setting: 'unnest(m.settings)',
  workplace: 'm.workplace',
  employmentType: 'm.employment_type',
  state: 'unnest(m.states)',
};

/**
 * One scan of the matches `m` that yields (facet, value) pairs, grouped into
 * counts; the salary facet counts each job under every band it reaches.
 */
function facetCountSql(facets: Facet[], p: Params): string {
  const pairs = facets.map((f) =>
    f === 'salary'
      ? `SELECT 'salary', b::text FROM unnest(${p.add([...SALARY_BANDS], '::int[]')}) b WHERE m.salary_yearly >= b`
      : `SELECT '${f}', ${FACET_VALUES[f]}`,
  );
  return `SELECT f.facet, f.value, count(*)::int AS n FROM m CROSS JOIN LATERAL (${pairs.join(' UNION ALL ')}) f(facet, value) GROUP BY 1, 2`;
}

/** The WHERE conditions of `filters` on job_search_documents `d`, leaving out `except`. */
function filterSql(filters: SearchFilters, now: Date, p: Params, except?: keyof SearchFilters): string[] {
  const on = (key: keyof SearchFilters) => key !== except && isFilterActive(filters, key);
  const conditions = [`(d.valid_through IS NULL OR d.valid_through > ${p.add(now, '::timestamptz')})`];
  if (on('credential')) conditions.push(`d.credentials && ${p.add(filters.credential, '::text[]')}`);
  if (on('specialty')) conditions.push(`d.specialties && ${p.add(filters.specialty, '::text[]')}`);
  if (on('setting')) conditions.push(`d.settings && ${p.add(filters.setting, '::text[]')}`);
  if (on('workplace')) conditions.push(`d.workplace = ANY (${p.add(filters.workplace, '::text[]')})`);
  // A remote job open to every state matches any state.
  if (on('state')) conditions.push(`d.states && ${p.add([...filters.state, ANY_STATE], '::text[]')}`);
  if (on('employmentType')) conditions.push(`d.employment_type = ANY (${p.add(filters.employmentType, '::text[]')})`);
  if (on('salaryMin')) conditions.push(`d.salary_yearly >= ${p.add(filters.salaryMin, '::int')}`);
  if (on('apprentice')) conditions.push('d.apprentice');
  if (on('postedWithin')) conditions.push(`d.published_at >= ${p.add(new Date(now.getTime() - filters.postedWithin! * 86400_000), '::timestamptz')}`);
  if (on('organizationIds')) conditions.push(`d.organization_id = ANY (${p.add(filters.organizationIds, '::uuid[]')})`);
  return conditions;
}

interface Counts {
  matched: number;
  approximate: boolean;
  facets: Partial<FacetCounts>;
}

/**
 * Postgres full-text search over `job_search_documents`, the embedded
 * default and the fallback for Meilisearch. Text is matched with a tsquery
 * composed from the parsed query (synonyms as alternatives, misspelt words
 * joined by their nearest known word, the last word as a prefix); ranking
 * looks only at the newest MAX_RESULT_WINDOW matches, and counts beyond
 * EXACT_COUNT_LIMIT come from a table sample, so no search reads every match
 * of a common word.
 */
@Injectable()
export class PostgresSearchEngine implements JobSearchEngine {
  readonly name = 'postgres';
  private rowEstimate?: { rows: number; at: number };
  private readonly countCache = new LRUCache<string, Counts>({ max: COUNT_CACHE_ENTRIES, ttl: COUNT_CACHE_TTL_MS });
  /** The documents' generation the last search read. */
  private knownGeneration?: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly taxonomy: TaxonomyService,
  ) {}

  async search(query: EngineQuery): Promise<EngineResult> {
    const tsquery = await this.textQuery(query.clauses);
    const keyAt = (generation: string) => JSON.stringify([generation, Math.floor(query.now.getTime() / 60_000), tsquery, query.filters]);
    // Counts are kept under a generation read before they were counted, so they include every change it stands for.
    // The generation comes back with the hits; until then the one an earlier search read is the best guess.
    const known = this.knownGeneration;
    let counts = known === undefined ? undefined : this.countCache.get(keyAt(known));
    const counting = counts ? undefined : this.counts(query, tsquery);
    const { hits, generation } = await this.hits(query, tsquery);
    this.knownGeneration = generation;
    if (counting) {
      counts = await counting;
      if (generation === known) this.countCache.set(keyAt(known), counts);
    } else if (generation !== known) {
      // The documents changed since the kept counts were made.
      counts = await this.counts(query, tsquery);
      this.countCache.set(keyAt(generation), counts);
    }
    return { total: counts!.matched, approximate: counts!.approximate, hits, facets: { ...emptyFacets(), ...counts!.facets } };
  }

  /** A counter that any committed change to the search documents moves on. */
  async generation(): Promise<string> {
    const [row] = await this.dataSource.query<{ generation: string }[]>(`SELECT generation FROM search_generation`);
    return row.generation;
  }

  /**
   * The query's text as a tsquery (its text form), or null when nothing
   * searchable is left (no words, only stop words). One statement: a word
   * that no title, employer or taxonomy name holds and no document contains
   * also matches the most similar known word (pg_trgm), if there is one.
   */
  async textQuery(clauses: QueryClause[]): Promise<string | null> {
    if (!clauses.length) return null;
    const groups = synonymGroups(await this.taxonomy.listCredentials());
    const joined = joinSynonymPhrases(clauses, groups);
    const correctable = (t: QueryTerm) => !t.phrase && !t.negated && t.text.length >= 4 && /^\p{L}+$/u.test(t.text);
    const words = [
      ...new Set(
        joined
          .flat()
          .filter(correctable)
          .map((t) => t.text.toLowerCase()),
      ),
    ];
    const p = new Params();
    const corrections = words.length
      ? `WITH corrections AS MATERIALIZED (
           SELECT w.word, (SELECT s.word FROM search_words s WHERE s.word % w.plain ORDER BY s.word <-> w.plain LIMIT 1) AS correction
           FROM (SELECT word, lower(unaccent(word)) AS plain FROM unnest(${p.add(words, '::text[]')}) AS word) w
           WHERE NOT EXISTS (SELECT 1 FROM search_words s WHERE s.word = w.plain)
             AND NOT EXISTS (SELECT 1 FROM job_search_documents d WHERE d.document @@ phraseto_tsquery('cc_english', w.word))) `
      : '';
    const term = (t: QueryTerm): string => {
      const alternatives = alternativesOf(t.text, groups).map((a) => `phraseto_tsquery('cc_english', ${p.add(a)})`);
      // The parser lets only letters and digits through as a prefix word, so `:*` is the only operator here.
      if (t.prefix) alternatives.push(`to_tsquery('cc_english', ${p.add(`${t.text}:*`)})`);
      let any = alternatives.length > 1 ? `(${alternatives.join(' || ')})` : alternatives[0];
      if (correctable(t)) {
        const correction = `(SELECT c.correction FROM corrections c WHERE c.word = ${p.add(t.text.toLowerCase())})`;
        any = `(CASE WHEN ${correction} IS NULL THEN ${any} ELSE ${any} || phraseto_tsquery('cc_english', ${correction}) END)`;
      }
      return t.negated ? `(!! ${any})` : any;
    };
    const expression = joined.map((clause) => (clause.length > 1 ? `(${clause.map(term).join(' || ')})` : term(clause[0]))).join(' && ');
    const [row] = await this.dataSource.query<{ text: string; nodes: number }[]>(
      `${corrections}SELECT q::text AS text, numnode(q) AS nodes FROM (SELECT ${expression} AS q) t`,
      p.values,
    );
    return row.nodes > 0 ? row.text : null;
  }

  /**
   * The page of hits with their snippets, and the documents' generation, in
   * one statement. With text and relevance, only the newest
   * MAX_RESULT_WINDOW matches are ranked.
   */
  private async hits(query: EngineQuery, tsquery: string | null): Promise<{ hits: EngineHit[]; generation: string }> {
    const limit = Math.max(0, Math.min(query.limit, MAX_RESULT_WINDOW - query.offset));
    const p = new Params();
    const where = filterSql(query.filters, query.now, p);
    const q = tsquery && p.add(tsquery, '::tsquery');
    // Each page lists job_id and two sort keys, all descending.
    let page: string;
    if (q && query.sort === 'relevance') {
      page = `SELECT job_id, ts_rank(document, ${q}) AS first, published_at AS second FROM (
                SELECT d.job_id, d.published_at, d.document FROM job_search_documents d
                WHERE ${[...where, `d.document @@ ${q}`].join(' AND ')}
                ORDER BY d.published_at DESC, d.job_id DESC LIMIT ${MAX_RESULT_WINDOW}) window_`;
    } else {
      if (q) where.push(`d.document @@ ${q}`);
      const [first, second] = query.sort === 'salary' ? ['d.salary_yearly', 'd.published_at'] : ['d.published_at', 'd.published_at'];
      page = `SELECT d.job_id, ${first} AS first, ${second} AS second FROM job_search_documents d WHERE ${where.join(' AND ')}`;
    }
    // As the indexes order: only salaries can be missing.
    const order = `first DESC${query.sort === 'salary' ? ' NULLS LAST' : ''}, second DESC, job_id DESC`;
    const highlight = q ? `ts_headline('cc_english', search_plain_text(j.description), ${q}, ${p.add(HEADLINE_OPTIONS)})` : 'NULL';
    const rows = await this.dataSource.query<{ generation: string; job_id: string | null; highlight: string | null }[]>(
      `WITH page AS (${page} ORDER BY ${order} OFFSET ${p.add(query.offset)} LIMIT ${p.add(limit)})
       SELECT g.generation, page.job_id, ${highlight} AS highlight
       FROM search_generation g LEFT JOIN page ON true ${q ? 'LEFT JOIN jobs j ON j.id = page.job_id' : ''}
       ORDER BY ${order.replace(/(\w+) DESC/g, 'page.$1 DESC')}`,
      p.values,
    );
    return {
      generation: rows[0].generation,
      hits: rows.filter((r) => r.job_id !== null).map((r) => ({ id: r.job_id!, highlight: r.highlight })),
    };
  }

  /**
   * Total and facet counts. Facets whose filter is active are counted
   * without that filter, each in its own pass; the rest share the pass
   * with every filter, which also gives the total.
   */
  private async counts(query: EngineQuery, tsquery: string | null): Promise<Counts> {
    const own = FACETS.filter((f) => isFilterActive(query.filters, FACET_FILTER[f]));
    const shared = FACETS.filter((f) => !own.includes(f));
    const passes = await Promise.all([this.countPass(query, tsquery, shared), ...own.map((f) => this.countPass(query, tsquery, [f], FACET_FILTER[f]))]);
    return {
      matched: passes[0].matched,
      approximate: passes.some((pass) => pass.approximate),
      facets: Object.assign({}, ...passes.map((pass) => pass.facets)) as Partial<FacetCounts>,
    };
  }

  private async countPass(query: EngineQuery, tsquery: string | null, facets: Facet[], except?: keyof SearchFilters): Promise<Counts> {
    const rows = await this.estimatedRows();
    const percent = Math.min(100, (100 * SAMPLE_ROWS) / Math.max(rows, 1));
    let sampled: Counts | undefined;
    if (rows > EXACT_COUNT_LIMIT) {
      sampled = await this.countRows(query, tsquery, facets, except, percent);
      // A small estimate is worth counting exactly: the set is small, and the sample's error large.
      if (sampled.matched > EXACT_COUNT_LIMIT) return sampled;
    }
    const exact = await this.countRows(query, tsquery, facets, except);
    if (exact.matched <= EXACT_COUNT_LIMIT) return exact;
    sampled ??= await this.countRows(query, tsquery, facets, except, percent);
    return { ...sampled, matched: Math.max(sampled.matched, EXACT_COUNT_LIMIT + 1), approximate: true };
  }

  /** Counts over the matches: exactly up to the limit, or over a sample of `percent` of the table, scaled up. */
  private async countRows(
    query: EngineQuery,
    tsquery: string | null,
    facets: Facet[],
    except: keyof SearchFilters | undefined,
    percent?: number,
  ): Promise<Counts> {
    const p = new Params();
    const where = filterSql(query.filters, query.now, p, except);
    if (tsquery) where.push(`d.document @@ ${p.add(tsquery, '::tsquery')}`);
    const from = percent === undefined ? 'job_search_documents d' : `job_search_documents d TABLESAMPLE SYSTEM (${p.add(percent, '::real')}) REPEATABLE (42)`;
    const limit = percent === undefined ? `LIMIT ${EXACT_COUNT_LIMIT + 1}` : '';
    const columns = 'd.credentials, d.specialties, d.settings, d.workplace, d.employment_type, d.states, d.salary_yearly';
    const counted = facets.length ? `${facetCountSql(facets, p)} UNION ALL ` : '';
    const sql = `WITH m AS MATERIALIZED (SELECT ${columns} FROM ${from} WHERE ${where.join(' AND ')} ${limit})
                 ${counted}SELECT '' AS facet, NULL AS value, count(*)::int AS n FROM m`;
    const rows = await this.dataSource.query<{ facet: Facet | ''; value: string; n: number }[]>(sql, p.values);
    const scale = percent === undefined ? 1 : 100 / percent;
    const result: Counts = {
      matched: 0,
      approximate: percent !== undefined && percent < 100,
      // Every salary band is listed, reached or not.
      facets: Object.fromEntries(facets.map((f) => [f, f === 'salary' ? Object.fromEntries(SALARY_BANDS.map((b) => [b, 0])) : {}])),
    };
    for (const { facet, value, n } of rows) {
      if (facet === '') result.matched = Math.round(n * scale);
      else result.facets[facet]![value] = Math.round(n * scale);
    }
    return result;
  }

  /** The planner's row count of the documents table, refreshed each minute (a count(*) if the table was never analyzed). */
  private async estimatedRows(): Promise<number> {
    if (this.rowEstimate && Date.now() - this.rowEstimate.at < ROW_ESTIMATE_TTL_MS) return this.rowEstimate.rows;
    const [{ rows }] = await this.dataSource.query<{ rows: number }[]>(
      `SELECT reltuples::bigint AS rows FROM pg_class WHERE oid = 'job_search_documents'::regclass`,
    );
    const estimate =
      Number(rows) >= 0 ? Number(rows) : Number((await this.dataSource.query<{ n: string }[]>(`SELECT count(*) AS n FROM job_search_documents`))[0].n);
    this.rowEstimate = { rows: estimate, at: Date.now() };
    return estimate;
  }
}
