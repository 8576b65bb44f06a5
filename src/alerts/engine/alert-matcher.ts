import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { groupBy } from '../../common/group-by';
import { Env } from '../../config/env';
import { QueueService } from '../../queue/queue.service';
import { digestSlotsAfter } from '../digest-schedule';
import { AlertEmails } from './alert-emails';
import { AlertJobs } from './alert-jobs';
import { ALERT_WANTS_DOC, matchDocsCtes, splitIds } from './alert-match-sql';
import { AlertRecipient, LIVE_ALERT, RECIPIENT_COLUMNS, RECIPIENTS_FROM } from './alert-recipients';
import { applyDailyCap } from './instant-cap';

export const ALERT_MATCH_QUEUE = 'alerts.match';

export interface AlertMatchJob {
  jobIds: string[];
}

/** Jobs matched per queued job: an organization's verification publishes all its waiting jobs at once. */
export const JOBS_PER_MATCH = 50;

/**
 * Queued matches run this many at a time, and each writes its emails in
 * MATCH_WRITERS transactions side by side, each for its own share of the
 * addresses, so both cores of a small server work: one match reads while
 * another writes, and the shares of a match never wait for each other's
 * locks (see instantEmailsSent). Concurrent matches that mail one address
 * wait for each other, so the daily cap holds.
 */
export const MATCH_CONCURRENCY = 2;
export const MATCH_WRITERS = 2;

/** Instant alert emails to one address count against its cap for this long. */
const CAP_WINDOW_MS = 24 * 3600_000;

/**
 * Percolation: the live instant alerts each of the jobs $1 matches, in one
 * statement for a batch of jobs. A job asks the alerts' match keys (GIN)
 * for the credential × state × workplace × specialty × text combinations
 * it satisfies, so only alerts that agree with it on those are read; the
 * other filters are then checked on each, and each alert still live (with
 * its owner's account) comes with what its email needs. Only open
 * documents take part (a document exists while its job is published), and
 * a job an email has already listed to an alert is left out, so
 * re-publishing or editing a job never sends it twice. An alert already
 * holding jobs for a digest (past its address's daily cap) is left out
 * too: its digest lists every matching job published since it started
 * holding, these ones with them.
 */
const INSTANT_MATCHES = `
  WITH ${matchDocsCtes('d.job_id = ANY ($1::uuid[])', `SELECT a.tsquery FROM alerts a WHERE a.unsubscribed_at IS NULL AND a.frequency = 'instant' AND a.tsquery IS NOT NULL`)},
  matched AS (
    SELECT a.id, string_agg(doc.job_id::text, ' ' ORDER BY doc.published_at DESC, doc.job_id DESC) AS job_ids, min(doc.published_at) AS first_published_at
    FROM doc JOIN alerts a ON a.match_keys && doc.keys AND a.unsubscribed_at IS NULL AND a.frequency = 'instant'
    WHERE ${ALERT_WANTS_DOC}
    GROUP BY a.id)
  SELECT ${RECIPIENT_COLUMNS}, m.job_ids AS "jobList", m.first_published_at AS "firstPublishedAt"
  FROM matched m JOIN ${RECIPIENTS_FROM} ON a.id = m.id
  WHERE ${LIVE_ALERT}
    AND NOT EXISTS (SELECT 1 FROM alert_schedules s WHERE s.alert_id = a.id AND s.next_digest_at IS NOT NULL AND s.digest_since <= m.first_published_at)`;

/** A live alert and the jobs it matched. */
interface InstantMatch extends AlertRecipient {
  /** Newest first. */
  jobIds: string[];
  firstPublishedAt: Date;
}

export interface MatchOutcome {
  /** Jobs written into instant emails. */
  deliveries: number;
  instantEmails: number;
  /** Instant alerts past their address's daily cap, whose jobs wait for a digest. */
  heldBack: number;
}

