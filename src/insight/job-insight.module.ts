import { Module } from '@nestjs/common';
import { JobInsightController } from './job-insight.controller';
import { JobInsightCounter } from './job-insight-counter';
import { JobInsightService } from './job-insight.service';

/**
 * Employer insight: the counter the public job page and its apply link feed,
 * and per-day figures for the employer's job page and the API.
 */
@Module({
  controllers: [JobInsightController],
  providers: [JobInsightCounter, JobInsightService],
  exports: [JobInsightCounter, JobInsightService],
})
export class JobInsightModule {}
