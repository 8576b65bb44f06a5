import { EntityManager } from 'typeorm';

/**
 * The contact-reveal rule, in one place: an organization sees a candidate's
 * contact details (full name, email, LinkedIn) only once the candidate has
 * applied to one of its jobs or accepted one of its invitations to apply.
 * Applying or accepting is the candidate's own act; a withdrawn application
 * still counts (the employer already has the details), an anonymized one
 * does not (its `candidate_id` is gone).
 *
 * `organization` and `candidate` are SQL expressions written in code
 * (parameters such as `$1`, columns such as `p.user_id`; never user input),
 * so the rule can sit inside any query.
 */
export function contactVisibleSql(organization: string, candidate: string): string {
  return `(EXISTS (SELECT 1 FROM applications contact_a WHERE contact_a.organization_id = ${organization} AND contact_a.candidate_id = ${candidate})
       OR EXISTS (SELECT 1 FROM candidate_invitations contact_i
                   WHERE contact_i.organization_id = ${organization} AND contact_i.candidate_id = ${candidate} AND contact_i.status = 'accepted'))`;
}

/** Of `candidateIds`, those whose contact details `organizationId` may see. */
export async function contactVisibleTo(manager: EntityManager, organizationId: string, candidateIds: readonly string[]): Promise<Set<string>> {
  if (!candidateIds.length) return new Set();
  const rows: Array<{ id: string }> = await manager.query(`SELECT c.id FROM unnest($2::uuid[]) AS c(id) WHERE ${contactVisibleSql('$1::uuid', 'c.id')}`, [
    organizationId,
    [...new Set(candidateIds)],
  ]);
  return new Set(rows.map((r) => r.id));
}

/** Whether `organizationId` may see the contact details of `candidateId`. */
export async function canSeeContact(manager: EntityManager, organizationId: string, candidateId: string): Promise<boolean> {
  return (await contactVisibleTo(manager, organizationId, [candidateId])).has(candidateId);
}
