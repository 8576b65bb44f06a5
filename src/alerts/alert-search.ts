import { Injectable } from '@nestjs/common';
import { JobSearchParams, JobSearchQuery, SEARCH_PARAMS } from '../search/job-search-query';
import { DEFAULT_PER_PAGE, SearchFilters } from '../search/job-search.port';
import { JobSearchService } from '../search/job-search.service';
import { PostgresSearchEngine } from '../search/postgres/postgres-search.engine';
import { searchParams } from '../search/search-url';
import { Alert, ANY_KEY } from './alert.entity';

/** What an alert stores of its search: the parameters, and the match keys derived from them. */
export type AlertSearchFields = Pick<
  Alert,
  | 'params'
  | 'credentialKeys'
  | 'specialtyKeys'
  | 'settingKeys'
  | 'workplaceKeys'
  | 'stateKeys'
  | 'employmentTypeKeys'
  | 'organizationKeys'
  | 'salaryMin'
  | 'apprentice'
  | 'postedWithin'
  | 'tsquery'
>;

/** Parameters an alert keeps: everything that decides which jobs match, nothing that pages or orders them. */
const ALERT_PARAMS = SEARCH_PARAMS.filter((name) => !['sort', 'page', 'perPage'].includes(name));

/** The search's canonical URL parameters without sort or page, repeated keys as arrays. */
export function alertParams(query: JobSearchQuery): JobSearchParams {
  const params: JobSearchParams = {};
  for (const [name, value] of searchParams(query, (state) => ({ ...state, sort: null, page: 1, perPage: DEFAULT_PER_PAGE }))) {
    if (!(ALERT_PARAMS as readonly string[]).includes(name)) continue;
    const existing = params[name];
    params[name] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return params;
}

const keys = (values: readonly string[]) => (values.length ? [...values] : [ANY_KEY]);

/**
 * The match keys of the filters the search applies. A job matches an alert
 * when, for each key column, the job's values plus ANY_KEY share a value with
 * the alert's keys: the same test as the search's "any of" filters (see
 * filterSql in the Postgres engine), turned around to look alerts up by a job.
 */
export function alertMatchKeys(filters: SearchFilters): Omit<AlertSearchFields, 'params' | 'tsquery'> {
  return {
    credentialKeys: keys(filters.credential),
    specialtyKeys: keys(filters.specialty),
    settingKeys: keys(filters.setting),
    workplaceKeys: keys(filters.workplace),
    stateKeys: keys(filters.state),
    employmentTypeKeys: keys(filters.employmentType),
    organizationKeys: keys(filters.organizationIds),
    salaryMin: filters.salaryMin,
    apprentice: filters.apprentice,
    postedWithin: filters.postedWithin,
  };
}

/** Turns search parameters into what an alert stores, through the same query object the search page builds. */
@Injectable()
export class AlertSearch {
  constructor(
    private readonly search: JobSearchService,
    private readonly postgres: PostgresSearchEngine,
  ) {}

  /** Throws the search's 400 DomainError (field messages per parameter) for parameters the search refuses. */
  async fields(params: JobSearchParams): Promise<{ query: JobSearchQuery; fields: AlertSearchFields }> {
    const query = await this.search.queryOf(params);
    const tsquery = await this.postgres.textQuery(query.clauses);
    return { query, fields: { params: alertParams(query), ...alertMatchKeys(query.filters), tsquery } };
  }
}
