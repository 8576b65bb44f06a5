import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicationsModule } from '../applications/applications.module';
import { AuthModule } from '../auth/auth.module';
import { ResumeUploadMiddleware } from '../candidates/resume-upload';
import { JobInsightModule } from '../insight/job-insight.module';
import { TaxonomyModule } from '../taxonomy/taxonomy.module';
import { FeedsController } from './feeds.controller';
import { Job } from './job.entity';
import { PublicJobsController } from './public-jobs.controller';
import { PublicJobsService } from './public-jobs.service';

/**
 * The public side of postings: job pages (with their apply form), the
 * browse list, feeds, sitemap and robots.txt. Imported after JobsModule so
 * that its fixed routes under /jobs/:id/… are matched before the
 * /jobs/:id/:slug page.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Job]), TaxonomyModule, ApplicationsModule, AuthModule, JobInsightModule],
  controllers: [FeedsController, PublicJobsController],
  providers: [PublicJobsService],
  exports: [PublicJobsService],
})
export class PublicJobsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // The apply form is multipart (it may carry a resume) and its CSRF token is in the body: parsed before the guards.
    consumer.apply(ResumeUploadMiddleware).forRoutes({ path: 'jobs/:id/apply', method: RequestMethod.POST });
  }
}
