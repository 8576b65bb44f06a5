import { isKnownTimeZone, nextDigestAt } from './digest-schedule';

describe('nextDigestAt', () => {
  const zone = 'America/New_York';

  it('is the next 7:00 in the zone for a daily digest', () => {
    // 06:30 in New York (EST, UTC-5) → 07:00 the same day.
    expect(nextDigestAt('daily', zone, 7, new Date('2026-12-01T11:30:00Z'))).toEqual(new Date('2026-12-01T12:00:00Z'));
    // At 07:00 exactly, the next one is tomorrow's.
    expect(nextDigestAt('daily', zone, 7, new Date('2026-12-01T12:00:00Z'))).toEqual(new Date('2026-12-02T12:00:00Z'));
  });

  it('keeps the local hour across a daylight-saving change', () => {
    // 2027-03-14 is the spring change in the US: 07:00 EDT is 11:00 UTC.
    expect(nextDigestAt('daily', zone, 7, new Date('2027-03-13T13:00:00Z'))).toEqual(new Date('2027-03-14T11:00:00Z'));
  });

  it('is the next Monday at the hour for a weekly digest', () => {
    // Tuesday 2026-12-01 → Monday 2026-12-07.
    expect(nextDigestAt('weekly', zone, 7, new Date('2026-12-01T13:00:00Z'))).toEqual(new Date('2026-12-07T12:00:00Z'));
    // Monday before the hour → that same Monday.
    expect(nextDigestAt('weekly', zone, 7, new Date('2026-12-07T11:00:00Z'))).toEqual(new Date('2026-12-07T12:00:00Z'));
    // Monday after the hour → a week later.
    expect(nextDigestAt('weekly', zone, 7, new Date('2026-12-07T12:30:00Z'))).toEqual(new Date('2026-12-14T12:00:00Z'));
  });

  it('follows the zone given', () => {
    expect(nextDigestAt('daily', 'America/Los_Angeles', 7, new Date('2026-12-01T12:00:00Z'))).toEqual(new Date('2026-12-01T15:00:00Z'));
  });

  it('is null for instant alerts', () => {
    expect(nextDigestAt('instant', zone, 7, new Date())).toBeNull();
  });

  it('tells known zones from unknown ones', () => {
    expect(isKnownTimeZone('America/Chicago')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});
