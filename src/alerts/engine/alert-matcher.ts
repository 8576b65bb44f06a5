import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { Env } from '../../config/env';
import { US_STATE_NAMES } from '../../jobs/us-states';
import { QueueService } from '../../queue/queue.service';
import { ANY_KEY } from '../alert.entity';
import { nextDigestAt } from '../digest-schedule';
import { AlertEmails } from './alert-emails';
import { AlertJobs } from './alert-jobs';
import { AlertRecipient, LIVE_ALERT, loadRecipients } from './alert-recipients';
import { byAlert, DeliveryRef } from './delivery-refs';
import { applyDailyCap } from './instant-cap';

export const ALERT_MATCH_QUEUE = 'alerts.match';

export interface AlertMatchJob {
  jobIds: string[];
}

/** Jobs matched per queued job: an organization's verification publishes all its waiting jobs at once. */
export const JOBS_PER_MATCH = 50;

/** Instant alert emails to one address count against its cap for this long. */
const CAP_WINDOW_MS = 24 * 3600_000;

/** A remote job open to every state (ANY_KEY in its document's states) matches any state filter, as the search's does. */
const EVERY_STATE_KEY = [...Object.keys(US_STATE_NAMES), ANY_KEY];

/**
 * Percolation: the live alerts each job matches, in one statement for a
 * batch of jobs. A job's values plus ANY_KEY are looked up in the alerts'
 * key columns (GIN-indexed: credentials, specialties, states), so only
 * candidate alerts are read; each candidate is then checked against the
 * job's document as filterSql in the Postgres search engine checks a
 * document against a search: array overlaps for the "any of" filters, the
 * yearly salary against the minimum, apprentice, posted within (from now),
 * and the text query against the same tsvector (each distinct text query
 * is parsed and tried on each job once, not once per alert that holds it).
 * Only open documents take part: a document exists while its job is
 * published, and must not be past its valid-through date. A job already
 * delivered to an alert is left out (unique (alert, job)), so re-publishing
 * or editing a job never sends it twice.
 */
const PERCOLATE = `
  WITH text_query AS MATERIALIZED (
    SELECT t.source, t.source::tsquery AS query
    FROM (SELECT DISTINCT a.tsquery AS source FROM alerts a WHERE a.tsquery IS NOT NULL AND a.unsubscribed_at IS NULL) t
  ), doc AS MATERIALIZED (
    SELECT d.job_id, d.published_at, d.salary_yearly, d.apprentice,
           ARRAY(SELECT q.source FROM text_query q WHERE d.document @@ q.query) AS text_queries,
           d.credentials || '{${ANY_KEY}}'::text[] AS credentials,
           d.specialties || '{${ANY_KEY}}'::text[] AS specialties,
           d.settings || '{${ANY_KEY}}'::text[] AS settings,
           ARRAY[d.workplace::text, '${ANY_KEY}'] AS workplaces,
           CASE WHEN '${ANY_KEY}' = ANY (d.states) THEN $3::text[] ELSE d.states || '{${ANY_KEY}}'::text[] END AS states,
           ARRAY[d.employment_type::text, '${ANY_KEY}'] AS employment_types,
           ARRAY[d.organization_id::text, '${ANY_KEY}'] AS organizations
    FROM job_search_documents d
    WHERE d.job_id = ANY ($1::uuid[]) AND (d.valid_through IS NULL OR d.valid_through > $2)
  ), matched AS (
    INSERT INTO alert_deliveries (alert_id, job_id)
    SELECT a.id, doc.job_id
    FROM doc
    JOIN alerts a ON a.credential_keys && doc.credentials AND a.specialty_keys && doc.specialties AND a.state_keys && doc.states
    LEFT JOIN users u ON u.id = a.user_id
    WHERE ${LIVE_ALERT}
      AND a.workplace_keys && doc.workplaces
      AND a.employment_type_keys && doc.employment_types
      AND a.setting_keys && doc.settings
      AND a.organization_keys && doc.organizations
      AND (a.salary_min IS NULL OR doc.salary_yearly >= a.salary_min)
      AND (NOT a.apprentice OR doc.apprentice)
      AND (a.posted_within IS NULL OR doc.published_at >= $2::timestamptz - a.posted_within * interval '24 hours')
      AND (a.tsquery IS NULL OR a.tsquery = ANY (doc.text_queries))
    ON CONFLICT (alert_id, job_id) DO NOTHING
    RETURNING id, alert_id, job_id
  )
  SELECT (SELECT count(*) FROM matched)::int AS deliveries,
         coalesce(array_agg(m.id), '{}') AS "deliveryIds", coalesce(array_agg(m.alert_id), '{}') AS "alertIds", coalesce(array_agg(m.job_id), '{}') AS "jobIds"
  FROM matched m JOIN alerts a ON a.id = m.alert_id
  WHERE a.frequency = 'instant'`;

interface Percolated {
  /** Every delivery made. */
  deliveries: number;
  /** Those of instant alerts, as parallel arrays. */
  deliveryIds: string[];
  alertIds: string[];
  jobIds: string[];
}

export interface MatchOutcome {
  deliveries: number;
  instantEmails: number;
  /** Instant alerts past their address's daily cap, whose jobs wait for a digest. */
  heldBack: number;
}

