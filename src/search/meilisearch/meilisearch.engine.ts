import { Injectable } from '@nestjs/common';
import { Meilisearch } from 'meilisearch';
import { Env } from '../../config/env';
import { EngineQuery, EngineResult, JobSearchEngine } from '../job-search.port';
import { meiliResult, meiliSearchRequests } from './meilisearch-translation';

/**
 * Job search on Meilisearch: one multi-search per query (the hits with
 * their facet counts, plus a count-only search per facet with a filter of
 * its own). Any error or a reply slower than MEILI_TIMEOUT_MS rejects, and
 * the caller answers from Postgres.
 */
@Injectable()
export class MeilisearchEngine implements JobSearchEngine {
  readonly name = 'meilisearch';
  private readonly client: Meilisearch;
  private readonly uid: string;

  constructor(env: Env) {
    this.client = new Meilisearch({ host: env.MEILI_URL!, apiKey: env.MEILI_KEY, timeout: env.MEILI_TIMEOUT_MS });
    this.uid = env.MEILI_INDEX;
  }

  async search(query: EngineQuery): Promise<EngineResult> {
    const { results } = await this.client.multiSearch({ queries: meiliSearchRequests(query, this.uid) });
    return meiliResult(results, query);
  }

  /** The server answers (within the search timeout) and the live index exists. */
  async ping(): Promise<void> {
    await this.client.getRawIndex(this.uid);
  }
}
