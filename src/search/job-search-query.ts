import { DomainError, FieldErrors } from '../common/domain-error';
import { EMPLOYMENT_TYPES, EmploymentType, WORKPLACES, Workplace } from '../jobs/job.entity';
import { US_STATE_NAMES } from '../jobs/us-states';
import { InferredFilter, inferFilters } from './filter-inference';
import {
  DEFAULT_PER_PAGE,
  MAX_PER_PAGE,
  MAX_RESULT_WINDOW,
  POSTED_WITHIN_DAYS,
  PostedWithin,
  SEARCH_SORTS,
  SearchFilters,
  SearchSort,
} from './job-search.port';
import { parseQuery, QueryClause } from './query-syntax';

/** The search's parameters as they arrive in a URL: strings, repeated keys as arrays. */
export type JobSearchParams = Partial<Record<(typeof SEARCH_PARAMS)[number], string | string[]>>;

export const SEARCH_PARAMS = [
  'q',
  'credential',
  'specialty',
  'setting',
  'workplace',
  'state',
  'employmentType',
  'salaryMin',
  'apprentice',
  'postedWithin',
  'organization',
  'sort',
  'page',
  'perPage',
  'literal',
] as const;

/** The array filters a user selects from facets, by their URL name. */
export const LIST_FILTERS = ['credential', 'specialty', 'setting', 'workplace', 'state', 'employmentType', 'organization'] as const;
export type ListFilter = (typeof LIST_FILTERS)[number];

export const MAX_QUERY_LENGTH = 200;
const MAX_VALUES_PER_FILTER = 20;
const MAX_SALARY = 10_000_000;

/**
 * One search, normalized: what the page and the API both build from a URL's
 * parameters and hand to the engines. `selected` holds the filters as the
 * user chose them (organization slugs); `filters` what engines apply.
 */
export interface JobSearchQuery {
  /** The query as typed. */
  q: string;
  /** What is left for full-text search once filter words are taken out. */
  text: string;
  clauses: QueryClause[];
  /** Filters the user chose, in URL terms (list filters hold the given values, deduplicated). */
  selected: Record<Exclude<ListFilter, 'workplace' | 'employmentType'>, string[]> & {
    workplace: Workplace[];
    employmentType: EmploymentType[];
    salaryMin: number | null;
    apprentice: boolean;
    postedWithin: PostedWithin | null;
  };
  /** Words of `q` that became filters ("CPC remote Texas"). */
  inferred: InferredFilter[];
  /** Inference turned off: every word of `q` is searched as text. */
  literal: boolean;
  filters: SearchFilters;
  sort: SearchSort;
  /** The sort was chosen rather than defaulted (relevance with text, newest without). */
  sortChosen: boolean;
  page: number;
  perPage: number;
}

/** What the query builder needs to know of the taxonomy and the organizations. */
export interface SearchVocabulary {
  credentials: string[];
  specialties: string[];
  settings: string[];
  /** Organization slug → id, for the slugs a query names. */
  organizations: (slugs: string[]) => Promise<Map<string, string>>;
}

const listOf = (value: string | string[] | undefined): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);

const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[value.length - 1] : value)?.trim() || undefined;

const allowed = (values: readonly string[]) => `Use one of: ${values.join(', ')}.`;

/**
 * Builds the query object from URL parameters. Unknown values are a 400
 * that lists what is allowed, per parameter; nothing unknown reaches an engine.
 */
