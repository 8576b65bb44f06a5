import { Module } from '@nestjs/common';

/** The employer's applicant pipeline: statuses, notes, emails, digests. */
@Module({})
export class PipelineModule {}