/**
 * Matches changed jobs to alerts. JobsService (and the demo loader) call
 * `jobsChanged` in the transaction of each change, so a match is queued
 * exactly when the change commits; the worker writes the deliveries and
 * the instant emails in one transaction. Daily and weekly alerts' deliveries
 * wait (pending) for their digest.
 */
@Injectable()
export class AlertMatcher implements OnModuleInit {
  private readonly logger = new Logger(AlertMatcher.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: QueueService,
    private readonly emails: AlertEmails,
    private readonly jobs: AlertJobs,
    private readonly clock: Clock,
    private readonly env: Env,
  ) {}

  onModuleInit(): void {
    this.queue.register<AlertMatchJob>(ALERT_MATCH_QUEUE, (job) => this.match(job.jobIds).then(() => undefined), {
      retryLimit: 10,
      retryDelaySeconds: 5,
      retryBackoff: true,
    });
  }

  /** Queues matching for those of `jobIds` that are published, in `manager`'s transaction. */
  async jobsChanged(manager: EntityManager, jobIds: string[]): Promise<void> {
    if (!jobIds.length) return;
    const rows = await manager.query<{ id: string }[]>(`SELECT id FROM jobs WHERE id = ANY ($1::uuid[]) AND status = 'published'`, [[...new Set(jobIds)]]);
    for (let i = 0; i < rows.length; i += JOBS_PER_MATCH) {
      await this.queue.enqueue<AlertMatchJob>(ALERT_MATCH_QUEUE, { jobIds: rows.slice(i, i + JOBS_PER_MATCH).map((r) => r.id) }, { manager });
    }
  }

  /**
   * Creates the deliveries of `jobIds` to the live alerts they match and,
   * for instant alerts, one email per alert now, or (past the address's
   * daily cap) holds them for the alert's next daily slot.
   */
  async match(jobIds: string[]): Promise<MatchOutcome> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const [percolated] = await manager.query<Percolated[]>(PERCOLATE, [jobIds, now, EVERY_STATE_KEY]);
      const { emailed, heldBack } = await this.instant(manager, percolated, now);
      return { deliveries: percolated.deliveries, instantEmails: emailed, heldBack };
    });
    if (outcome.deliveries) this.logger.log({ jobs: jobIds.length, ...outcome }, 'jobs matched to alerts');
    return outcome;
  }

  private async instant(manager: EntityManager, percolated: Percolated, now: Date): Promise<{ emailed: number; heldBack: number }> {
    if (!percolated.alertIds.length) return { emailed: 0, heldBack: 0 };
    const matched = byAlert(percolated.deliveryIds.map((id, i): DeliveryRef => ({ id, alertId: percolated.alertIds[i], jobId: percolated.jobIds[i] })));
    const recipients = await loadRecipients(manager, [...matched.keys()]);
    const { email, hold } = applyDailyCap(recipients, await this.instantEmailsSent(manager, recipients, now), this.env.ALERT_INSTANT_DAILY_CAP);

    const jobs = await this.jobs.open(manager, [...new Set(percolated.jobIds)], now);
    const emailed = await this.emails.send(
      manager,
      'alert-instant',
      email.map((recipient) => {
        const deliveries = matched.get(recipient.id)!;
        return { recipient, jobs: deliveries.flatMap((d) => jobs.get(d.jobId) ?? []), deliveryIds: deliveries.map((d) => d.id) };
      }),
    );
    if (hold.length) await this.holdForDigest(manager, hold, now);
    return { emailed, heldBack: hold.length };
  }

  /**
   * Instant alert emails sent or queued to each address in the last 24
   * hours, under a lock per address that makes concurrent matches count
   * one after the other (a rolling window: no time zone to disagree on).
   */
  private async instantEmailsSent(manager: EntityManager, recipients: AlertRecipient[], now: Date): Promise<Map<string, number>> {
    const addresses = [...new Set(recipients.map((r) => r.address))];
    // Ordered by lock key, so two matches never wait for each other's locks.
    await manager.query(
      `SELECT pg_advisory_xact_lock(key)
       FROM (SELECT DISTINCT hashtext('careercenter.alert-cap:' || address) AS key FROM unnest($1::text[]) AS address ORDER BY key) keys`,
      [addresses],
    );
    const rows = await manager.query<{ address: string; sent: number }[]>(
      `SELECT to_address AS address, count(*)::int AS sent FROM emails
       WHERE template = 'alert-instant' AND to_address = ANY ($1::text[]) AND status IN ('queued', 'sent') AND created_at > $2
       GROUP BY to_address`,
      [addresses, new Date(now.getTime() - CAP_WINDOW_MS)],
    );
    return new Map(rows.map((r) => [r.address, r.sent]));
  }

  /** The held jobs stay pending; the alert's next daily slot (unless one is due sooner) sends them as a digest. */
  private async holdForDigest(manager: EntityManager, recipients: AlertRecipient[], now: Date): Promise<void> {
    await manager.query(
      `UPDATE alerts a SET next_digest_at = coalesce(a.next_digest_at, v.due)
       FROM unnest($1::uuid[], $2::timestamptz[]) AS v(id, due) WHERE a.id = v.id`,
      [recipients.map((r) => r.id), recipients.map((r) => nextDigestAt('daily', r.timeZone, this.env.ALERT_DIGEST_HOUR, now))],
    );
  }
}
