import type { MultiSearchQuery, MultiSearchResult, Settings } from 'meilisearch';
import {
  ANY_STATE,
  EngineQuery,
  EngineResult,
  emptyFacets,
  Facet,
  FACET_FILTER,
  FACETS,
  isFilterActive,
  HIGHLIGHT_END,
  HIGHLIGHT_START,
  JobSearchDocument,
  MAX_RESULT_WINDOW,
  SALARY_BANDS,
  SearchFilters,
} from '../job-search.port';
import type { QueryClause, QueryTerm } from '../query-syntax';
import { alternativesOf, SYNONYM_GROUPS } from '../synonyms';

/**
 * `validThrough` of a job that never expires: the latest instant a Date can
 * hold. Every document then has a number, so "still open" is one comparison
 * (`validThrough > now`) rather than an OR with IS NULL.
 */
export const NO_EXPIRY = 8_640_000_000_000_000;

const DAY_MS = 86_400_000;

/** Words of a description around its matches, like the Postgres snippet (about 28 words). */
const CROP_WORDS = 30;

/** Far more values than any facet has (54 specialties, 41 credentials, 57 states and `*`). */
const MAX_VALUES_PER_FACET = 1000;

/** The document attribute each facet counts. */
export const FACET_ATTRIBUTES: Record<Facet, string> = {
  credential: 'credentials',
  specialty: 'specialties',
  setting: 'settings',
  workplace: 'workplace',
  employmentType: 'employmentType',
  state: 'states',
  salary: 'salaryBands',
};

/** A job as Meilisearch stores it: the port's document plus what filters and facets need. */
export interface MeiliJobDocument extends Omit<JobSearchDocument, 'salaryYearly' | 'validThrough'> {
  /** Absent without pay: a missing sort value sorts last whatever the direction, and never passes `>=`. */
  salaryYearly?: number;
  /** NO_EXPIRY when the job has no end date. */
  validThrough: number;
  /** Every SALARY_BANDS value the salary reaches, so facet counts are the cumulative "$50k+" counts. */
  salaryBands: number[];
  /** The document's words, normalized, for the `or` of a query (Meilisearch's own query language has no OR). */
  words: string[];
}

