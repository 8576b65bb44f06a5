import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { QueueService } from '../queue/queue.service';
import { JobsService } from './jobs.service';

export const JOB_EXPIRY_QUEUE = 'jobs.expire';

/**
 * Every five minutes: postings past their validThrough expire, then those
 * expiring within three days get their warning email. pg-boss sends each
 * cron tick once across all app instances, and both steps are safe to overlap.
 */
@Injectable()
export class JobExpiryScheduler implements OnModuleInit {
  private readonly logger = new Logger(JobExpiryScheduler.name);

  constructor(
    private readonly queue: QueueService,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    // The next tick is never far off, so a failed run is retried only once.
    this.queue.register(JOB_EXPIRY_QUEUE, () => this.run(), { cron: '*/5 * * * *', retryLimit: 1, retryDelaySeconds: 60 });
  }

  async run(): Promise<void> {
    const expired = await this.jobs.expireDue();
    const warned = await this.jobs.warnExpiring();
    if (expired || warned) this.logger.log({ expired, warned }, 'job postings expired and warned');
  }
}
