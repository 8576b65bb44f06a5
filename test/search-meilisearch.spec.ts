import { randomUUID } from 'node:crypto';
import { SearchSyncService } from '../src/search/search-sync.service';
import { searchContract } from './support/search-contract';
import { createTestApp } from './support/test-app';

/**
 * The same contract on a real Meilisearch server. No Meilisearch server can
 * be installed where the suite usually runs, so jest.config.js runs this
 * file only when MEILI_URL names one (docker compose up meilisearch).
 */
const MEILI_URL = process.env.MEILI_URL!;
const noProgress = () => ({ increment: () => undefined, stop: () => undefined });

searchContract({
  engine: 'meilisearch',
  createApp: () => createTestApp({ MEILI_URL, MEILI_KEY: process.env.MEILI_KEY ?? '', MEILI_INDEX: `contract_${randomUUID().slice(0, 8)}` }),
  indexed: async (app) => {
    await app.app.get(SearchSyncService).reindex(noProgress);
  },
});
