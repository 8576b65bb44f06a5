import { DateTime } from 'luxon';
import type { AlertFrequency } from './alert.entity';

/**
 * When a digest is next due after `after`: the next `hour`:00 in `timeZone`
 * (daily), or the next Monday at that hour (weekly). Computed in the
 * subscriber's zone, so a digest keeps its local hour across daylight-saving
 * changes. Null for instant alerts, which have no digest of their own.
 */
export function nextDigestAt(frequency: AlertFrequency, timeZone: string, hour: number, after: Date): Date | null {
  if (frequency === 'instant') return null;
  const local = DateTime.fromJSDate(after, { zone: timeZone });
  let due = local.set({ hour, minute: 0, second: 0, millisecond: 0 });
  if (due <= local) due = due.plus({ days: 1 });
  // Luxon numbers Monday 1 … Sunday 7.
  if (frequency === 'weekly') due = due.plus({ days: (8 - due.weekday) % 7 });
  return due.toJSDate();
}

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  return DateTime.local().setZone(timeZone).isValid;
}

/**
 * Where an alert's digests start from once its frequency is set: a daily or
 * weekly one keeps its starting point, or starts now; an instant alert owes
 * no digest until jobs are held back past its daily cap.
 */
export function digestStart(frequency: AlertFrequency, current: Date | null, now: Date): Date | null {
  return frequency === 'instant' ? null : (current ?? now);
}
