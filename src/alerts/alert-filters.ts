import { DomainError, FieldErrors } from '../common/domain-error';
import { JobSearchParams, LIST_FILTERS, ListFilter } from '../search/job-search-query';

/** What `filters` of the alerts API may hold: the search's filter parameters, by their URL names. */
export const ALERT_FILTERS = [...LIST_FILTERS, 'salaryMin', 'apprentice', 'postedWithin', 'literal'] as const;
type AlertFilter = (typeof ALERT_FILTERS)[number];

/** An alert's filters as the API shows them: lists as arrays, amounts as numbers, flags as booleans. */
export type AlertFilters = Partial<Record<ListFilter, string[]> & { salaryMin: number; apprentice: boolean; postedWithin: number; literal: boolean }>;

const SCALAR_TYPES = ['string', 'number', 'boolean'];

/**
 * The search parameters of an API request's `query` and `filters`. Values
 * are taken as GET /api/jobs takes them (one value or several; numbers and
 * booleans as their text); the search's query builder then judges them.
 */
export function searchParamsOf(query: string | undefined, filters: Record<string, unknown> = {}): JobSearchParams {
  const errors: FieldErrors = {};
  const params: JobSearchParams = query ? { q: query } : {};
  for (const [name, value] of Object.entries(filters)) {
    const field = `filters.${name}`;
    if (!(ALERT_FILTERS as readonly string[]).includes(name)) {
      errors[field] = [`Unknown filter. Use: ${ALERT_FILTERS.join(', ')}.`];
      continue;
    }
    const values: unknown[] = Array.isArray(value) ? value : [value];
    if (!values.every((v) => SCALAR_TYPES.includes(typeof v))) {
      errors[field] = ['Use a string, a number, true or false, or a list of them.'];
      continue;
    }
    const strings = values.map(String);
    params[name as AlertFilter] = Array.isArray(value) ? strings : strings[0];
  }
  if (Object.keys(errors).length) throw new DomainError('bad_request', 'Some filters are not valid.', errors);
  return params;
}

const listOf = (value: string | string[]): string[] => (Array.isArray(value) ? value : [value]);
const lastOf = (value: string | string[]): string => listOf(value)[listOf(value).length - 1];

/** The filters of an alert's stored parameters, typed for the API: what `searchParamsOf` reads back as the same search. */
export function filtersOf(params: JobSearchParams): AlertFilters {
  const filters: AlertFilters = {};
  for (const name of LIST_FILTERS) {
    const value = params[name];
    if (value !== undefined) filters[name] = listOf(value);
  }
  if (params.salaryMin !== undefined) filters.salaryMin = Number(lastOf(params.salaryMin));
  if (params.apprentice !== undefined) filters.apprentice = lastOf(params.apprentice) === 'true';
  if (params.postedWithin !== undefined) filters.postedWithin = Number(lastOf(params.postedWithin));
  if (params.literal !== undefined) filters.literal = true;
  return filters;
}

/**
 * The search's 400 in the alert's terms: its `q` is the alert's `query`, the
 * rest are `filters.<name>`, as the API's request body names them.
 */
export function inAlertTerms(error: unknown): unknown {
  if (!(error instanceof DomainError) || !error.fields) return error;
  const fields = Object.fromEntries(Object.entries(error.fields).map(([name, messages]) => [name === 'q' ? 'query' : `filters.${name}`, messages]));
  return new DomainError(error.code, error.message, fields);
}
