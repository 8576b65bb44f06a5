import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { jobNotFound, memberOrganizations } from '../applications/pipeline/pipeline-access';
import { Clock } from '../common/clock';
import { isUuid } from '../employers/organization-access';
import type { Job } from '../jobs/job.entity';
import type { User } from '../users/user.entity';
import { InsightPanel, insightPanel } from './insight-panel';
import { utcDay } from './job-daily-stat.entity';

export const DEFAULT_INSIGHT_DAYS = 30;
export const MAX_INSIGHT_DAYS = 365;

const DAY_MS = 86400_000;

export interface InsightDay {
  /** A UTC day, `YYYY-MM-DD`. */
  day: string;
  views: number;
  visitors: number;
  applyClicks: number;
  applications: number;
}

export interface InsightTotals {
  views: number;
  /** Each visitor once over the whole period, not the sum of the days' visitors. */
  visitors: number;
  applyClicks: number;
  applications: number;
  /** Applications per view; null without views. */
  conversion: number | null;
}

export interface JobInsight {
  jobId: string;
  from: string;
  to: string;
  /** Every day from `from` to `to` (today, UTC), oldest first, days without counts as zeros. */
  days: InsightDay[];
  totals: InsightTotals;
}

/** What the counter wrote and the applications table holds, per UTC day, for one of the member's organization's jobs. */
@Injectable()
export class JobInsightService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The last `days` days up to today; 404 for a job of another organization, as for one that does not exist. */
  async forMember(user: User, jobId: string, days = DEFAULT_INSIGHT_DAYS): Promise<JobInsight> {
    const now = this.clock.now();
    const to = utcDay(now);
    const from = utcDay(new Date(now.getTime() - (days - 1) * DAY_MS));
    const rows: Array<{ day: string; views: number; visitors: number; apply_clicks: number; applications: number; period_visitors: number }> = isUuid(jobId)
      ? await this.dataSource.query(
          `WITH job AS (
             SELECT j.id FROM jobs j WHERE j.id = $1 AND j.organization_id IN (${memberOrganizations('$2')})
           ), days AS (
             SELECT g::date AS day FROM generate_series($3::date, $4::date, interval '1 day') AS g
           ), period AS (
             SELECT count(DISTINCT v.visitor)::int AS visitors FROM job_daily_visitors v JOIN job ON v.job_id = job.id WHERE v.day BETWEEN $3 AND $4
           )
           SELECT to_char(d.day, 'YYYY-MM-DD') AS day,
                  coalesce(s.views, 0) AS views,
                  coalesce(s.apply_clicks, 0) AS apply_clicks,
                  (SELECT count(*)::int FROM job_daily_visitors v WHERE v.job_id = job.id AND v.day = d.day) AS visitors,
                  (SELECT count(*)::int FROM applications a
                    WHERE a.job_id = job.id AND a.created_at >= d.day::timestamp AT TIME ZONE 'UTC'
                      AND a.created_at < (d.day + 1)::timestamp AT TIME ZONE 'UTC') AS applications,
                  period.visitors AS period_visitors
             FROM job CROSS JOIN period CROSS JOIN days d
             LEFT JOIN job_daily_stats s ON s.job_id = job.id AND s.day = d.day
            ORDER BY d.day`,
          [jobId, user.id, from, to],
        )
      : [];
    if (rows.length === 0) throw jobNotFound();
    const series = rows.map((r) => ({ day: r.day, views: r.views, visitors: r.visitors, applyClicks: r.apply_clicks, applications: r.applications }));
    const sum = (pick: (d: InsightDay) => number) => series.reduce((total, d) => total + pick(d), 0);
    const views = sum((d) => d.views);
    const applications = sum((d) => d.applications);
    return {
      jobId,
      from,
      to,
      days: series,
      totals: {
        views,
        visitors: rows[0].period_visitors,
        applyClicks: sum((d) => d.applyClicks),
        applications,
        conversion: views > 0 ? applications / views : null,
      },
    };
  }

  /** The insight section of the employer's page of `job`, once it has been published (before, there is nothing to count). */
  async panel(user: User, job: Pick<Job, 'id' | 'publishedAt' | 'applyMethod'>): Promise<InsightPanel | null> {
    if (!job.publishedAt) return null;
    return insightPanel(await this.forMember(user, job.id), job.applyMethod === 'onsite');
  }
}
