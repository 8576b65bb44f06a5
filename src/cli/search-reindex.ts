import { SearchSyncService } from '../search/search-sync.service';
import { runTask, startProgress } from './run-task';

void runTask('Rebuilding the search index', async (app, log) => {
  const counts = await app.get(SearchSyncService).reindex(startProgress);
  log(
    `Postgres: ${counts.postgres} open jobs.${counts.meilisearch === null ? ' Meilisearch is not configured (MEILI_URL).' : ` Meilisearch: ${counts.meilisearch} open jobs, swapped in.`}`,
  );
});
