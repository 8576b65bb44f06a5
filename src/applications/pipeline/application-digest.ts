import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { Env } from '../../config/env';
import { MailService } from '../../mail/mail.service';
import { QueueService } from '../../queue/queue.service';
import { applicantsPath, APPLICATION_EMAILS_PAGE } from './pipeline-paths';

export const APPLICATION_DIGEST_QUEUE = 'applications.digest';

/** 13:00 UTC: the morning across US time zones. */
const DIGEST_CRON = '0 13 * * *';
/** A member gets at most one digest in this many hours, however often the task runs. */
const MIN_HOURS_BETWEEN = 20;

export const applicationsLabel = (n: number, adjective = ''): string => `${n} ${adjective}${adjective ? ' ' : ''}application${n === 1 ? '' : 's'}`;

interface DueMember {
  organization_id: string;
  user_id: string;
  email: string;
  name: string;
  organization_name: string;
  since: Date;
}

/**
 * Once a day, each member who chose the daily digest gets one email listing
 * the applications to the organization's jobs since their last one (none on
 * a day without any; withdrawn ones left out). The member's
 * `application_digest_sent_at` moves in the transaction that records the
 * email, so a failed run is retried and a repeated one sends nothing twice.
 */
@Injectable()
export class ApplicationDigest implements OnModuleInit {
  private readonly logger = new Logger(ApplicationDigest.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: QueueService,
    private readonly mail: MailService,
    private readonly clock: Clock,
    private readonly env: Env,
  ) {}

  onModuleInit(): void {
    this.queue.register(APPLICATION_DIGEST_QUEUE, () => this.run().then(() => undefined), { cron: DIGEST_CRON, retryLimit: 2, retryDelaySeconds: 600 });
  }

  /** The number of digests sent. */
  async run(): Promise<number> {
    const now = this.clock.now();
    const due = `m.application_emails = 'daily' AND u.disabled_at IS NULL
      AND (m.application_digest_sent_at IS NULL OR m.application_digest_sent_at <= $1::timestamptz - interval '${MIN_HOURS_BETWEEN} hours')`;
    const members: Array<{ organization_id: string; user_id: string }> = await this.dataSource.query(
      `SELECT m.organization_id, m.user_id FROM organization_members m JOIN users u ON u.id = m.user_id WHERE ${due}`,
      [now],
    );
    let sent = 0;
    for (const { organization_id, user_id } of members) {
      const digested = await this.dataSource.transaction(async (manager) => {
        // Skips a member another instance is sending to right now, and one whose digest went out meanwhile.
        const [member]: DueMember[] = await manager.query(
          `SELECT m.organization_id, m.user_id, u.email, u.name, o.name AS organization_name,
                  COALESCE(m.application_digest_sent_at, m.created_at) AS since
             FROM organization_members m JOIN users u ON u.id = m.user_id JOIN organizations o ON o.id = m.organization_id
            WHERE m.organization_id = $2 AND m.user_id = $3 AND ${due}
            FOR UPDATE OF m SKIP LOCKED`,
          [now, organization_id, user_id],
        );
        if (!member) return false;
        const jobs: Array<{ id: string; title: string; n: number }> = await manager.query(
          `SELECT j.id, j.title, count(*)::int AS n
             FROM applications a JOIN jobs j ON j.id = a.job_id
            WHERE a.organization_id = $1 AND a.created_at > $2 AND a.created_at <= $3 AND a.status <> 'withdrawn'
            GROUP BY j.id, j.title ORDER BY n DESC, j.title`,
          [member.organization_id, member.since, now],
        );
        if (jobs.length) {
          const total = jobs.reduce((sum, j) => sum + j.n, 0);
          await this.mail.send(
            'applications-digest',
            member.email,
            {
              name: member.name,
              organizationName: member.organization_name,
              totalLabel: applicationsLabel(total, 'new'),
              jobs: jobs.map((j) => ({ title: j.title, countLabel: applicationsLabel(j.n, 'new'), link: `${this.env.appUrl}${applicantsPath(j.id)}` })),
              dashboardLink: `${this.env.appUrl}/employer`,
              settingsLink: `${this.env.appUrl}${APPLICATION_EMAILS_PAGE}`,
            },
            { manager },
          );
        }
        await manager.query(`UPDATE organization_members SET application_digest_sent_at = $3 WHERE organization_id = $1 AND user_id = $2`, [
          member.organization_id,
          member.user_id,
          now,
        ]);
        return jobs.length > 0;
      });
      if (digested) sent += 1;
    }
    if (sent) this.logger.log({ sent, hoursBetween: MIN_HOURS_BETWEEN }, 'application digests sent');
    return sent;
  }
}
