import { EntityManager } from 'typeorm';
import type { JobSearchParams } from '../../search/job-search-query';
import type { AlertFrequency } from '../alert.entity';

/**
 * The contract with the alert pages, on `alerts a LEFT JOIN users u ON u.id
 * = a.user_id`: an alert is matched and mailed while it is confirmed (a
 * member's when made, a guest's once the emailed link is followed), not
 * paused, not unsubscribed, and for a member only while the account's
 * address is verified.
 */
export const LIVE_ALERT = `(a.unsubscribed_at IS NULL AND a.paused_at IS NULL AND a.confirmed_at IS NOT NULL AND (a.user_id IS NULL OR coalesce(u.email_verified, false)))`;

/** An alert as its emails need it. */
export interface AlertRecipient {
  id: string;
  name: string;
  params: JobSearchParams;
  frequency: AlertFrequency;
  timeZone: string;
  /** Null for a guest's alert. */
  userId: string | null;
  /** The member's current address, or the guest's. */
  address: string;
  live: boolean;
}

/** An alert whose digest is due. */
export interface DueRecipient extends AlertRecipient {
  unsubscribed: boolean;
}

export const RECIPIENTS_FROM = `alerts a LEFT JOIN users u ON u.id = a.user_id`;

/** The columns of an AlertRecipient, from RECIPIENTS_FROM. */
export const RECIPIENT_COLUMNS = `
  a.id, a.name, a.params, a.frequency, a.time_zone AS "timeZone", a.user_id AS "userId",
  coalesce(u.email, a.guest_email) AS address, ${LIVE_ALERT} AS live`;

/** The alerts of `ids` that exist, live or not. */
export function loadRecipients(manager: EntityManager, ids: string[]): Promise<AlertRecipient[]> {
  return manager.query<AlertRecipient[]>(`SELECT ${RECIPIENT_COLUMNS} FROM ${RECIPIENTS_FROM} WHERE a.id = ANY ($1::uuid[])`, [ids]);
}

/**
 * Up to `limit` alerts whose digest is due at `now`, oldest due first (in
 * the order of the next_digest_at index, so no batch sorts every due alert),
 * their schedules locked for this transaction; schedules another
 * transaction holds are passed over, so runs on several instances split the
 * work. Unsubscribed alerts come too, to have their schedules cleared.
 */
export function lockDueRecipients(manager: EntityManager, now: Date, limit: number): Promise<DueRecipient[]> {
  return manager.query<DueRecipient[]>(
    `SELECT ${RECIPIENT_COLUMNS}, a.unsubscribed_at IS NOT NULL AS unsubscribed
     FROM alert_schedules s JOIN ${RECIPIENTS_FROM} ON a.id = s.alert_id
     WHERE s.next_digest_at IS NOT NULL AND s.next_digest_at <= $1
     ORDER BY s.next_digest_at
     LIMIT $2
     FOR UPDATE OF s SKIP LOCKED`,
    [now, limit],
  );
}