/** Lower case without accents: how `words` are stored and looked up. */
function normalizeWord(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

function wordsOf(text: string): string[] {
  return normalizeWord(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export function meiliDocument(doc: JobSearchDocument): MeiliJobDocument {
  const { salaryYearly, validThrough, ...rest } = doc;
  const text = [doc.title, doc.organizationName, doc.description, ...doc.credentialNames, ...doc.specialtyNames, ...doc.cities, ...doc.tools].join(' ');
  return {
    ...rest,
    ...(salaryYearly === null ? {} : { salaryYearly }),
    validThrough: validThrough ?? NO_EXPIRY,
    salaryBands: salaryYearly === null ? [] : SALARY_BANDS.filter((band) => band <= salaryYearly),
    words: [...new Set(wordsOf(text))],
  };
}

/**
 * Index settings. `sort` ranks first so "newest" and "highest salary" are
 * strict orders (as in Postgres), and is inert when relevance asks for no
 * sort; the newest job then wins a tie. Every synonym group's entries map to
 * each other.
 */
export function meiliSettings(synonymGroups: string[][]): Settings {
  const synonyms: Record<string, Set<string>> = {};
  for (const group of synonymGroups) {
    for (const entry of group) {
      synonyms[entry] ??= new Set();
      for (const other of group) if (other !== entry) synonyms[entry].add(other);
    }
  }
  return {
    searchableAttributes: ['title', 'credentialNames', 'specialtyNames', 'organizationName', 'description', 'cities', 'tools'],
    filterableAttributes: [
      'credentials',
      'specialties',
      'settings',
      'workplace',
      'employmentType',
      'states',
      'salaryYearly',
      'salaryBands',
      'apprentice',
      'publishedAt',
      'validThrough',
      'organizationId',
      'words',
    ],
    sortableAttributes: ['publishedAt', 'salaryYearly', 'id'],
    rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness', 'publishedAt:desc', 'id:desc'],
    synonyms: Object.fromEntries(Object.entries(synonyms).map(([entry, others]) => [entry, [...others]])),
    // Codes and numbers (CPT 99213, ICD-10 E11.9) must match exactly; short words too.
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 }, disableOnNumbers: true },
    pagination: { maxTotalHits: MAX_RESULT_WINDOW },
    faceting: { maxValuesPerFacet: MAX_VALUES_PER_FACET },
  };
}

/**
 * A value in a filter expression: always double-quoted, with `\` and `"`
 * escaped (Meilisearch unescapes both inside quotes since v1.4). The only
 * way any value enters a filter, so no text can change its structure.
 */
export function quoteFilterValue(value: string | number | boolean): string {
  return `"${String(value).replace(/[\\"]/g, '\\$&')}"`;
}

const anyOf = (attribute: string, values: readonly string[]) => `${attribute} IN [${values.map(quoteFilterValue).join(', ')}]`;

/** Facets whose own filter is set: each is counted by a search of its own. */
function ownFacets(filters: SearchFilters): Facet[] {
  return FACETS.filter((facet) => isFilterActive(filters, FACET_FILTER[facet]));
}

/** The filter expressions (all must hold) of `filters` at `now`, leaving out `except`'s own filter. */
export function meiliFilter(filters: SearchFilters, now: Date, except?: Facet): string[] {
  const skipped = except && FACET_FILTER[except];
  const on = (key: keyof SearchFilters) => key !== skipped && isFilterActive(filters, key);
  const expressions = [`validThrough > ${quoteFilterValue(now.getTime())}`];
  if (on('credential')) expressions.push(anyOf('credentials', filters.credential));
  // Documents list a specialty's ancestors, so a parent matches its subsections.
  if (on('specialty')) expressions.push(anyOf('specialties', filters.specialty));
  if (on('setting')) expressions.push(anyOf('settings', filters.setting));
  if (on('workplace')) expressions.push(anyOf('workplace', filters.workplace));
  // A remote job open to every state matches any state.
  if (on('state')) expressions.push(anyOf('states', [...filters.state, ANY_STATE]));
  if (on('employmentType')) expressions.push(anyOf('employmentType', filters.employmentType));
  if (on('salaryMin')) expressions.push(`salaryYearly >= ${quoteFilterValue(filters.salaryMin!)}`);
  if (on('apprentice')) expressions.push(`apprentice = ${quoteFilterValue(true)}`);
  if (on('postedWithin')) expressions.push(`publishedAt >= ${quoteFilterValue(now.getTime() - filters.postedWithin! * DAY_MS)}`);
  if (on('organizationIds')) expressions.push(anyOf('organizationId', filters.organizationIds));
  return expressions;
}

/**
 * The single-term clauses as Meilisearch query text: all words must match
 * (matchingStrategy "all"), quoted phrases in order, `-` excludes. The
 * parser lets no `"` through, so a term never breaks out of its quotes.
 */
export function meiliQueryText(clauses: QueryClause[]): string {
  const text = (t: QueryTerm) => (t.phrase || (t.negated && /[^\p{L}\p{N}]/u.test(t.text)) ? `"${t.text}"` : t.text);
  return clauses
    .filter((clause) => clause.length === 1)
    .map(([term]) => `${term.negated ? '-' : ''}${text(term)}`)
    .join(' ');
}

/**
 * The `or` clauses as filters on the documents' words: each alternative (and
 * its synonyms) matches when all of its words are in the job.
 */
export function meiliWordFilters(clauses: QueryClause[]): string[] {
  const groups = SYNONYM_GROUPS.map((group) => [...group]);
  return clauses
    .filter((clause) => clause.length > 1)
    .map((clause) => {
      const alternatives = [...new Set(clause.flatMap((term) => alternativesOf(term.text, groups)))];
      const all = alternatives.map((alternative) =>
        wordsOf(alternative)
          .map((word) => `words = ${quoteFilterValue(word)}`)
          .join(' AND '),
      );
      return all.map((words) => `(${words})`).join(' OR ');
    });
}

/**
 * The multi-search for one query: first the page of hits with the facets
 * counted under every filter (and the total), then, for each facet with a
 * filter of its own, a count-only search without that filter.
 */
export function meiliSearchRequests(query: EngineQuery, indexUid: string): MultiSearchQuery[] {
  const q = meiliQueryText(query.clauses);
  const wordFilters = meiliWordFilters(query.clauses);
  const highlight = query.clauses.length > 0;
  const sort =
    query.sort === 'newest' ? ['publishedAt:desc', 'id:desc'] : query.sort === 'salary' ? ['salaryYearly:desc', 'publishedAt:desc', 'id:desc'] : undefined;
  const main: MultiSearchQuery = {
    indexUid,
    q,
    matchingStrategy: 'all',
    filter: [...meiliFilter(query.filters, query.now), ...wordFilters],
    facets: FACETS.map((facet) => FACET_ATTRIBUTES[facet]),
    offset: query.offset,
    limit: Math.max(0, Math.min(query.limit, MAX_RESULT_WINDOW - query.offset)),
    ...(sort ? { sort } : {}),
    ...(highlight
      ? {
          attributesToRetrieve: ['id', 'description'],
          attributesToCrop: ['description'],
          cropLength: CROP_WORDS,
          cropMarker: '…',
          attributesToHighlight: ['description'],
          highlightPreTag: HIGHLIGHT_START,
          highlightPostTag: HIGHLIGHT_END,
        }
      : { attributesToRetrieve: ['id'] }),
  };
  const facetCounts = ownFacets(query.filters).map((facet): MultiSearchQuery => ({
    indexUid,
    q,
    matchingStrategy: 'all',
    filter: [...meiliFilter(query.filters, query.now, facet), ...wordFilters],
    facets: [FACET_ATTRIBUTES[facet]],
    limit: 0,
  }));
  return [main, ...facetCounts];
}

/** The engine's answer from the multi-search's responses, in the order `meiliSearchRequests` asked. */
export function meiliResult(responses: MultiSearchResult<Record<string, unknown>>[], query: EngineQuery): EngineResult {
  const [main, ...own] = responses;
  const counted = new Map(ownFacets(query.filters).map((facet, i) => [facet, own[i]]));
  const facets = emptyFacets();
  for (const facet of FACETS) {
    const distribution = (counted.get(facet) ?? main).facetDistribution?.[FACET_ATTRIBUTES[facet]] ?? {};
    facets[facet] = { ...distribution };
  }
  facets.salary = Object.fromEntries(SALARY_BANDS.map((band) => [String(band), facets.salary[String(band)] ?? 0]));
  // Every job has exactly one workplace, so its counts add up to the exact total; Meilisearch's own
  // hit count stops at maxTotalHits (MAX_RESULT_WINDOW).
  const workplaces = main.facetDistribution?.[FACET_ATTRIBUTES.workplace];
  const total = workplaces ? Object.values(workplaces).reduce((sum, n) => sum + n, 0) : (main.estimatedTotalHits ?? main.totalHits ?? 0);
  const highlight = query.clauses.length > 0;
  return {
    total,
    approximate: false,
    hits: main.hits.map((hit) => ({
      id: String(hit.id),
      highlight: highlight ? (((hit._formatted as Record<string, unknown> | undefined)?.description as string | undefined) ?? null) : null,
    })),
    facets,
  };
}
