import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { Env } from '../../config/env';
import { QueueService } from '../../queue/queue.service';
import { digestSlotsAfter } from '../digest-schedule';
import { AlertEmailItem, AlertEmails } from './alert-emails';
import { AlertJob, AlertJobs } from './alert-jobs';
import { ALERT_WANTS_DOC, matchDocsCtes, splitIds } from './alert-match-sql';
import { DueRecipient, lockDueRecipients } from './alert-recipients';

export const ALERT_DIGEST_QUEUE = 'alerts.digest';

/** Alerts per transaction. */
export const DIGEST_BATCH_SIZE = 2000;

/** A digest lists at most this many jobs, newest first; the full search has the rest. */
export const DIGEST_MAX_JOBS = 20;

/**
 * The next digest also looks this far back before the last one ran: a job
 * stamped as published just before a digest run but committed just after it
 * was not there to be seen. Jobs already emailed are left out anyway.
 */
const DIGEST_OVERLAP_MS = 10 * 60_000;

/**
 * The jobs of the due alerts $1 (live ones with a digest owed), computed for
 * the whole batch at once: the open documents published since the earliest
 * of their starting points are keyed once, the alerts' match keys are joined
 * to them (credential, state and text at once), the other filters are
 * checked, and each alert keeps its newest $3 not emailed before.
 */
const DIGEST_JOBS = `
  WITH due AS MATERIALIZED (
    SELECT a.*, s.digest_since FROM alerts a JOIN alert_schedules s ON s.alert_id = a.id WHERE a.id = ANY ($1::uuid[]) AND s.digest_since IS NOT NULL),
  ${matchDocsCtes('d.published_at >= (SELECT min(digest_since) FROM due)', 'SELECT tsquery FROM due')},
  doc_key AS (SELECT doc.job_id, k.key FROM doc CROSS JOIN LATERAL unnest(doc.keys) AS k(key)),
  met AS (
    SELECT DISTINCT a.id AS alert_id, dk.job_id
    FROM due a CROSS JOIN LATERAL unnest(a.match_keys) AS ak(key) JOIN doc_key dk ON dk.key = ak.key
  ), ranked AS (
    SELECT a.id AS alert_id, doc.job_id, row_number() OVER (PARTITION BY a.id ORDER BY doc.published_at DESC, doc.job_id DESC) AS rank
    FROM met JOIN due a ON a.id = met.alert_id JOIN doc ON doc.job_id = met.job_id
    WHERE doc.published_at >= a.digest_since AND ${ALERT_WANTS_DOC}
  )
  SELECT alert_id AS "alertId", string_agg(job_id::text, ' ' ORDER BY rank) AS "jobList" FROM ranked WHERE rank <= $3 GROUP BY alert_id`;

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
 * mail an alert twice. Each due alert gets the open jobs it matches that
 * were published since its last digest (see DIGEST_JOBS), newest
 * first, at most DIGEST_MAX_JOBS; an alert with none gets no email. Then its
 * next digest is scheduled.
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
    // A paused, unconfirmed or unverified alert keeps its starting point (its jobs wait, subject to being open); its schedule moves on.
    const live = due.filter((alert) => alert.live);
    const listed = live.length
      ? await manager.query<Array<{ alertId: string; jobList: string }>>(DIGEST_JOBS, [live.map((alert) => alert.id), now, DIGEST_MAX_JOBS])
      : [];
    const jobIdsOf = new Map(listed.map((l) => [l.alertId, splitIds(l.jobList)]));
    const open = await this.openJobs(manager, [...new Set([...jobIdsOf.values()].flat())], now, seen);
    const items: AlertEmailItem[] = live.flatMap((recipient) => {
      const jobs = (jobIdsOf.get(recipient.id) ?? []).flatMap((id) => open.get(id) ?? []);
      return jobs.length ? [{ recipient, jobs }] : [];
    });

    const { emails } = await this.emails.send(manager, 'alert-digest', items);
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
   * weekly), from jobs published since this one; none for an instant alert,
   * whose held jobs have all gone out, or an unsubscribed one (resuming it
   * schedules it again). A paused or unverified alert keeps its starting
   * point. `last_digest_at` records the digests actually sent.
   */
  private async schedule(manager: EntityManager, alerts: DueRecipient[], mailed: Set<string>, now: Date): Promise<void> {
    const slotOf = digestSlotsAfter(this.env.ALERT_DIGEST_HOUR, now);
    const next = alerts.map((alert) => (alert.unsubscribed ? null : slotOf(alert.frequency, alert.timeZone)));
    await manager.query(
      `UPDATE alert_schedules s SET next_digest_at = v.next,
                                    last_digest_at = CASE WHEN v.mailed THEN $6::timestamptz ELSE s.last_digest_at END,
                                    digest_since = CASE WHEN NOT v.live THEN s.digest_since WHEN v.instant THEN NULL ELSE $7::timestamptz END
       FROM unnest($1::uuid[], $2::timestamptz[], $3::boolean[], $4::boolean[], $5::boolean[]) AS v(id, next, mailed, live, instant)
       WHERE s.alert_id = v.id`,
      [
        alerts.map((a) => a.id),
        next,
        alerts.map((a) => mailed.has(a.id)),
        alerts.map((a) => a.live),
        alerts.map((a) => a.frequency === 'instant'),
        now,
        new Date(now.getTime() - DIGEST_OVERLAP_MS),
      ],
    );
  }
}
