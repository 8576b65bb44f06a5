import { EntityManager } from 'typeorm';
import { DomainError } from '../../common/domain-error';
import { isUuid } from '../../employers/organization-access';
import { JobStatus } from '../../jobs/job.entity';
import { Application } from '../application.entity';

/**
 * The ownership rule of every pipeline query: the row's organization is one
 * the user belongs to, read from the database on each call, so a removed
 * member loses access at once. `param` is the user id's SQL parameter.
 */
export const memberOrganizations = (param: string): string => `SELECT m.organization_id FROM organization_members m WHERE m.user_id = ${param}`;

/** The same answer for an application that does not exist and one of another organization: an id is never confirmed. */
export const applicationNotFound = () => new DomainError('not_found', 'There is no such application among your organization’s applicants.');

export const jobNotFound = () => new DomainError('not_found', 'There is no such job among your organization’s postings.');

export interface OwnedJob {
  id: string;
  title: string;
  status: JobStatus;
  organizationId: string;
  organizationName: string;
}

/** One of the user's organization's jobs; 404 for any other. */
export async function findOwnedJob(manager: EntityManager, userId: string, jobId: string): Promise<OwnedJob> {
  const rows: Array<{ id: string; title: string; status: JobStatus; organization_id: string; organization_name: string }> = isUuid(jobId)
    ? await manager.query(
        `SELECT j.id, j.title, j.status, j.organization_id, o.name AS organization_name
           FROM jobs j JOIN organizations o ON o.id = j.organization_id
          WHERE j.id = $1 AND j.organization_id IN (${memberOrganizations('$2')})`,
        [jobId, userId],
      )
    : [];
  const row = rows[0];
  if (!row) throw jobNotFound();
  return { id: row.id, title: row.title, status: row.status, organizationId: row.organization_id, organizationName: row.organization_name };
}

/**
 * An application to one of the user's organization's jobs, locked for the
 * rest of the transaction when `lock` is set (status changes happen one at a
 * time); 404 for any other.
 */
export async function findOwnedApplication(manager: EntityManager, userId: string, applicationId: string, lock = false): Promise<Application> {
  const query = manager
    .createQueryBuilder(Application, 'a')
    .where('a.id = :applicationId', { applicationId })
    .andWhere(`a.organization_id IN (${memberOrganizations(':userId')})`, { userId });
  if (lock) query.setLock('pessimistic_write');
  const application = isUuid(applicationId) ? await query.getOne() : null;
  if (!application) throw applicationNotFound();
  return application;
}
