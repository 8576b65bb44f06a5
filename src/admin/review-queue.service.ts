import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { jobPath } from '../jobs/job-paths';

export interface JobAwaitingReview {
  id: string;
  title: string;
  path: string;
  organizationId: string;
  organizationName: string;
  organizationVerified: boolean;
  /** Open reports: a posting with three or more was paused by them. */
  openReports: number;
  updatedAt: Date;
}

/** Postings waiting for an admin: from unverified employers (when moderation is on) and those paused by reports. */
@Injectable()
export class ReviewQueueService {
  constructor(private readonly dataSource: DataSource) {}

  async list(): Promise<JobAwaitingReview[]> {
    const rows = await this.dataSource.query<
      Array<{ id: string; title: string; organization_id: string; organization_name: string; verified: boolean; open_reports: number; updated_at: Date }>
    >(
      `SELECT j.id, j.title, j.organization_id, o.name AS organization_name, o.verified_at IS NOT NULL AS verified, j.updated_at,
              (SELECT count(*) FROM job_reports r WHERE r.job_id = j.id AND r.resolved_at IS NULL)::int AS open_reports
         FROM jobs j JOIN organizations o ON o.id = j.organization_id
        WHERE j.status = 'pending_review'
        ORDER BY j.updated_at, j.id
        LIMIT 200`,
    );
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      path: jobPath(r),
      organizationId: r.organization_id,
      organizationName: r.organization_name,
      organizationVerified: r.verified,
      openReports: r.open_reports,
      updatedAt: r.updated_at,
    }));
  }
}
