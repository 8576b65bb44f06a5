import { createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLog } from '../audit/audit-log.service';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { Env } from '../config/env';
import { jobPath } from '../jobs/job-paths';
import { postingContacts } from '../jobs/posting-contacts';
import { MailService } from '../mail/mail.service';
import { SearchSyncService } from '../search/search-sync.service';
import { User } from '../users/user.entity';
import { ReportReason, ReportResolution } from './job-report.entity';

/** Open reports from this many distinct reporters take a published posting off the site until an admin reviews it. */
export const REPORTS_TO_PAUSE = 3;

export const REPORT_REASON_LABELS: Record<ReportReason, string> = {
  scam: 'A scam or fake job',
  misleading: 'Misleading (pay, duties or the employer are not as described)',
  wrong_information: 'Wrong information (the job is filled, the details are out of date)',
  discriminatory: 'Discriminatory',
};

/** Who is reporting: an account, or a signed-out visitor known only by a keyed hash of the address. */
export interface Reporter {
  user?: User;
  ip: string | undefined;
}

export interface ReportOutcome {
  /** False when this reporter already had an open report on the job: nothing new was recorded. */
  recorded: boolean;
  /** Whether the job is now paused for review. */
  paused: boolean;
}

/** A reported job in the admins' queue, with its open reports. */
export interface ReportedJob {
  jobId: string;
  title: string;
  status: string;
  organizationId: string;
  organizationName: string;
  reporters: number;
  firstReportedAt: Date;
  reports: Array<{ id: string; reason: ReportReason; reasonLabel: string; details: string | null; createdAt: Date; reporterEmail: string | null }>;
}

const notFound = () => new DomainError('not_found', 'There is no such job.');

