import { EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { OrganizationRole } from './organization-member.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => UUID.test(value);

/** The same answer for an organization that does not exist and one the user is not in: an id is never confirmed. */
export const organizationNotFound = () => new DomainError('not_found', 'There is no such organization, or you are not a member of it.');

export interface AccessOptions {
  /** Only an owner may go on; a recruiter gets 403. */
  owner?: boolean;
  /** Locks the organization's row until the transaction ends, so that team changes happen one at a time. */
  lock?: boolean;
}

/**
 * The user's role in the organization, read from the database on every call
 * (a removed member loses access on their next request). Not a member → 404.
 */
export async function requireMembership(
  manager: EntityManager,
  organizationId: string,
  userId: string,
  options: AccessOptions = {},
): Promise<OrganizationRole> {
  if (!isUuid(organizationId)) throw organizationNotFound();
  const rows: Array<{ role: OrganizationRole }> = await manager.query(
    `SELECT m.role FROM organizations o
       JOIN organization_members m ON m.organization_id = o.id AND m.user_id = $2
      WHERE o.id = $1${options.lock ? ' FOR UPDATE OF o' : ''}`,
    [organizationId, userId],
  );
  const role = rows[0]?.role;
  if (!role) throw organizationNotFound();
  if (options.owner && role !== 'owner') throw new DomainError('forbidden', 'Only an owner of the organization can do this.');
  return role;
}
