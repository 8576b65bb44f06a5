import { Module } from '@nestjs/common';
import { CandidatesModule } from '../candidates/candidates.module';
import { ApplicationPagesController } from './application-pages.controller';
import { ApplicationsController } from './applications.controller';
import { ApplicationsService } from './applications.service';
import { ApplyPanelService } from './apply-panel.service';
import { IdempotencyService } from './idempotency.service';

/**
 * Applying to jobs: the candidate's side (apply, withdraw, track). The apply
 * form itself sits on the job page (PublicJobsController), with the job.
 */
@Module({
  imports: [CandidatesModule],
  controllers: [ApplicationsController, ApplicationPagesController],
  providers: [ApplicationsService, ApplyPanelService, IdempotencyService],
  exports: [ApplicationsService, ApplyPanelService],
})
export class ApplicationsModule {}
