import { EntityManager } from 'typeorm';
import type { User } from '../users/user.entity';

/**
 * Makes the guest alerts of a coder's verified address the coder's own, in
 * the caller's transaction (email verification, a password reset, a guest
 * confirming an alert for a member's address). Only alerts the address
 * confirmed and still wants: an unconfirmed one keeps waiting for its link
 * (which adopts it then), an unsubscribed one stays stopped. The owner check
 * allows one owner, so the guest address is cleared. Returns how many.
 */
export async function adoptGuestAlerts(manager: EntityManager, user: Pick<User, 'id' | 'email' | 'role' | 'emailVerified'>): Promise<number> {
  if (user.role !== 'candidate' || !user.emailVerified) return 0;
  const [, affected] = (await manager.query(
    `UPDATE alerts SET user_id = $1, guest_email = NULL, updated_at = now()
      WHERE guest_email = $2 AND confirmed_at IS NOT NULL AND unsubscribed_at IS NULL`,
    [user.id, user.email],
  )) as [unknown, number];
  return affected;
}
