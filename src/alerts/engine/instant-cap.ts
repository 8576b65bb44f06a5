/**
 * Which instant alerts may email now: an address gets at most `cap` instant
 * alert emails in any 24 hours, counting `alreadySent` (sent or queued in
 * the last 24 hours, by address). Alerts are served in the order given; the
 * others hold their jobs for the next daily digest.
 */
export function applyDailyCap<T extends { address: string }>(
  alerts: readonly T[],
  alreadySent: ReadonlyMap<string, number>,
  cap: number,
): { email: T[]; hold: T[] } {
  const counts = new Map(alreadySent);
  const email: T[] = [];
  const hold: T[] = [];
  for (const alert of alerts) {
    const count = counts.get(alert.address) ?? 0;
    if (count < cap) {
      email.push(alert);
      counts.set(alert.address, count + 1);
    } else {
      hold.push(alert);
    }
  }
  return { email, hold };
}
