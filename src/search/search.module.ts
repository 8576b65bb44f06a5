import { Module } from '@nestjs/common';
import { PublicJobsModule } from '../jobs/public-jobs.module';
import { TaxonomyModule } from '../taxonomy/taxonomy.module';
import { JobSearchController } from './job-search.controller';
import { JobSearchService, PRIMARY_SEARCH_ENGINE } from './job-search.service';
import { PostgresSearchEngine } from './postgres/postgres-search.engine';

/** Job search: the engines behind the port, the search service, its API, and index sync. */
@Module({
  imports: [TaxonomyModule, PublicJobsModule],
  controllers: [JobSearchController],
  providers: [PostgresSearchEngine, JobSearchService, { provide: PRIMARY_SEARCH_ENGINE, useValue: null }],
  exports: [JobSearchService],
})
export class SearchModule {}
