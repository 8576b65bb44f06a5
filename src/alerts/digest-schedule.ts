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

/** `nextDigestAt` for many alerts at one moment, computed once per frequency and zone (Luxon takes tens of microseconds a call). */
export function digestSlotsAfter(hour: number, after: Date): (frequency: AlertFrequency, timeZone: string) => Date | null {
  const slots = new Map<string, Date | null>();
  return (frequency, timeZone) => {
    const key = `${frequency} ${timeZone}`;
    if (!slots.has(key)) slots.set(key, nextDigestAt(frequency, timeZone, hour, after));
    return slots.get(key)!;
  };
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

/** A new alert's schedule: its first digest slot, and its jobs from now on (none owed by an instant alert). */
export function firstSchedule(frequency: AlertFrequency, timeZone: string, hour: number, now: Date): { nextDigestAt: Date | null; digestSince: Date | null } {
  return { nextDigestAt: nextDigestAt(frequency, timeZone, hour, now), digestSince: digestStart(frequency, null, now) };
}
