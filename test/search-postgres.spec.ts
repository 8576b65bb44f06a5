import { searchContract } from './support/search-contract';
import { createTestApp } from './support/test-app';

// The embedded default: the database keeps the documents, so there is nothing to index.
searchContract({
  engine: 'postgres',
  createApp: () => createTestApp(),
  indexed: async () => undefined,
});
