import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { PublicJobsService } from '../jobs/public-jobs.service';
import { US_STATE_NAMES } from '../jobs/us-states';
import { Credential } from '../taxonomy/credential.entity';
import { Specialty } from '../taxonomy/specialty.entity';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { buildSearchQuery, JobSearchParams, JobSearchQuery, pageOffset } from './job-search-query';
import { JobSearchHit, JobSearchResult } from './job-search-result';
import { ANY_STATE, EngineQuery, EngineResult, FacetCounts, HIGHLIGHT_END, HIGHLIGHT_START, JobSearchEngine, MAX_RESULT_WINDOW } from './job-search.port';
import { PostgresSearchEngine } from './postgres/postgres-search.engine';

/** The engine that serves searches when configured (Meilisearch); Postgres answers without it and when it fails. */
export const PRIMARY_SEARCH_ENGINE = Symbol('PRIMARY_SEARCH_ENGINE');

/**
 * Answered searches kept for repeats (the landing page, popular filters),
 * under the search documents' generation: any committed change to the
 * documents (a job published, edited, closed) starts a new one. A kept page
 * never shows a job past its expiry; facet counts may include a job that
 * expired within the minute, and an employer's badge or logo may lag this long.
 */
const RESULT_CACHE_ENTRIES = 500;
const RESULT_CACHE_TTL_MS = 30_000;