export async function buildSearchQuery(params: JobSearchParams, vocabulary: SearchVocabulary): Promise<JobSearchQuery> {
  const errors: FieldErrors = {};
  const fail = (field: string, message: string) => (errors[field] ??= []).push(message);

  const unknownKeys = Object.keys(params).filter((k) => !(SEARCH_PARAMS as readonly string[]).includes(k));
  for (const key of unknownKeys) fail(key, `Unknown parameter. Use: ${SEARCH_PARAMS.join(', ')}.`);

  const q = (single(params.q) ?? '').replace(/\s+/g, ' ');
  if (q.length > MAX_QUERY_LENGTH) fail('q', `Keep the search to ${MAX_QUERY_LENGTH} characters or fewer.`);

  const pick = <T extends string>(field: ListFilter, known: readonly T[], canonical: (v: string) => string = (v) => v): T[] => {
    const values = [...new Set(listOf(params[field]).map(canonical))];
    if (values.length > MAX_VALUES_PER_FILTER) fail(field, `Choose at most ${MAX_VALUES_PER_FILTER} values.`);
    const unknown = values.filter((v) => !(known as readonly string[]).includes(v));
    if (unknown.length) fail(field, `Unknown value${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}. ${allowed(known)}`);
    return values.filter((v): v is T => (known as readonly string[]).includes(v));
  };

  const upper = (v: string) => v.toUpperCase();
  const selected: JobSearchQuery['selected'] = {
    credential: pick('credential', vocabulary.credentials, upper),
    specialty: pick('specialty', vocabulary.specialties, (v) => v.toLowerCase()),
    setting: pick('setting', vocabulary.settings, (v) => v.toLowerCase()),
    workplace: pick<Workplace>('workplace', WORKPLACES, (v) => v.toLowerCase()),
    state: pick('state', Object.keys(US_STATE_NAMES), upper),
    employmentType: pick<EmploymentType>('employmentType', EMPLOYMENT_TYPES, upper),
    organization: [...new Set(listOf(params.organization).map((v) => v.toLowerCase()))],
    salaryMin: null,
    apprentice: false,
    postedWithin: null,
  };

  const salary = single(params.salaryMin);
  if (salary !== undefined) {
    if (/^\d{1,8}$/.test(salary) && Number(salary) <= MAX_SALARY) selected.salaryMin = Number(salary) || null;
    else fail('salaryMin', `Use a yearly amount in whole dollars, up to ${MAX_SALARY}.`);
  }
  const apprentice = single(params.apprentice);
  if (apprentice !== undefined) {
    if (['true', '1', 'on', 'false', '0'].includes(apprentice)) selected.apprentice = ['true', '1', 'on'].includes(apprentice);
    else fail('apprentice', 'Use true or false.');
  }
  const postedWithin = single(params.postedWithin);
  if (postedWithin !== undefined) {
    const days = Number(postedWithin) as PostedWithin;
    if (POSTED_WITHIN_DAYS.includes(days)) selected.postedWithin = days;
    else fail('postedWithin', `Use one of: ${POSTED_WITHIN_DAYS.join(', ')} (days).`);
  }
  const literalParam = single(params.literal);
  const literal = literalParam === '1' || literalParam === 'true';

  const sortParam = single(params.sort);
  if (sortParam !== undefined && !(SEARCH_SORTS as readonly string[]).includes(sortParam)) fail('sort', allowed(SEARCH_SORTS));

  const perPageParam = single(params.perPage);
  let perPage = DEFAULT_PER_PAGE;
  if (perPageParam !== undefined) {
    if (/^\d{1,3}$/.test(perPageParam) && Number(perPageParam) >= 1 && Number(perPageParam) <= MAX_PER_PAGE) perPage = Number(perPageParam);
    else fail('perPage', `Use a number from 1 to ${MAX_PER_PAGE}.`);
  }
  const pageParam = single(params.page);
  let page = 1;
  if (pageParam !== undefined) {
    if (/^\d{1,7}$/.test(pageParam) && Number(pageParam) >= 1) page = Number(pageParam);
    else fail('page', 'Use a page number from 1.');
  }

  const organizations = selected.organization.length ? await vocabulary.organizations(selected.organization) : new Map<string, string>();
  const unknownOrganizations = selected.organization.filter((slug) => !organizations.has(slug));
  if (unknownOrganizations.length) fail('organization', `No employer has the address ${unknownOrganizations.join(', ')}.`);

  if (Object.keys(errors).length) throw new DomainError('bad_request', 'Some search parameters are not valid.', errors);

  // Words that are plainly filters become filters, unless the user asked for the words as typed.
  const inference = literal ? { text: q.trim(), inferred: [] } : inferFilters(q, vocabulary.credentials);
  const filters: SearchFilters = {
    credential: [...selected.credential],
    specialty: [...selected.specialty],
    setting: [...selected.setting],
    workplace: [...selected.workplace],
    state: [...selected.state],
    employmentType: [...selected.employmentType],
    salaryMin: selected.salaryMin,
    apprentice: selected.apprentice,
    postedWithin: selected.postedWithin,
    organizationIds: selected.organization.map((slug) => organizations.get(slug)!),
  };
  const inferred = inference.inferred.filter((f) => {
    const list = filters[f.filter] as string[];
    if (list.includes(f.value)) return false;
    list.push(f.value);
    return true;
  });

  const clauses = parseQuery(inference.text);
  const sort = (sortParam as SearchSort | undefined) ?? (clauses.length ? 'relevance' : 'newest');
  return {
    q: q.trim(),
    text: inference.text,
    clauses,
    selected,
    inferred,
    literal,
    filters,
    // Relevance without words to rank by is newest first.
    sort: sort === 'relevance' && !clauses.length ? 'newest' : sort,
    sortChosen: sortParam !== undefined,
    page,
    perPage,
  };
}

/** The offset of the query's page, or null when it lies past the deepest reachable result. */
export function pageOffset(query: Pick<JobSearchQuery, 'page' | 'perPage'>): number | null {
  const offset = (query.page - 1) * query.perPage;
  return offset >= MAX_RESULT_WINDOW ? null : offset;
}
