import type { JobDetailsView } from '../jobs/job-presenter';
import type { Credential } from '../taxonomy/credential.entity';
import type { Specialty } from '../taxonomy/specialty.entity';
import type { JobSearchQuery } from './job-search-query';
import type { FacetCounts } from './job-search.port';

export interface JobSearchHit {
  job: JobDetailsView;
  /** A snippet with matched words in <mark>, everything else escaped; null without text. */
  highlightHtml: string | null;
}

/** One answered search, for the page and the API alike. */
export interface JobSearchResult {
  query: JobSearchQuery;
  engine: 'postgres' | 'meilisearch';
  /** Meilisearch is configured but did not answer: Postgres did. */
  degraded: boolean;
  total: number;
  /** Total and facet counts are estimates (a very large result set). */
  approximate: boolean;
  page: number;
  perPage: number;
  /** Pages that can be reached (results past MAX_RESULT_WINDOW cannot). */
  pageCount: number;
  /** The page asked for lies past MAX_RESULT_WINDOW: no hits (the API refuses it; the page says to narrow a large search). */
  capped: boolean;
  /** The page asked for lies past the last result of a search that has results (404 on the page). */
  pastEnd: boolean;
  hits: JobSearchHit[];
  facets: FacetCounts;
  /** The taxonomy, for facet labels. */
  taxonomy: { credentials: Credential[]; specialties: Specialty[] };
}
