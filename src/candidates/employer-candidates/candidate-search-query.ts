import { DomainError, FieldErrors } from '../../common/domain-error';
import { Workplace, WORKPLACES } from '../../jobs/job.entity';
import { US_STATE_NAMES } from '../../jobs/us-states';

export const CANDIDATE_SEARCH_PARAMS = ['q', 'credential', 'specialty', 'minYears', 'state', 'workplace', 'sort', 'page', 'perPage'] as const;

/** The parameters as they arrive in a URL: strings, repeated keys as arrays. */
export type CandidateSearchParams = Partial<Record<(typeof CANDIDATE_SEARCH_PARAMS)[number], string | string[]>>;

/** relevance needs words (without them it is `updated`); updated: recently edited profiles first; experience: most years first. */
export const CANDIDATE_SORTS = ['relevance', 'updated', 'experience'] as const;
export type CandidateSort = (typeof CANDIDATE_SORTS)[number];

export const MAX_CANDIDATE_QUERY_LENGTH = 200;
export const DEFAULT_CANDIDATES_PER_PAGE = 20;
export const MAX_CANDIDATES_PER_PAGE = 50;
/** Only the first results can be paged through: deeper pages serve scraping, not hiring. */
export const MAX_CANDIDATE_RESULT_WINDOW = 500;
export const MAX_YEARS = 60;
const MAX_VALUES_PER_FILTER = 20;

/** One candidate search, normalized; the page and the API build it from the same parameters. */
export interface CandidateSearchQuery {
  /** Words looked for in resumes, headlines and summaries (web-search syntax). */
  q: string;
  /** Holds any of these credentials, unexpired. */
  credential: string[];
  /** Works in any of these specialties (a parent includes its subsections), each with at least `minYears`. */
  specialty: string[];
  /** With specialties: years in one of them; without: total years of coding. */
  minYears: number | null;
  state: string[];
  /** Open to any of these workplaces. */
  workplace: Workplace[];
  sort: CandidateSort;
  page: number;
  perPage: number;
}

/** The taxonomy values a search may name. */
export interface CandidateSearchVocabulary {
  credentials: readonly string[];
  specialties: readonly string[];
}

const listOf = (value: string | string[] | undefined): string[] =>
  [...new Set((Array.isArray(value) ? value : value === undefined ? [] : [value]).flatMap((v) => v.split(',')).map((v) => v.trim()))].filter(Boolean);

/** A repeated single-valued parameter counts by its last value, as browsers send a changed field last. */
const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[value.length - 1] : value)?.trim() || undefined;

const wholeNumber = (value: string, min: number, max: number): number | null =>
  /^\d{1,7}$/.test(value) && Number(value) >= min && Number(value) <= max ? Number(value) : null;

/**
 * Builds the query from URL parameters. Anything unknown is a 400 that
 * names the parameter and what it accepts; nothing unchecked reaches SQL.
 */
export function buildCandidateSearchQuery(params: CandidateSearchParams, vocabulary: CandidateSearchVocabulary): CandidateSearchQuery {
  const errors: FieldErrors = {};
  const fail = (field: string, message: string) => (errors[field] ??= []).push(message);

  for (const key of Object.keys(params)) {
    if (!(CANDIDATE_SEARCH_PARAMS as readonly string[]).includes(key)) fail(key, `Unknown parameter. Use: ${CANDIDATE_SEARCH_PARAMS.join(', ')}.`);
  }

  const pick = (field: 'credential' | 'specialty' | 'state' | 'workplace', known: readonly string[], canonical: (v: string) => string): string[] => {
    const values = [...new Set(listOf(params[field]).map(canonical))];
    if (values.length > MAX_VALUES_PER_FILTER) fail(field, `Choose at most ${MAX_VALUES_PER_FILTER} values.`);
    const unknown = values.filter((v) => !known.includes(v));
    if (unknown.length) fail(field, `Unknown value${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}. Use one of: ${known.join(', ')}.`);
    return values.filter((v) => known.includes(v));
  };
  const upper = (v: string) => v.toUpperCase();
  const lower = (v: string) => v.toLowerCase();

  const q = (single(params.q) ?? '').replace(/\s+/g, ' ');
  if (q.length > MAX_CANDIDATE_QUERY_LENGTH) fail('q', `Keep the search to ${MAX_CANDIDATE_QUERY_LENGTH} characters or fewer.`);

  let minYears: number | null = null;
  const years = single(params.minYears);
  if (years !== undefined) {
    minYears = wholeNumber(years, 0, MAX_YEARS);
    if (minYears === null) fail('minYears', `Use a whole number of years from 0 to ${MAX_YEARS}.`);
  }

  const sortParam = single(params.sort);
  if (sortParam !== undefined && !(CANDIDATE_SORTS as readonly string[]).includes(sortParam)) fail('sort', `Use one of: ${CANDIDATE_SORTS.join(', ')}.`);

  const perPageParam = single(params.perPage);
  const perPage = perPageParam === undefined ? DEFAULT_CANDIDATES_PER_PAGE : wholeNumber(perPageParam, 1, MAX_CANDIDATES_PER_PAGE);
  if (perPage === null) fail('perPage', `Use a number from 1 to ${MAX_CANDIDATES_PER_PAGE}.`);
  const pageParam = single(params.page);
  const lastPage = Math.ceil(MAX_CANDIDATE_RESULT_WINDOW / (perPage ?? DEFAULT_CANDIDATES_PER_PAGE));
  const page = pageParam === undefined ? 1 : wholeNumber(pageParam, 1, lastPage);
  if (page === null) fail('page', `Use a page from 1 to ${lastPage}; add a filter or a word to narrow the search.`);

  const query: CandidateSearchQuery = {
    q: q.trim(),
    credential: pick('credential', vocabulary.credentials, upper),
    specialty: pick('specialty', vocabulary.specialties, lower),
    minYears,
    state: pick('state', Object.keys(US_STATE_NAMES), upper),
    workplace: pick('workplace', WORKPLACES, lower) as Workplace[],
    sort: 'updated',
    page: page ?? 1,
    perPage: perPage ?? DEFAULT_CANDIDATES_PER_PAGE,
  };
  if (Object.keys(errors).length) throw new DomainError('bad_request', 'Some search parameters are not valid.', errors);
  const sort = (sortParam as CandidateSort | undefined) ?? (query.q ? 'relevance' : 'updated');
  // Relevance means nothing without words: the newest profiles come first instead.
  query.sort = sort === 'relevance' && !query.q ? 'updated' : sort;
  return query;
}

/** The URL parameters of `query` (defaults left out), for links that keep a search while changing one thing. */
export function candidateSearchParams(query: CandidateSearchQuery, changes: Partial<CandidateSearchQuery> = {}): URLSearchParams {
  const next = { ...query, ...changes };
  const params = new URLSearchParams();
  if (next.q) params.set('q', next.q);
  for (const key of ['credential', 'specialty', 'state', 'workplace'] as const) for (const value of next[key]) params.append(key, value);
  if (next.minYears !== null) params.set('minYears', String(next.minYears));
  const defaultSort = next.q ? 'relevance' : 'updated';
  if (next.sort !== defaultSort) params.set('sort', next.sort);
  if (next.perPage !== DEFAULT_CANDIDATES_PER_PAGE) params.set('perPage', String(next.perPage));
  if (next.page > 1) params.set('page', String(next.page));
  return params;
}
