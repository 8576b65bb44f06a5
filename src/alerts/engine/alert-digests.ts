import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { Env } from '../../config/env';
import { QueueService } from '../../queue/queue.service';
import { nextDigestAt } from '../digest-schedule';
import { AlertEmailItem, AlertEmails } from './alert-emails';
import { AlertJob, AlertJobs } from './alert-jobs';
import { AlertRecipient, lockDueRecipients } from './alert-recipients';
import { byAlert, DeliveryRef } from './delivery-refs';
import { digestContents } from './digest-contents';

export const ALERT_DIGEST_QUEUE = 'alerts.digest';

/** Alerts per transaction. */
export const DIGEST_BATCH_SIZE = 500;

/** A run takes no new batch after this long; the next tick (every five minutes) goes on where it stopped. */
const RUN_BUDGET_MS = 4 * 60_000;

export interface DigestOutcome {
  /** Due alerts handled: their next digest is scheduled. */
  alerts: number;
  emails: number;
}

/** What a run has read of jobs so far: batches of alerts share most of their jobs. */
type JobsSeen = Map<string, AlertJob | null>;

/**
 * Daily and weekly digests, and the digests of instant alerts' jobs held
 * past the daily cap. Every five minutes (one instance per tick, through
 * the queue's schedule) the alerts whose digest is due are taken in
 * batches, each in one transaction that locks its alerts and passes over
 * those another run holds, so concurrent runs split the work and never
 * mail an alert twice. Each due alert's pending jobs that are still open
 * go out newest first, at most 20 (the rest are skipped), and an alert
 * with none gets no email. Then its next digest is scheduled.
 */
@Injectable()
export class AlertDigests implements OnModuleInit {
  private readonly logger = new Logger(AlertDigests.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: QueueService,
    private readonly emails: AlertEmails,
    private readonly jobs: AlertJobs,
    private readonly clock: Clock,
    private readonly env: Env,
  ) {}

  onModuleInit(): void {
    // The next tick is never far off, so a failed run is retried only once.
    this.queue.register(ALERT_DIGEST_QUEUE, () => this.runDue().then(() => undefined), {
      cron: '*/5 * * * *',
      retryLimit: 1,
      retryDelaySeconds: 60,
      expireInSeconds: 600,
    });
  }

  /** Sends the digests due now, batch by batch, until none is left (or the run's time is up). */
  async runDue(batchSize = DIGEST_BATCH_SIZE): Promise<DigestOutcome> {
    const started = Date.now();
    const now = this.clock.now();
    const seen: JobsSeen = new Map();
    const total: DigestOutcome = { alerts: 0, emails: 0 };
    for (;;) {
      const batch = await this.dataSource.transaction((manager) => this.runBatch(manager, now, batchSize, seen));
      total.alerts += batch.alerts;
      total.emails += batch.emails;
      if (batch.alerts < batchSize || Date.now() - started > RUN_BUDGET_MS) break;
    }
    if (total.alerts) this.logger.log(total, 'alert digests sent');
    return total;
  }

  private async runBatch(manager: EntityManager, now: Date, batchSize: number, seen: JobsSeen): Promise<DigestOutcome> {
    const due = await lockDueRecipients(manager, now, batchSize);
    if (!due.length) return { alerts: 0, emails: 0 };
    // A paused, unconfirmed or unverified alert keeps its pending jobs (still subject to being open) and its schedule moves on.
    const live = due.filter((alert) => alert.live);
    const pending = live.length
      ? await manager.query<DeliveryRef[]>(
          `SELECT id, alert_id AS "alertId", job_id AS "jobId" FROM alert_deliveries WHERE alert_id = ANY ($1::uuid[]) AND status = 'pending'`,
          [live.map((alert) => alert.id)],
        )
      : [];
    const open = await this.openJobs(manager, [...new Set(pending.map((d) => d.jobId))], now, seen);

    const pendingByAlert = byAlert(pending);
    const items: AlertEmailItem[] = [];
    const skipped: string[] = [];
    for (const recipient of live) {
      const contents = digestContents(pendingByAlert.get(recipient.id) ?? [], open);
      skipped.push(...contents.skipped.map((d) => d.id));
      if (contents.included.length) {
        items.push({ recipient, jobs: contents.included.map((i) => i.job), deliveryIds: contents.included.map((i) => i.delivery.id) });
      }
    }
    const emails = await this.emails.send(manager, 'alert-digest', items);
    if (skipped.length) await manager.query(`UPDATE alert_deliveries SET status = 'skipped' WHERE id = ANY ($1::uuid[])`, [skipped]);
    await this.schedule(manager, due, new Set(items.map((item) => item.recipient.id)), now);
    return { alerts: due.length, emails };
  }

  /** Open jobs among `ids`, reading only those no earlier batch of the run has read. */
  private async openJobs(manager: EntityManager, ids: string[], now: Date, seen: JobsSeen): Promise<Map<string, AlertJob>> {
    const unread = ids.filter((id) => !seen.has(id));
    const read = await this.jobs.open(manager, unread, now);
    for (const id of unread) seen.set(id, read.get(id) ?? null);
    return new Map(ids.flatMap((id) => (seen.get(id) ? [[id, seen.get(id)!] as const] : [])));
  }

  /**
   * The next digest of each alert: its next slot (daily, or Monday for
   * weekly); none for an instant alert, whose held jobs have all gone out.
   * `last_digest_at` records the digests actually sent.
   */
  private async schedule(manager: EntityManager, alerts: AlertRecipient[], mailed: Set<string>, now: Date): Promise<void> {
    const slots = new Map<string, Date | null>();
    const next = alerts.map((alert) => {
      const key = `${alert.frequency} ${alert.timeZone}`;
      if (!slots.has(key)) slots.set(key, nextDigestAt(alert.frequency, alert.timeZone, this.env.ALERT_DIGEST_HOUR, now));
      return slots.get(key)!;
    });
    await manager.query(
      `UPDATE alerts a SET next_digest_at = v.next, last_digest_at = CASE WHEN v.mailed THEN $4::timestamptz ELSE a.last_digest_at END
       FROM unnest($1::uuid[], $2::timestamptz[], $3::boolean[]) AS v(id, next, mailed) WHERE a.id = v.id`,
      [alerts.map((a) => a.id), next, alerts.map((a) => mailed.has(a.id)), now],
    );
  }
}
