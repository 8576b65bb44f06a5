import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Env } from '../../config/env';
import { MailService } from '../../mail/mail.service';
import { ApplicationStatus } from '../application.entity';

/** The stages a candidate hears about; the others (reviewed, shortlisted) are the employer's own bookkeeping. */
export const CANDIDATE_EMAIL_STATUSES = ['interviewing', 'offered', 'hired', 'rejected'] as const satisfies readonly ApplicationStatus[];
export type CandidateEmailStatus = (typeof CANDIDATE_EMAIL_STATUSES)[number];

export const emailsCandidate = (status: ApplicationStatus): status is CandidateEmailStatus => (CANDIDATE_EMAIL_STATUSES as readonly string[]).includes(status);

/** What the email says the application is about. */
export interface ApplicationContext {
  candidateId: string | null;
  jobTitle: string;
  organizationName: string;
}

/**
 * The candidate's emails about an application, recorded in the caller's
 * transaction (a rolled-back change sends nothing) and delivered by the
 * durable mail queue. They go to the account's current address; an
 * anonymized application (the account is deleted) or a disabled account gets none.
 */
@Injectable()
export class CandidateEmails {
  constructor(
    private readonly mail: MailService,
    private readonly env: Env,
  ) {}

  async statusChanged(manager: EntityManager, application: ApplicationContext, status: CandidateEmailStatus, message: string | null): Promise<void> {
    const recipient = await this.recipient(manager, application.candidateId);
    if (!recipient) return;
    await this.mail.send(
      'application-status',
      recipient.email,
      {
        name: recipient.name,
        jobTitle: application.jobTitle,
        organizationName: application.organizationName,
        interviewing: status === 'interviewing',
        offered: status === 'offered',
        hired: status === 'hired',
        rejected: status === 'rejected',
        message,
        ...this.links(),
      },
      { manager },
    );
  }

  async jobFilled(manager: EntityManager, application: ApplicationContext): Promise<void> {
    const recipient = await this.recipient(manager, application.candidateId);
    if (!recipient) return;
    await this.mail.send(
      'application-job-filled',
      recipient.email,
      { name: recipient.name, jobTitle: application.jobTitle, organizationName: application.organizationName, ...this.links() },
      { manager },
    );
  }

  private links() {
    return { applicationsLink: `${this.env.appUrl}/me/applications`, searchLink: `${this.env.appUrl}/jobs` };
  }

  private async recipient(manager: EntityManager, candidateId: string | null): Promise<{ email: string; name: string } | undefined> {
    if (!candidateId) return undefined;
    const [user]: Array<{ email: string; name: string }> = await manager.query(`SELECT email, name FROM users WHERE id = $1 AND disabled_at IS NULL`, [
      candidateId,
    ]);
    return user;
  }
}
