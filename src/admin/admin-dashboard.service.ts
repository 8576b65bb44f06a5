import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { QueueService } from '../queue/queue.service';

export interface AdminDashboard {
  users: { total: number; candidates: number; employers: number; admins: number; disabled: number };
  organizations: { total: number; verified: number; unverified: number; suspended: number };
  jobs: { open: number; awaitingReview: number };
  openReports: number;
  applications: { total: number; last24Hours: number };
  alerts: { active: number };
  /** In the last 24 hours: sent by sending time, failed by when they were recorded. */
  emails: { sent: number; failed: number; queued: number };
  /** Jobs waiting in each queue, and their sum. */
  queue: { total: number; byQueue: Array<{ name: string; waiting: number }> };
}

const DAY_MS = 86400_000;

/** The admin dashboard's counts: one statement for the tables, one call for the queue. */
@Injectable()
export class AdminDashboardService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: QueueService,
    private readonly clock: Clock,
  ) {}

  async read(): Promise<AdminDashboard> {
    const now = this.clock.now();
    const since = new Date(now.getTime() - DAY_MS);
    const [[row], backlog] = await Promise.all([
      this.dataSource.query<Array<Record<string, number>>>(
        `SELECT
           (SELECT count(*) FROM users)::int AS users,
           (SELECT count(*) FROM users WHERE role = 'candidate')::int AS candidates,
           (SELECT count(*) FROM users WHERE role = 'employer')::int AS employers,
           (SELECT count(*) FROM users WHERE role = 'admin')::int AS admins,
           (SELECT count(*) FROM users WHERE disabled_at IS NOT NULL)::int AS disabled,
           (SELECT count(*) FROM organizations)::int AS organizations,
           (SELECT count(*) FROM organizations WHERE verified_at IS NOT NULL)::int AS verified,
           (SELECT count(*) FROM organizations WHERE verified_at IS NULL AND suspended_at IS NULL)::int AS unverified,
           (SELECT count(*) FROM organizations WHERE suspended_at IS NOT NULL)::int AS suspended,
           (SELECT count(*) FROM jobs WHERE status = 'published' AND (valid_through IS NULL OR valid_through > $1))::int AS open_jobs,
           (SELECT count(*) FROM jobs WHERE status = 'pending_review')::int AS awaiting_review,
           (SELECT count(*) FROM job_reports WHERE resolved_at IS NULL)::int AS open_reports,
           (SELECT count(*) FROM applications)::int AS applications,
           (SELECT count(*) FROM applications WHERE created_at > $2)::int AS applications_24h,
           (SELECT count(*) FROM alerts WHERE confirmed_at IS NOT NULL AND unsubscribed_at IS NULL AND paused_at IS NULL)::int AS alerts,
           (SELECT count(*) FROM emails WHERE sent_at > $2)::int AS emails_sent,
           (SELECT count(*) FROM emails WHERE status = 'failed' AND created_at > $2)::int AS emails_failed,
           (SELECT count(*) FROM emails WHERE status = 'queued')::int AS emails_queued`,
        [now, since],
      ),
      this.queue.backlog(),
    ]);
    const byQueue = Object.entries(backlog)
      .map(([name, waiting]) => ({ name, waiting }))
      .sort((a, b) => a.name.localeCompare(b.name));
    return {
      users: { total: row.users, candidates: row.candidates, employers: row.employers, admins: row.admins, disabled: row.disabled },
      organizations: { total: row.organizations, verified: row.verified, unverified: row.unverified, suspended: row.suspended },
      jobs: { open: row.open_jobs, awaitingReview: row.awaiting_review },
      openReports: row.open_reports,
      applications: { total: row.applications, last24Hours: row.applications_24h },
      alerts: { active: row.alerts },
      emails: { sent: row.emails_sent, failed: row.emails_failed, queued: row.emails_queued },
      queue: { total: byQueue.reduce((sum, q) => sum + q.waiting, 0), byQueue },
    };
  }
}
