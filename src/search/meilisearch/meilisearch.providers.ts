import { Provider } from '@nestjs/common';
import { Env } from '../../config/env';
import { PRIMARY_SEARCH_ENGINE } from '../job-search.service';
import { JOB_SEARCH_INDEX } from '../search-sync.service';
import { MeilisearchEngine } from './meilisearch.engine';
import { MeilisearchIndex } from './meilisearch.index';

/**
 * With MEILI_URL: Meilisearch as the primary engine and as the index the
 * app keeps (JOB_SEARCH_INDEX). Without it both are null, and nothing talks
 * to a server that is not there.
 */
export function meilisearchProviders(env: Env): Provider[] {
  if (!env.MEILI_URL) {
    return [
      { provide: PRIMARY_SEARCH_ENGINE, useValue: null },
      { provide: JOB_SEARCH_INDEX, useValue: null },
    ];
  }
  return [
    MeilisearchEngine,
    MeilisearchIndex,
    { provide: PRIMARY_SEARCH_ENGINE, useExisting: MeilisearchEngine },
    { provide: JOB_SEARCH_INDEX, useExisting: MeilisearchIndex },
  ];
}
