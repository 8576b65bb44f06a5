import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { QueueService } from '../../queue/queue.service';
import { Application, ApplicationStatus } from '../application.entity';
import { CandidateEmails } from './candidate-emails';
import { recordStatusChange } from './status-change';

/** Enqueued (with the job's id) in the transaction that closes a job as filled. */
export const JOB_FILLED_QUEUE = 'applications.job-filled';

export interface JobFilledJob {
  jobId: string;
}

/**
 * Applicants still waiting to hear back. An applicant with an offer is left
 * to the employer: the offer may be the very hire, or a second one.
 */
const WAITING: readonly ApplicationStatus[] = ['new', 'reviewed', 'shortlisted', 'interviewing'];

/** What the timeline says, and what the candidate was told. */
export const JOB_FILLED_MESSAGE = 'The position has been filled.';

/**
 * When a job closes as filled, every applicant still waiting hears so: the
 * application closes as not selected (by the system, with the reason in its
 * timeline) and the candidate gets a kind email. One transaction for all of
 * them, and the status change is the mark of what is done, so a retried or
 * repeated job sends nobody a second email.
 */
@Injectable()
export class JobFilledNotices implements OnModuleInit {
  private readonly logger = new Logger(JobFilledNotices.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: QueueService,
    private readonly candidateEmails: CandidateEmails,
  ) {}

  onModuleInit(): void {
    this.queue.register<JobFilledJob>(JOB_FILLED_QUEUE, (job) => this.notify(job.jobId).then(() => undefined));
  }

  /** How many applicants were told; none unless the job is closed as filled. */
  async notify(jobId: string): Promise<number> {
    const told = await this.dataSource.transaction(async (manager) => {
      const [job]: Array<{ title: string; organization_name: string }> = await manager.query(
        `SELECT j.title, o.name AS organization_name FROM jobs j JOIN organizations o ON o.id = j.organization_id
          WHERE j.id = $1 AND j.status = 'closed' AND j.close_reason = 'filled'`,
        [jobId],
      );
      if (!job) return 0;
      // Locked in id order, like every bulk change of applications, so none deadlocks with another.
      const waiting = await manager
        .createQueryBuilder(Application, 'a')
        .where('a.job_id = :jobId AND a.status IN (:...waiting)', { jobId, waiting: WAITING })
        .orderBy('a.id')
        .setLock('pessimistic_write')
        .getMany();
      await recordStatusChange(
        manager,
        waiting.map((a) => a.id),
        'rejected',
        null,
        JOB_FILLED_MESSAGE,
      );
      for (const application of waiting) {
        await this.candidateEmails.jobFilled(manager, { candidateId: application.candidateId, jobTitle: job.title, organizationName: job.organization_name });
      }
      return waiting.length;
    });
    if (told) this.logger.log({ jobId, told }, 'applicants told the job is filled');
    return told;
  }
}
