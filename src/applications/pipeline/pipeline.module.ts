import { Module } from '@nestjs/common';
import { TaxonomyModule } from '../../taxonomy/taxonomy.module';
import { ApplicationDigest } from './application-digest';
import { ApplicationEmailsService } from './application-emails.service';
import { ApplicationNotesService } from './application-notes.service';
import { CandidateEmails } from './candidate-emails';
import { JobFilledNotices } from './job-filled-notices';
import { PipelinePages } from './pipeline-pages';
import { PipelinePagesController } from './pipeline-pages.controller';
import { PipelineController } from './pipeline.controller';
import { PipelineService } from './pipeline.service';

/** The employer's applicant pipeline: statuses, notes, emails, digests. */
@Module({
  imports: [TaxonomyModule],
  controllers: [PipelineController, PipelinePagesController],
  providers: [PipelineService, ApplicationNotesService, ApplicationEmailsService, CandidateEmails, JobFilledNotices, ApplicationDigest, PipelinePages],
})
export class PipelineModule {}
