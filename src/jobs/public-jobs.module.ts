import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TaxonomyModule } from '../taxonomy/taxonomy.module';
import { FeedsController } from './feeds.controller';
import { Job } from './job.entity';
import { PublicJobsController } from './public-jobs.controller';
import { PublicJobsService } from './public-jobs.service';

/**
 * The public side of postings: job pages, the browse list, feeds, sitemap
 * and robots.txt. Imported after JobsModule so that its fixed routes under
 * /jobs/:id/… are matched before the /jobs/:id/:slug page.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Job]), TaxonomyModule],
  controllers: [FeedsController, PublicJobsController],
  providers: [PublicJobsService],
  exports: [PublicJobsService],
})
export class PublicJobsModule {}
