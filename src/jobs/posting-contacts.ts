import { EntityManager } from 'typeorm';
import { Job } from './job.entity';

/** Who hears about a posting: its organization's owners and its author, the author only while still a member. */
export function postingContacts(manager: EntityManager, job: Pick<Job, 'organizationId' | 'createdBy'>): Promise<Array<{ email: string; name: string }>> {
  return manager.query(
    `SELECT u.email, u.name FROM organization_members m JOIN users u ON u.id = m.user_id
      WHERE m.organization_id = $1 AND (m.role = 'owner' OR m.user_id = $2) AND u.disabled_at IS NULL ORDER BY u.email`,
    [job.organizationId, job.createdBy],
  );
}
