import type { JobLocation, SalaryPeriod, Workplace } from '../jobs/job.entity';
import type { InferredFilter } from './filter-inference';
import type { JobSearchResult } from './job-search-result';
import type { FacetCounts, PostedWithin } from './job-search.port';

export interface JobSearchApiHit {
  id: string;
  title: string;
  organization: { name: string; slug: string };
  locations: JobLocation[];
  workplace: Workplace;
  /** Remote jobs: the states it hires in; empty means any US state. */
  remoteStates: string[];
  salary: { min: number | null; max: number | null; currency: string; period: SalaryPeriod | null; label: string } | null;
  credentials: string[];
  specialties: string[];
  postedAt: string | null;
  url: string;
  /** HTML: the matched words in <mark>, everything else escaped. */
  highlight: string | null;
}

export interface JobSearchApiResult {
  total: number;
  /** total and facets are estimates (very large result sets). */
  approximate: boolean;
  page: number;
  perPage: number;
  pageCount: number;
  hits: JobSearchApiHit[];
  facets: FacetCounts;
  /** Every filter in force: those asked for and those read from the words of q. */
  appliedFilters: {
    q: string;
    text: string;
    credential: string[];
    specialty: string[];
    setting: string[];
    workplace: string[];
    state: string[];
    employmentType: string[];
    salaryMin: number | null;
    apprentice: boolean;
    postedWithin: PostedWithin | null;
    organization: string[];
    sort: string;
    inferred: InferredFilter[];
  };
  engine: 'postgres' | 'meilisearch';
}

/** The JSON of GET /api/jobs. */
export function toJobSearchApiResult(result: JobSearchResult, appUrl: string): JobSearchApiResult {
  const { query } = result;
  return {
    total: result.total,
    approximate: result.approximate,
    page: result.page,
    perPage: result.perPage,
    pageCount: result.pageCount,
    hits: result.hits.map(({ job, highlightHtml }) => ({
      id: job.id,
      title: job.title,
      organization: { name: job.organization.name, slug: job.organization.slug },
      locations: job.locations.map((l) => ({ city: l.city, state: l.state, ...(l.postalCode ? { postalCode: l.postalCode } : {}) })),
      workplace: job.workplace,
      remoteStates: job.remote?.states.map((s) => s.code) ?? [],
      salary: job.salary && { min: job.salary.min, max: job.salary.max, currency: job.salary.currency, period: job.salary.period, label: job.salary.label },
      credentials: job.credentials.map((c) => c.code),
      specialties: job.specialties.map((s) => s.slug),
      postedAt: job.posted?.iso ?? null,
      url: `${appUrl}${job.path}`,
      highlight: highlightHtml,
    })),
    facets: result.facets,
    appliedFilters: {
      q: query.q,
      text: query.text,
      credential: query.filters.credential,
      specialty: query.filters.specialty,
      setting: query.filters.setting,
      workplace: query.filters.workplace,
      state: query.filters.state,
      employmentType: query.filters.employmentType,
      salaryMin: query.filters.salaryMin,
      apprentice: query.filters.apprentice,
      postedWithin: query.filters.postedWithin,
      organization: query.selected.organization,
      sort: query.sort,
      inferred: query.inferred,
    },
    engine: result.engine,
  };
}
