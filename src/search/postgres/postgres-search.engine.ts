import { Injectable } from '@nestjs/common';
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
/** Rows a sample aims at: enough for counts within a few percent on large result sets. */
const SAMPLE_ROWS = 10000;
/** How long the table's row estimate is trusted before it is read again. */
const ROW_ESTIMATE_TTL_MS = 60_000;

const HEADLINE_OPTIONS = `StartSel="${HIGHLIGHT_START}", StopSel="${HIGHLIGHT_END}", MaxWords=28, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

/** Collects positional parameters while SQL is composed. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown, cast = ''): string {
    this.values.push(value);
    return `$${this.values.length}${cast}`;
  }
}

const FACET_SQL: Record<Facet, (p: Params) => string> = {
  credential: () => arrayFacet('credentials'),
  specialty: () => arrayFacet('specialties'),
  setting: () => arrayFacet('settings'),
  workplace: () => scalarFacet('workplace'),
  employmentType: () => scalarFacet('employment_type'),
  state: () => arrayFacet('states'),
  salary: (p) =>
    `(SELECT coalesce(jsonb_object_agg(b::text, n), '{}') FROM (SELECT b, (SELECT count(*) FROM m WHERE m.salary_yearly >= b) AS n FROM unnest(${p.add([...SALARY_BANDS], '::int[]')}) b) x)`,
};

function arrayFacet(column: string): string {
  return `(SELECT coalesce(jsonb_object_agg(v, n), '{}') FROM (SELECT unnest(m.${column}) AS v, count(*) AS n FROM m GROUP BY 1) x)`;
}

function scalarFacet(column: string): string {
  return `(SELECT coalesce(jsonb_object_agg(v, n), '{}') FROM (SELECT m.${column} AS v, count(*) AS n FROM m GROUP BY 1) x)`;
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

  constructor(
    private readonly dataSource: DataSource,
    private readonly taxonomy: TaxonomyService,
  ) {}

  async search(query: EngineQuery): Promise<EngineResult> {
    const tsquery = await this.tsquery(query.clauses);
    const [hits, counts] = await Promise.all([this.hits(query, tsquery), this.counts(query, tsquery)]);
    return { total: counts.matched, approximate: counts.approximate, hits, facets: { ...emptyFacets(), ...counts.facets } };
  }

  /** The query's text as a tsquery (its text form), or null when nothing searchable is left (no words, only stop words). */
  private async tsquery(clauses: QueryClause[]): Promise<string | null> {
    if (!clauses.length) return null;
    const groups = synonymGroups(await this.taxonomy.listCredentials());
    const joined = joinSynonymPhrases(clauses, groups);
    const corrections = await this.corrections(joined.flat().filter((t) => !t.phrase && !t.negated));
    const p = new Params();
    const term = (t: QueryTerm): string => {
      const alternatives = alternativesOf(t.text, groups).map((a) => `phraseto_tsquery('cc_english', ${p.add(a)})`);
      const correction = corrections.get(t.text.toLowerCase());
      if (correction) alternatives.push(`phraseto_tsquery('cc_english', ${p.add(correction)})`);
      // The parser lets only letters and digits through as a prefix word, so `:*` is the only operator here.
      if (t.prefix) alternatives.push(`to_tsquery('cc_english', ${p.add(`${t.text}:*`)})`);
      const any = alternatives.length > 1 ? `(${alternatives.join(' || ')})` : alternatives[0];
      return t.negated ? `(!! ${any})` : any;
    };
    const expression = joined.map((clause) => (clause.length > 1 ? `(${clause.map(term).join(' || ')})` : term(clause[0]))).join(' && ');
    const [row] = await this.dataSource.query<{ text: string; nodes: number }[]>(
      `SELECT q::text AS text, numnode(q) AS nodes FROM (SELECT ${expression} AS q) t`,
      p.values,
    );
    return row.nodes > 0 ? row.text : null;
  }

  /**
   * For each word that no title, employer or taxonomy name holds and no
   * document contains, the most similar known word (pg_trgm), if any.
   */
  private async corrections(terms: QueryTerm[]): Promise<Map<string, string>> {
    const words = [...new Set(terms.map((t) => t.text.toLowerCase()).filter((w) => w.length >= 4 && /^\p{L}+$/u.test(w)))];
    if (!words.length) return new Map();
    const rows = await this.dataSource.query<{ word: string; correction: string | null }[]>(
      `SELECT w.word,
              (SELECT s.word FROM search_words s WHERE s.word % w.plain ORDER BY s.word <-> w.plain LIMIT 1) AS correction
       FROM (SELECT word, lower(unaccent(word)) AS plain FROM unnest($1::text[]) AS word) w
       WHERE NOT EXISTS (SELECT 1 FROM search_words s WHERE s.word = w.plain)
         AND NOT EXISTS (SELECT 1 FROM job_search_documents d WHERE d.document @@ phraseto_tsquery('cc_english', w.word))`,
      [words],
    );
    return new Map(rows.filter((r) => r.correction).map((r) => [r.word, r.correction!]));
  }

  private async hits(query: EngineQuery, tsquery: string | null): Promise<EngineHit[]> {
    const limit = Math.min(query.limit, MAX_RESULT_WINDOW - query.offset);
    if (limit <= 0) return [];
    const p = new Params();
    const where = filterSql(query.filters, query.now, p);
    let sql: string;
    if (tsquery && query.sort === 'relevance') {
      const q = p.add(tsquery, '::tsquery');
      sql = `WITH window_ AS (
               SELECT d.job_id, d.published_at, d.document FROM job_search_documents d
               WHERE ${[...where, `d.document @@ ${q}`].join(' AND ')}
               ORDER BY d.published_at DESC, d.job_id DESC LIMIT ${MAX_RESULT_WINDOW})
             SELECT job_id FROM window_ ORDER BY ts_rank(document, ${q}) DESC, published_at DESC, job_id DESC
             OFFSET ${p.add(query.offset)} LIMIT ${p.add(limit)}`;
    } else {
      if (tsquery) where.push(`d.document @@ ${p.add(tsquery, '::tsquery')}`);
      const order = query.sort === 'salary' ? 'd.salary_yearly DESC NULLS LAST, d.published_at DESC, d.job_id DESC' : 'd.published_at DESC, d.job_id DESC';
      sql = `SELECT d.job_id FROM job_search_documents d WHERE ${where.join(' AND ')} ORDER BY ${order} OFFSET ${p.add(query.offset)} LIMIT ${p.add(limit)}`;
    }
    const ids = (await this.dataSource.query<{ job_id: string }[]>(sql, p.values)).map((r) => r.job_id);
    if (!tsquery || !ids.length) return ids.map((id) => ({ id, highlight: null }));
    const highlights = await this.dataSource.query<{ id: string; highlight: string }[]>(
      `SELECT j.id, ts_headline('cc_english', search_plain_text(j.description), $2::tsquery, $3) AS highlight FROM jobs j WHERE j.id = ANY ($1::uuid[])`,
      [ids, tsquery, HEADLINE_OPTIONS],
    );
    const byId = new Map(highlights.map((h) => [h.id, h.highlight]));
    return ids.map((id) => ({ id, highlight: byId.get(id) ?? null }));
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
    const sql = `WITH m AS MATERIALIZED (SELECT ${columns} FROM ${from} WHERE ${where.join(' AND ')} ${limit})
                 SELECT (SELECT count(*) FROM m)::int AS matched${facets.map((f) => `, ${FACET_SQL[f](p)} AS "${f}"`).join('')}`;
    const [row] = await this.dataSource.query<Record<string, unknown>[]>(sql, p.values);
    const scale = percent === undefined ? 1 : 100 / percent;
    const scaled = (n: number) => Math.round(n * scale);
    const result: Counts = { matched: scaled(row.matched as number), approximate: percent !== undefined && percent < 100, facets: {} };
    for (const facet of facets) {
      const counts = row[facet] as Record<string, number>;
      result.facets[facet] = Object.fromEntries(Object.entries(counts).map(([k, n]) => [k, scaled(Number(n))]));
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
