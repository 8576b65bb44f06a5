import { EntityManager } from 'typeorm';

/**
 * Serializes one candidate's changes to resumes and the profile (counts,
 * the default resume, replaced credential rows) until `manager`'s
 * transaction ends. NO KEY UPDATE, so rows that merely reference the user
 * (an application, a saved job) can still be written meanwhile.
 */
export async function lockCandidate(manager: EntityManager, userId: string): Promise<void> {
  await manager.query('SELECT 1 FROM users WHERE id = $1 FOR NO KEY UPDATE', [userId]);
}
