import { DynamicModule, Module } from '@nestjs/common';
import { Env } from '../config/env';
import { PublicJobsModule } from '../jobs/public-jobs.module';
import { TaxonomyModule } from '../taxonomy/taxonomy.module';
import { JobSearchController } from './job-search.controller';
import { JobSearchService } from './job-search.service';
import { meilisearchProviders } from './meilisearch/meilisearch.providers';
import { PostgresSearchEngine } from './postgres/postgres-search.engine';
import { SearchPageController } from './search-page.controller';
import { SearchSyncService } from './search-sync.service';

/**
 * Job search: the engines behind the port, the search service, the page
 * and the API, and index sync. Global, so the modules that change jobs
 * (and health) reach SearchSyncService and JobSearchService without
 * importing it, which would close a cycle through PublicJobsModule.
 */
@Module({})
export class SearchModule {
  static forRoot(env: Env): DynamicModule {
    return {
      module: SearchModule,
      global: true,
      imports: [TaxonomyModule, PublicJobsModule],
      controllers: [SearchPageController, JobSearchController],
      providers: [PostgresSearchEngine, JobSearchService, SearchSyncService, ...meilisearchProviders(env)],
      exports: [JobSearchService, SearchSyncService, PostgresSearchEngine],
    };
  }
}