/**
 * Matches changed jobs to alerts. JobsService (and the demo loader) call
 * `jobsChanged` in the transaction of each change, so a match is queued
 * exactly when the change commits; the worker writes the deliveries and
 * the instant emails in one transaction. Daily and weekly alerts are not
 * looked at here: their digests read the jobs published since the last one.
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
      concurrency: MATCH_CONCURRENCY,
    });
  }

  /** Queues matching for those of `jobIds` that are published, in `manager`'s transaction. */
  async jobsChanged(manager: EntityManager, jobIds: string[]): Promise<void> {
    if (!jobIds.length) return;
    const rows = await manager.query<{ id: string }[]>(`SELECT id FROM jobs WHERE id = ANY ($1::uuid[]) AND status = 'published'`, [[...new Set(jobIds)]]);
    const batches: AlertMatchJob[] = [];
    for (let i = 0; i < rows.length; i += JOBS_PER_MATCH) batches.push({ jobIds: rows.slice(i, i + JOBS_PER_MATCH).map((r) => r.id) });
    await this.queue.enqueueAll(ALERT_MATCH_QUEUE, batches, { manager });
  }

  /**
   * Emails `jobIds` to the live instant alerts they match, one email per
   * alert, or (past the address's daily cap) holds them for the alert's next
   * daily slot. The matches are read first, without locks; each share of
   * addresses then decides and writes its emails in a transaction of its
   * own. A job that a concurrent match of the same job has written to an
   * alert in the meantime keeps that delivery (the (alert, job) key), and a
   * share that fails leaves the job to be matched again: what the others
   * wrote is listed by then, so nothing goes twice.
   */
  async match(jobIds: string[]): Promise<MatchOutcome> {
    const now = this.clock.now();
    const rows = await this.dataSource.query<Array<Omit<InstantMatch, 'jobIds'> & { jobList: string }>>(INSTANT_MATCHES, [jobIds, now]);
    const matches: InstantMatch[] = rows.map(({ jobList, ...match }) => ({ ...match, jobIds: splitIds(jobList) }));
    const shareOf = new Map<string, number>();
    for (const { address } of matches) if (!shareOf.has(address)) shareOf.set(address, shareOf.size % MATCH_WRITERS);
    const shares = [...groupBy(matches, (match) => shareOf.get(match.address)!).values()];
    const outcome: MatchOutcome = { deliveries: 0, instantEmails: 0, heldBack: 0 };
    for (const written of await Promise.all(shares.map((share) => this.dataSource.transaction((manager) => this.write(manager, share, now))))) {
      outcome.deliveries += written.deliveries;
      outcome.instantEmails += written.instantEmails;
      outcome.heldBack += written.heldBack;
    }
    if (outcome.deliveries || outcome.heldBack) this.logger.log({ jobs: jobIds.length, ...outcome }, 'jobs matched to alerts');
    return outcome;
  }

  /** Emails or holds the jobs of `matches`, under the daily cap of their addresses. */
  private async write(manager: EntityManager, matches: InstantMatch[], now: Date): Promise<MatchOutcome> {
    const { email, hold } = applyDailyCap(matches, await this.instantEmailsSent(manager, matches, now), this.env.ALERT_INSTANT_DAILY_CAP);
    const { deliveries, emailed } = await this.email(manager, email, now);
    if (hold.length) await this.holdForDigest(manager, hold, now);
    return { deliveries, instantEmails: emailed, heldBack: hold.length };
  }

  private async email(manager: EntityManager, matches: InstantMatch[], now: Date): Promise<{ deliveries: number; emailed: number }> {
    if (!matches.length) return { deliveries: 0, emailed: 0 };
    const jobs = await this.jobs.open(manager, [...new Set(matches.flatMap((m) => m.jobIds))], now);
    const { emails, deliveries } = await this.emails.send(
      manager,
      'alert-instant',
      matches.map((match) => ({ recipient: match, jobs: match.jobIds.flatMap((id) => jobs.get(id) ?? []) })),
    );
    return { deliveries, emailed: emails };
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

  /**
   * The alert's next daily slot (unless one is due sooner) sends the held
   * jobs as a digest: it starts from the first of them at the latest. A
   * schedule that holds these jobs already is left as it is (no row rewritten).
   */
  private async holdForDigest(manager: EntityManager, matches: InstantMatch[], now: Date): Promise<void> {
    const slotOf = digestSlotsAfter(this.env.ALERT_DIGEST_HOUR, now);
    await manager.query(
      `UPDATE alert_schedules s SET next_digest_at = coalesce(s.next_digest_at, v.due),
                                    digest_since = least(coalesce(s.digest_since, v.since), v.since)
       FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[]) AS v(id, due, since)
       WHERE s.alert_id = v.id AND (s.next_digest_at IS NULL OR s.digest_since IS NULL OR v.since < s.digest_since)`,
      [matches.map((m) => m.id), matches.map((m) => slotOf('daily', m.timeZone)), matches.map((m) => m.firstPublishedAt)],
    );
  }
}
