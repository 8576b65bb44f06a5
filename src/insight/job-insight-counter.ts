import { createHmac } from 'node:crypto';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Request } from 'express';
import { isbot } from 'isbot';
import { DataSource } from 'typeorm';
import { VISITOR_COOKIE, VISITOR_ID } from '../codes/code-view-meter';
import { Clock } from '../common/clock';
import { Env } from '../config/env';
import type { User } from '../users/user.entity';
import { utcDay } from './job-daily-stat.entity';

/**
 * The query the apply link adds when it sends a coder back to the form on the
 * job page: that second load of the page is part of the click, not a new view.
 */
export const BACK_FROM_APPLY = { name: 'from', value: 'apply' } as const;

/** Distinct (job, day, visitor) entries held before a flush is started early, whatever the interval. */
const MAX_PENDING = 10_000;

/**
 * The visitor cookie as the browser sent it. Not `req.cookies`: outside
 * production the CSRF guard's visitor cookie has the same name, and on a
 * first visit it has just put a new id there, which names no one yet.
 */
function sentVisitorCookie(req: Request): string | undefined {
  const pair = req.headers.cookie
    ?.split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${VISITOR_COOKIE}=`));
  const value = pair?.slice(VISITOR_COOKIE.length + 1);
  return value && VISITOR_ID.test(value) ? value : undefined;
}

interface Pending {
  jobId: string;
  day: string;
  visitor: string;
  /** An employer's account: their own organization's jobs are not counted, which the flush checks. */
  employerId: string | null;
  views: number;
  applyClicks: number;
}

/**
 * Counts job page views, visitors and apply-button clicks without a write
 * per request: counts are added up in memory by job, UTC day and visitor,
 * and each flush writes them in one statement (every INSIGHT_FLUSH_SECONDS,
 * early when many are waiting, and at shutdown). Crawlers, requests with no
 * user agent, admins and the job's own team (checked at the flush) are not
 * counted.
 *
 * A visitor is the signed-in account, else the `cc_visitor` cookie, else the
 * IP address with the user agent; only an HMAC of that is kept, keyed from
 * JWT_SECRET (one secret to manage), and cut to 128 bits.
 */
@Injectable()
export class JobInsightCounter implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobInsightCounter.name);
  private readonly key: Buffer;
  private pending = new Map<string, Pending>();
  /** Flushes run one after another; shutdown waits for the last. */
  private flushing: Promise<void> = Promise.resolve();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly env: Env,
  ) {
    this.key = createHmac('sha256', env.JWT_SECRET).update('careercenter job insight visitors').digest();
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.flush(), this.env.INSIGHT_FLUSH_SECONDS * 1000);
    this.timer.unref();
  }

  /**
   * After the HTTP server has closed, so no view can come in after this
   * flush; global modules (TypeORM's pool) shut down after ours.
   */
  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  /** A view of the job's page; its reload by the apply link (BACK_FROM_APPLY) is not one. */
  view(jobId: string, req: Request): void {
    if (req.query[BACK_FROM_APPLY.name] === BACK_FROM_APPLY.value) return;
    this.add(jobId, req, 1, 0);
  }

  applyClick(jobId: string, req: Request): void {
    this.add(jobId, req, 0, 1);
  }

  /** Writes what is counted so far. Safe to call at any time; the tests call it instead of waiting. */
  flush(): Promise<void> {
    const batch = [...this.pending.values()];
    this.pending = new Map();
    if (batch.length > 0) {
      // Analytics, not records: a failed write is logged and its counts dropped rather than retried without bound.
      this.flushing = this.flushing.then(() => this.write(batch).catch((e: Error) => this.logger.error(`Job insight counts not written: ${e.message}`)));
    }
    return this.flushing;
  }

  private add(jobId: string, req: Request, views: number, applyClicks: number): void {
    const agent = req.get('user-agent');
    // HEAD requests are link checkers; a request without a user agent is a script.
    if (req.method !== 'GET' || !agent || isbot(agent)) return;
    const user = req.user as User | undefined;
    if (user?.role === 'admin') return;
    const cookie = sentVisitorCookie(req);
    const identity = user ? `user:${user.id}` : cookie ? `cookie:${cookie}` : `client:${req.ip ?? ''} ${agent}`;
    const visitor = createHmac('sha256', this.key).update(identity).digest().subarray(0, 16).toString('base64url');
    const day = utcDay(this.clock.now());
    const key = `${jobId} ${day} ${visitor}`;
    const entry = this.pending.get(key);
    if (entry) {
      entry.views += views;
      entry.applyClicks += applyClicks;
      return;
    }
    this.pending.set(key, { jobId, day, visitor, employerId: user?.role === 'employer' ? user.id : null, views, applyClicks });
    if (this.pending.size >= MAX_PENDING) void this.flush();
  }

  /**
   * One statement: the batch less the views of the jobs' own members (and of
   * jobs deleted meanwhile), the day's visitors inserted once each, and the
   * day's counts added to. Rows go in key order, so that two app instances
   * flushing at once cannot deadlock.
   */
  private async write(batch: Pending[]): Promise<void> {
    await this.dataSource.query(
      `WITH counted AS (
         SELECT c.job_id, c.day, c.visitor, c.views, c.apply_clicks
           FROM unnest($1::uuid[], $2::date[], $3::text[], $4::uuid[], $5::int[], $6::int[]) AS c(job_id, day, visitor, employer_id, views, apply_clicks)
           JOIN jobs j ON j.id = c.job_id
          WHERE c.employer_id IS NULL
             OR NOT EXISTS (SELECT 1 FROM organization_members m WHERE m.organization_id = j.organization_id AND m.user_id = c.employer_id)
       ), visitors AS (
         INSERT INTO job_daily_visitors (job_id, day, visitor)
         SELECT DISTINCT job_id, day, visitor FROM counted WHERE views > 0 ORDER BY job_id, day, visitor
         ON CONFLICT DO NOTHING
       )
       INSERT INTO job_daily_stats AS s (job_id, day, views, apply_clicks)
       SELECT job_id, day, sum(views), sum(apply_clicks) FROM counted GROUP BY job_id, day ORDER BY job_id, day
       ON CONFLICT (job_id, day) DO UPDATE SET views = s.views + excluded.views, apply_clicks = s.apply_clicks + excluded.apply_clicks`,
      [
        batch.map((p) => p.jobId),
        batch.map((p) => p.day),
        batch.map((p) => p.visitor),
        batch.map((p) => p.employerId),
        batch.map((p) => p.views),
        batch.map((p) => p.applyClicks),
      ],
    );
  }
}