export interface SearchEngineStatus {
  /** The engine that answered the last search. */
  engine: 'postgres' | 'meilisearch';
  configured: 'postgres' | 'meilisearch';
  degraded: boolean;
  /** Why the configured engine is not answering. */
  reason?: string;
  since?: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes a snippet and turns the engines' highlight marks into <mark>. */
export function highlightHtml(snippet: string | null): string | null {
  if (!snippet) return null;
  return snippet
    .replace(/[&<>"']/g, (c) => ESCAPES[c])
    .replaceAll(HIGHLIGHT_START, '<mark>')
    .replaceAll(HIGHLIGHT_END, '</mark>');
}

/** A remote job open to every state counts under each state, as the state filter matches it. */
function spreadAnyState(facets: FacetCounts): FacetCounts {
  const { [ANY_STATE]: anywhere = 0, ...states } = facets.state;
  if (!anywhere) return { ...facets, state: states };
  const spread = Object.fromEntries(Object.keys(US_STATE_NAMES).map((code) => [code, (states[code] ?? 0) + anywhere]));
  return { ...facets, state: spread };
}

/**
 * Job search for the page and the API: builds the query object, asks the
 * configured engine (Postgres when Meilisearch is away or failing), and
 * hydrates the hits from Postgres, the source of truth.
 */
@Injectable()
export class JobSearchService {
  private readonly logger = new Logger(JobSearchService.name);
  private failure?: { reason: string; since: Date };
  private readonly results = new LRUCache<string, { result: JobSearchResult; expires: Date | null }>({
    max: RESULT_CACHE_ENTRIES,
    ttl: RESULT_CACHE_TTL_MS,
  });

  constructor(
    private readonly postgres: PostgresSearchEngine,
    @Optional() @Inject(PRIMARY_SEARCH_ENGINE) private readonly primary: JobSearchEngine | null,
    private readonly publicJobs: PublicJobsService,
    private readonly taxonomy: TaxonomyService,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The search query object of URL parameters (a 400 DomainError for unknown values), as the page, the API and alerts build it. */
  async queryOf(params: JobSearchParams): Promise<JobSearchQuery> {
    const [credentials, specialties] = await Promise.all([this.taxonomy.listCredentials(), this.taxonomy.listSpecialties()]);
    return buildSearchQuery(params, {
      credentials: credentials.map((c) => c.code),
      specialties: specialties.filter((s) => s.group !== 'setting').map((s) => s.slug),
      settings: specialties.filter((s) => s.group === 'setting').map((s) => s.slug),
      organizations: (slugs) => this.organizationIds(slugs),
    });
  }

  async search(params: JobSearchParams): Promise<JobSearchResult> {
    const [credentials, specialties] = await Promise.all([this.taxonomy.listCredentials(), this.taxonomy.listSpecialties()]);
    const query = await this.queryOf(params);
    const now = this.clock.now();
    // Only Postgres answers kept results: its generation tells when its documents changed, Meilisearch's index lags behind.
    const key = this.primary ? undefined : JSON.stringify([await this.postgres.generation(), Math.floor(now.getTime() / 60_000), query]);
    const kept = key === undefined ? undefined : this.results.get(key);
    if (kept && (kept.expires === null || kept.expires > now)) return kept.result;
    const result = await this.answer(query, now, credentials, specialties);
    if (key !== undefined) {
      // A kept page must not outlive the first of its jobs to expire.
      const expiries = result.hits.flatMap((h) => (h.job.validThrough ? [new Date(h.job.validThrough.iso)] : []));
      this.results.set(key, { result, expires: expiries.length ? new Date(Math.min(...expiries.map(Number))) : null });
    }
    return result;
  }

  private async answer(query: JobSearchQuery, now: Date, credentials: Credential[], specialties: Specialty[]): Promise<JobSearchResult> {
    const offset = pageOffset(query);
    const { result, engine } = await this.ask({
      clauses: query.clauses,
      text: query.text,
      filters: query.filters,
      sort: query.sort,
      offset: offset ?? 0,
      limit: offset === null ? 0 : query.perPage,
      now,
    });
    const views = await this.publicJobs.openJobViews(result.hits.map((h) => h.id));
    const hits: JobSearchHit[] = result.hits.flatMap((h) => {
      const job = views.get(h.id);
      return job ? [{ job, highlightHtml: highlightHtml(h.highlight) }] : [];
    });
    const reachable = Math.min(result.total, MAX_RESULT_WINDOW);
    const pageCount = Math.max(1, Math.ceil(reachable / query.perPage));
    const capped = offset === null;
    return {
      query,
      engine,
      degraded: engine !== (this.primary?.name ?? 'postgres'),
      total: result.total,
      approximate: result.approximate,
      page: query.page,
      perPage: query.perPage,
      pageCount,
      capped,
      // Past the window of a large search, the page says to narrow it; past the end of a small one, there is no such page.
      pastEnd: result.total > 0 && query.page > pageCount && !(capped && result.total > MAX_RESULT_WINDOW),
      hits,
      facets: spreadAnyState(result.facets),
      taxonomy: { credentials, specialties },
    };
  }

  /** What /health/ready reports of search: asks the configured engine, so a recovery or an outage shows without a search. */
  async checkEngine(): Promise<SearchEngineStatus> {
    if (this.primary?.ping) {
      try {
        await this.primary.ping();
        this.failure = undefined;
      } catch (error) {
        this.recordFailure(error);
      }
    }
    return this.status();
  }

  status(): SearchEngineStatus {
    const configured = this.primary?.name ?? 'postgres';
    if (!this.failure) return { engine: configured, configured, degraded: false };
    return { engine: 'postgres', configured, degraded: true, reason: this.failure.reason, since: this.failure.since.toISOString() };
  }

  private async ask(query: EngineQuery): Promise<{ result: EngineResult; engine: JobSearchEngine['name'] }> {
    if (this.primary) {
      try {
        const result = await this.primary.search(query);
        if (this.failure) this.logger.log(`${this.primary.name} answers searches again`);
        this.failure = undefined;
        return { result, engine: this.primary.name };
      } catch (error) {
        this.recordFailure(error);
        this.logger.warn({ err: error }, `${this.primary.name} did not answer a search; Postgres answered instead`);
      }
    }
    return { result: await this.postgres.search(query), engine: 'postgres' };
  }

  private recordFailure(error: unknown): void {
    // Public in /health/ready: the kind of failure, not its details (they may name hosts).
    const reason = error instanceof Error ? error.name : 'Error';
    this.failure ??= { reason, since: this.clock.now() };
  }

  private async organizationIds(slugs: string[]): Promise<Map<string, string>> {
    const rows = await this.dataSource.query<{ id: string; slug: string }[]>(`SELECT id, slug FROM organizations WHERE slug = ANY ($1::text[])`, [slugs]);
    return new Map(rows.map((r) => [r.slug, r.id]));
  }
}
