import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EmployersModule } from '../employers/employers.module';
import { JobInsightModule } from '../insight/job-insight.module';
import { ReportsModule } from '../reports/reports.module';
import { TaxonomyModule } from '../taxonomy/taxonomy.module';
import { EmployerJobsController } from './employer-jobs.controller';
import { ExtendLinks } from './extend-link';
import { JobExpiryScheduler } from './job-expiry.scheduler';
import { JobExtendController } from './job-extend.controller';
import { Job } from './job.entity';
import { JobsController } from './jobs.controller';
import { JobsService } from './jobs.service';

@Module({
  imports: [TypeOrmModule.forFeature([Job]), TaxonomyModule, EmployersModule, ReportsModule, JobInsightModule, JwtModule.register({})],
  // JobExtendController's /jobs/:id/extend comes before any /jobs/:id/:slug page route, which would otherwise take it.
  controllers: [JobExtendController, JobsController, EmployerJobsController],
  providers: [JobsService, ExtendLinks, JobExpiryScheduler],
  exports: [JobsService],
})
export class JobsModule {}
