import { EntityManager } from 'typeorm';
import { memberOrganizations } from './pipeline-access';

export interface ApplicantCounts {
  total: number;
  /** Not looked at yet: still in the "new" stage. */
  new: number;
}

/**
 * Applications per job, for the employer dashboard: only the user's
 * organization's jobs are counted, whatever ids are asked for. A job without
 * applications is absent from the map.
 */
export async function applicantCountsByJob(manager: EntityManager, userId: string, jobIds: readonly string[]): Promise<Map<string, ApplicantCounts>> {
  if (!jobIds.length) return new Map();
  const rows: Array<{ job_id: string; total: number; new: number }> = await manager.query(
    `SELECT a.job_id, count(*)::int AS total, (count(*) FILTER (WHERE a.status = 'new'))::int AS new
       FROM applications a
      WHERE a.job_id = ANY($1::uuid[]) AND a.organization_id IN (${memberOrganizations('$2')})
      GROUP BY a.job_id`,
    [jobIds, userId],
  );
  return new Map(rows.map((r) => [r.job_id, { total: r.total, new: r.new }]));
}
