import type { EmploymentType, Workplace } from '../jobs/job.entity';
import type { QueryClause } from './query-syntax';

/** Sorts a search may ask for; anything else is a 400. */
export const SEARCH_SORTS = ['relevance', 'newest', 'salary'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export const POSTED_WITHIN_DAYS = [1, 7, 30] as const;
export type PostedWithin = (typeof POSTED_WITHIN_DAYS)[number];

/** Yearly minimums offered as salary facets ("$50k+"); cumulative, like the filter. */
export const SALARY_BANDS = [30000, 40000, 50000, 60000, 70000, 80000, 100000] as const;

/** An hourly rate counts as this many hours a year when compared with a yearly salary. */
export const HOURS_PER_YEAR = 2080;

export const FACETS = ['credential', 'specialty', 'setting', 'workplace', 'employmentType', 'state', 'salary'] as const;
export type Facet = (typeof FACETS)[number];

export const DEFAULT_PER_PAGE = 20;
export const MAX_PER_PAGE = 50;
/**
 * The deepest result anyone can page to. Relevance is ranked within this
 * many matches (the newest ones), so ranking stays bounded however common
 * the words; people narrow a search long before they read this far.
 */
export const MAX_RESULT_WINDOW = 1000;

/** In `states` of a search document: a remote job open to every US state. */
export const ANY_STATE = '*';

/** The normalized filters every engine applies; empty arrays and nulls mean "no filter". */
export interface SearchFilters {
  /** Any of these credentials. */
  credential: string[];
  /** Any of these specialties; a document lists its specialties' ancestors, so a parent matches its subsections. */
  specialty: string[];
  setting: string[];
  workplace: Workplace[];
  /** Jobs located in, or remote and open to, any of these states. */
  state: string[];
  employmentType: EmploymentType[];
  /** Yearly salary (hourly × HOURS_PER_YEAR), compared with the top of the job's range. */
  salaryMin: number | null;
  /** Only jobs open to apprentices (CPC-A and similar). */
  apprentice: boolean;
  postedWithin: PostedWithin | null;
  /** Organization ids (the query object resolves slugs). */
  organizationIds: string[];
}

/** The filter a facet's own selection sets; a facet's counts ignore it (disjunctive faceting). */
export const FACET_FILTER: Record<Facet, keyof SearchFilters> = {
  credential: 'credential',
  specialty: 'specialty',
  setting: 'setting',
  workplace: 'workplace',
  employmentType: 'employmentType',
  state: 'state',
  salary: 'salaryMin',
};

export function isFilterActive(filters: SearchFilters, key: keyof SearchFilters): boolean {
  const value = filters[key];
  return Array.isArray(value) ? value.length > 0 : value !== null && value !== false;
}

/** What an engine is asked: text already stripped of the words that became filters. */
export interface EngineQuery {
  /** The full-text part in websearch syntax, parsed; empty means "no text". */
  clauses: QueryClause[];
  /** The same text as typed (after filter inference), for engines with their own parser. */
  text: string;
  filters: SearchFilters;
  sort: SearchSort;
  offset: number;
  limit: number;
  /** Jobs valid through this instant or earlier are expired, whatever their status says. */
  now: Date;
}

export interface EngineHit {
  id: string;
  /**
   * A snippet of the description with matched words between
   * HIGHLIGHT_START and HIGHLIGHT_END; null without a text query.
   */
  highlight: string | null;
}

export type FacetCounts = Record<Facet, Record<string, number>>;

export interface EngineResult {
  total: number;
  /** True when total and facet counts are estimates (very large result sets). */
  approximate: boolean;
  hits: EngineHit[];
  facets: FacetCounts;
}

/** Marks around highlighted words in `EngineHit.highlight` (control characters no job text contains). */
export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_END = '\u0003';

/** A search engine behind the job search: returns ids, highlights and counts; callers hydrate jobs from Postgres. */
export interface JobSearchEngine {
  readonly name: 'postgres' | 'meilisearch';
  search(query: EngineQuery): Promise<EngineResult>;
  /** Rejects when the engine cannot answer now (for readiness checks). */
  ping?(): Promise<void>;
}

/** A search document as the engines index it: one open (published) job. */
export interface JobSearchDocument {
  id: string;
  organizationId: string;
  organizationName: string;
  title: string;
  /** Plain text of the description (Markdown stripped). */
  description: string;
  /** Credential codes and names, specialty and setting names: what B-weight text is made of. */
  credentialNames: string[];
  specialtyNames: string[];
  cities: string[];
  /** Encoders and EHRs the job uses (3M, Epic…). */
  tools: string[];
  credentials: string[];
  /** Specialty slugs with their ancestors. */
  specialties: string[];
  settings: string[];
  workplace: Workplace;
  employmentType: EmploymentType;
  /** Location states, the remote states, and ANY_STATE for a remote job open everywhere. */
  states: string[];
  salaryYearly: number | null;
  apprentice: boolean;
  /** Epoch milliseconds. */
  publishedAt: number;
  validThrough: number | null;
  /** The job's updatedAt in epoch milliseconds: a document never replaces a newer one. */
  version: number;
}

/** The write side of an engine that keeps its own index (Meilisearch); Postgres's index is kept by the database. */
export interface JobSearchIndex {
  /** Adds or replaces documents and removes ids, waiting until the engine has applied them. */
  apply(changes: { upsert: JobSearchDocument[]; remove: string[] }): Promise<void>;
  /** The version of each id the index holds (missing ids are not indexed). */
  versions(ids: string[]): Promise<Map<string, number>>;
  /** Builds a fresh index from `documents` beside the live one and swaps it in at once. */
  rebuild(documents: AsyncIterable<JobSearchDocument[]>, total: number, progress: (done: number) => void): Promise<void>;
}

export function emptyFacets(): FacetCounts {
  return { credential: {}, specialty: {}, setting: {}, workplace: {}, employmentType: {}, state: {}, salary: {} };
}
