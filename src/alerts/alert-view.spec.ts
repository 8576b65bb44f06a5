import { alertItemView, timeZoneOptions, toAlertView } from './alert-view';
import { Alert } from './alert.entity';

const created = new Date('2026-11-02T15:00:00Z');

function alert(overrides: Partial<Alert> = {}): Alert {
  return Object.assign(new Alert(), {
    id: '3f1c4a52-8d4e-4c1e-9a77-0f3d5b0c2a10',
    userId: 'u1',
    guestEmail: null,
    name: 'CPC · Remote',
    params: { q: 'outpatient', credential: 'CPC', workplace: 'remote', salaryMin: '50000' },
    frequency: 'daily',
    timeZone: 'America/Chicago',
    confirmedAt: created,
    pausedAt: null,
    unsubscribedAt: null,
    createdAt: created,
    ...overrides,
  });
}

describe('toAlertView', () => {
  it('splits the stored search into the words and the typed filters, with the search page’s address', () => {
    expect(toAlertView(alert(), 'https://coders.example.org')).toEqual({
      id: '3f1c4a52-8d4e-4c1e-9a77-0f3d5b0c2a10',
      name: 'CPC · Remote',
      query: 'outpatient',
      filters: { credential: ['CPC'], workplace: ['remote'], salaryMin: 50000 },
      frequency: 'daily',
      timeZone: 'America/Chicago',
      paused: false,
      unsubscribed: false,
      confirmed: true,
      createdAt: '2026-11-02T15:00:00.000Z',
      searchUrl: 'https://coders.example.org/jobs?q=outpatient&credential=CPC&workplace=remote&salaryMin=50000',
    });
  });
});

describe('alertItemView', () => {
  const status = (a: Alert) => {
    const view = alertItemView(a);
    return [view.status, view.statusLabel, view.canPause, view.canResume];
  };

  it('says whether an alert is on, paused, waiting for its confirmation or unsubscribed, and what can be done', () => {
    expect(status(alert())).toEqual(['on', 'On', true, false]);
    expect(status(alert({ pausedAt: created }))).toEqual(['paused', 'Paused', false, true]);
    expect(status(alert({ userId: null, guestEmail: 'dana@example.com', confirmedAt: null }))).toEqual([
      'unconfirmed',
      'Waiting for confirmation',
      true,
      false,
    ]);
    expect(status(alert({ pausedAt: created, unsubscribedAt: created }))).toEqual(['unsubscribed', 'Unsubscribed', false, true]);
  });
});

describe('timeZoneOptions', () => {
  it('offers US zones, with an alert’s other zone first', () => {
    expect(timeZoneOptions('America/Denver').filter((z) => z.selected)).toEqual([{ value: 'America/Denver', label: 'Mountain time', selected: true }]);
    expect(timeZoneOptions('Europe/Dublin')[0]).toEqual({ value: 'Europe/Dublin', label: 'Europe/Dublin', selected: true });
  });
});
