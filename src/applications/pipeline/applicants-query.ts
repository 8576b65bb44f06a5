import { DomainError, FieldErrors } from '../../common/domain-error';
import { APPLICATION_STATUSES, ApplicationStatus } from '../application.entity';

/** The list's parameters as they arrive in a URL: strings (a repeated key as an array). */
export type ApplicantsParams = Partial<Record<(typeof APPLICANTS_PARAMS)[number], string | string[]>>;

export const APPLICANTS_PARAMS = ['status', 'credential', 'q', 'sort', 'page', 'perPage'] as const;

export const APPLICANT_SORTS = ['newest', 'oldest', 'name', 'status'] as const;
export type ApplicantSort = (typeof APPLICANT_SORTS)[number];

export const APPLICANT_SORT_LABELS: Record<ApplicantSort, string> = {
  newest: 'Newest first',
  oldest: 'Oldest first',
  name: 'Name',
  status: 'Pipeline stage',
};

export const DEFAULT_APPLICANTS_PER_PAGE = 50;
export const MAX_APPLICANTS_PER_PAGE = 100;
const MAX_Q_LENGTH = 100;

/** One job's applicant list, normalized: the page and the API build it from the same parameters. */
export interface ApplicantsQuery {
  status: ApplicationStatus | null;
  /** A credential code the applicant holds and has not let expire. */
  credential: string | null;
  /** Words matched against the applicant's name, email, headline and cover letter. */
  q: string;
  sort: ApplicantSort;
  page: number;
  perPage: number;
}

const single = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[value.length - 1] : value)?.trim() || undefined;

const positive = (value: string | undefined, max: number): number | null =>
  value !== undefined && /^\d{1,6}$/.test(value) && +value >= 1 && +value <= max ? +value : null;

/**
 * Builds the query from URL parameters. An unknown parameter or value is a
 * 400 naming what is allowed, per parameter; `credentials` are the known codes.
 */
export function buildApplicantsQuery(params: ApplicantsParams, credentials: readonly string[]): ApplicantsQuery {
  const errors: FieldErrors = {};
  const fail = (field: string, message: string) => (errors[field] ??= []).push(message);

  for (const key of Object.keys(params).filter((k) => !(APPLICANTS_PARAMS as readonly string[]).includes(k))) {
    fail(key, `Unknown parameter. Use: ${APPLICANTS_PARAMS.join(', ')}.`);
  }

  const status = single(params.status)?.toLowerCase();
  if (status !== undefined && !(APPLICATION_STATUSES as readonly string[]).includes(status)) fail('status', `Use one of: ${APPLICATION_STATUSES.join(', ')}.`);

  const credential = single(params.credential)?.toUpperCase();
  if (credential !== undefined && !credentials.includes(credential))
    fail('credential', `Unknown credential ${credential}. Use one of: ${credentials.join(', ')}.`);

  const q = (single(params.q) ?? '').replace(/\s+/g, ' ');
  if (q.length > MAX_Q_LENGTH) fail('q', `Keep the search to ${MAX_Q_LENGTH} characters or fewer.`);

  const sort = single(params.sort)?.toLowerCase() ?? 'newest';
  if (!(APPLICANT_SORTS as readonly string[]).includes(sort)) fail('sort', `Use one of: ${APPLICANT_SORTS.join(', ')}.`);

  const pageParam = single(params.page);
  const page = pageParam === undefined ? 1 : positive(pageParam, 100_000);
  if (page === null) fail('page', 'Use a page number from 1.');

  const perPageParam = single(params.perPage);
  const perPage = perPageParam === undefined ? DEFAULT_APPLICANTS_PER_PAGE : positive(perPageParam, MAX_APPLICANTS_PER_PAGE);
  if (perPage === null) fail('perPage', `Use a number from 1 to ${MAX_APPLICANTS_PER_PAGE}.`);

  if (Object.keys(errors).length) throw new DomainError('bad_request', 'Some filters are not valid.', errors);
  return {
    status: (status as ApplicationStatus | undefined) ?? null,
    credential: credential ?? null,
    q,
    sort: sort as ApplicantSort,
    page: page!,
    perPage: perPage!,
  };
}