/**
 * Reports about postings. Each report is written under a lock on the job, so
 * the third distinct reporter pauses it exactly once, whatever arrives in
 * parallel; a paused posting waits in the review queue (status
 * pending_review), where an admin approves or rejects it.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly searchSync: SearchSyncService,
    private readonly auditLog: AuditLog,
    private readonly mail: MailService,
    private readonly clock: Clock,
    private readonly env: Env,
  ) {}

  /** The published posting a report form is about. */
  async reportable(jobId: string): Promise<{ id: string; title: string; organizationName: string; path: string }> {
    const [job] = isUUID(jobId)
      ? await this.dataSource.query<Array<{ id: string; title: string; organization_name: string }>>(
          `SELECT j.id, j.title, o.name AS organization_name FROM jobs j JOIN organizations o ON o.id = j.organization_id WHERE j.id = $1 AND j.status = 'published'`,
          [jobId],
        )
      : [];
    if (!job) throw notFound();
    return { id: job.id, title: job.title, organizationName: job.organization_name, path: jobPath(job) };
  }

  async report(reporter: Reporter, jobId: string, input: { reason: ReportReason; details?: string | null }): Promise<ReportOutcome> {
    if (!isUUID(jobId)) throw notFound();
    return this.dataSource.transaction(async (manager) => {
      const [job] = await manager.query<Array<{ id: string; title: string; organization_id: string; created_by: string | null }>>(
        `SELECT id, title, organization_id, created_by FROM jobs WHERE id = $1 AND status = 'published' FOR UPDATE`,
        [jobId],
      );
      if (!job) throw notFound();
      const inserted = await manager.query<unknown[]>(
        `INSERT INTO job_reports (job_id, reporter_id, reporter_key, reason, details, created_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (job_id, reporter_key) WHERE resolved_at IS NULL DO NOTHING RETURNING id`,
        [jobId, reporter.user?.id ?? null, this.reporterKey(reporter), input.reason, input.details?.trim() || null, this.clock.now()],
      );
      const [{ reporters }] = await manager.query<Array<{ reporters: number }>>(
        `SELECT count(*)::int AS reporters FROM job_reports WHERE job_id = $1 AND resolved_at IS NULL`,
        [jobId],
      );
      const paused = reporters >= REPORTS_TO_PAUSE;
      if (paused) {
        await manager.query(`UPDATE jobs SET status = 'pending_review', updated_at = now() WHERE id = $1`, [jobId]);
        await this.searchSync.jobsChanged(manager, [jobId]);
        await this.auditLog.record(manager, {
          actor: null,
          action: 'job.paused_by_reports',
          subject: { type: 'job', id: jobId },
          organizationId: job.organization_id,
          before: { status: 'published' },
          after: { status: 'pending_review', reporters },
        });
        // The employer hears why the posting left the site, without who reported it or what they said.
        const context = { jobTitle: job.title, reporters, dashboardLink: `${this.env.appUrl}/employer` };
        for (const contact of await postingContacts(manager, { organizationId: job.organization_id, createdBy: job.created_by })) {
          await this.mail.send('job-paused', contact.email, { name: contact.name, ...context }, { manager });
        }
      }
      return { recorded: inserted.length > 0, paused };
    });
  }

  /** Jobs with open reports, the longest-waiting first. */
  async queue(): Promise<ReportedJob[]> {
    const rows = await this.dataSource.query<
      Array<{
        id: string;
        job_id: string;
        title: string;
        status: string;
        organization_id: string;
        organization_name: string;
        reason: ReportReason;
        details: string | null;
        created_at: Date;
        reporter_email: string | null;
      }>
    >(
      `SELECT r.id, r.job_id, j.title, j.status, j.organization_id, o.name AS organization_name, r.reason, r.details, r.created_at, u.email AS reporter_email
         FROM job_reports r JOIN jobs j ON j.id = r.job_id JOIN organizations o ON o.id = j.organization_id
         LEFT JOIN users u ON u.id = r.reporter_id
        WHERE r.resolved_at IS NULL
        ORDER BY r.created_at, r.id`,
    );
    const jobs = new Map<string, ReportedJob>();
    for (const row of rows) {
      let job = jobs.get(row.job_id);
      if (!job) {
        job = {
          jobId: row.job_id,
          title: row.title,
          status: row.status,
          organizationId: row.organization_id,
          organizationName: row.organization_name,
          reporters: 0,
          firstReportedAt: row.created_at,
          reports: [],
        };
        jobs.set(row.job_id, job);
      }
      job.reporters += 1;
      job.reports.push({
        id: row.id,
        reason: row.reason,
        reasonLabel: REPORT_REASON_LABELS[row.reason],
        details: row.details,
        createdAt: row.created_at,
        reporterEmail: row.reporter_email,
      });
    }
    return [...jobs.values()];
  }

  /** The admin found nothing wrong: the open reports are closed and the posting stays as it is. */
  async dismiss(admin: User, jobId: string): Promise<number> {
    if (!isUUID(jobId)) throw notFound();
    return this.dataSource.transaction(async (manager) => {
      const [job] = await manager.query<Array<{ organization_id: string }>>(`SELECT organization_id FROM jobs WHERE id = $1 FOR UPDATE`, [jobId]);
      if (!job) throw notFound();
      const resolved = await this.resolveOpen(manager, admin, jobId, 'dismissed');
      if (resolved === 0) throw new DomainError('conflict', 'This job has no open reports.');
      await this.auditLog.record(manager, {
        actor: admin,
        action: 'report.dismissed',
        subject: { type: 'job', id: jobId },
        organizationId: job.organization_id,
        before: { openReports: resolved },
        after: { openReports: 0 },
      });
      return resolved;
    });
  }

  /** Closes the job's open reports with the review's outcome; called in the review's transaction. */
  async resolveOpen(manager: EntityManager, admin: User, jobId: string, resolution: ReportResolution): Promise<number> {
    const rows = await manager.query<unknown[]>(
      // Through a CTE: TypeORM answers a bare UPDATE with [rows, count] rather than the rows.
      `WITH resolved AS (UPDATE job_reports SET resolved_at = $3, resolution = $4, resolved_by = $2 WHERE job_id = $1 AND resolved_at IS NULL RETURNING id)
       SELECT id FROM resolved`,
      [jobId, admin.id, this.clock.now(), resolution],
    );
    return rows.length;
  }

  private reporterKey({ user, ip }: Reporter): string {
    if (user) return `user:${user.id}`;
    return `ip:${createHmac('sha256', this.env.JWT_SECRET)
      .update(`careercenter report ${ip ?? 'unknown'}`)
      .digest('hex')
      .slice(0, 40)}`;
  }
}
