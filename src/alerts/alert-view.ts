import { DateView, dateView } from '../jobs/job-presenter';
import { AlertFilters, filtersOf } from './alert-filters';
import { FREQUENCY_LABELS, searchPathOf } from './alert-form';
import { Alert, AlertFrequency } from './alert.entity';

/** An alert as the API returns it. */
export interface AlertView {
  id: string;
  name: string;
  /** The words searched (`q` of the search). */
  query: string;
  filters: AlertFilters;
  frequency: AlertFrequency;
  /** IANA zone of the daily and weekly emails. */
  timeZone: string;
  paused: boolean;
  /** Stopped by an unsubscribe link; resuming starts it again. */
  unsubscribed: boolean;
  /** A guest's alert waits for its confirmation link; a member's is confirmed when made. */
  confirmed: boolean;
  createdAt: string;
  /** The same search on the search page. */
  searchUrl: string;
}

export function toAlertView(alert: Alert, appUrl: string): AlertView {
  const { q, ...filters } = alert.params;
  return {
    id: alert.id,
    name: alert.name,
    query: (Array.isArray(q) ? q.join(' ') : q) ?? '',
    filters: filtersOf(filters),
    frequency: alert.frequency,
    timeZone: alert.timeZone,
    paused: alert.pausedAt !== null,
    unsubscribed: alert.unsubscribedAt !== null,
    confirmed: alert.confirmedAt !== null,
    createdAt: alert.createdAt.toISOString(),
    searchUrl: `${appUrl}${searchPathOf(alert.params)}`,
  };
}

export type AlertStatus = 'on' | 'paused' | 'unconfirmed' | 'unsubscribed';

const STATUS_LABELS: Record<AlertStatus, string> = {
  on: 'On',
  paused: 'Paused',
  unconfirmed: 'Waiting for confirmation',
  unsubscribed: 'Unsubscribed',
};

/** One alert in a list of alerts (a member's /me/alerts, a guest's manage page). */
export interface AlertItemView {
  id: string;
  name: string;
  searchPath: string;
  frequency: AlertFrequency;
  frequencyLabel: string;
  /** The id of the alert's own frequency select, unique on a page of several. */
  frequencyInputId: string;
  timeZone: string;
  status: AlertStatus;
  statusLabel: string;
  /** Resuming starts a paused or unsubscribed alert again. */
  canResume: boolean;
  canPause: boolean;
  created: DateView;
}

function statusOf(alert: Alert): AlertStatus {
  if (alert.unsubscribedAt) return 'unsubscribed';
  if (!alert.confirmedAt) return 'unconfirmed';
  return alert.pausedAt ? 'paused' : 'on';
}

export function alertItemView(alert: Alert): AlertItemView {
  const status = statusOf(alert);
  return {
    id: alert.id,
    name: alert.name,
    searchPath: searchPathOf(alert.params),
    frequency: alert.frequency,
    frequencyLabel: FREQUENCY_LABELS[alert.frequency],
    frequencyInputId: `frequency-${alert.id}`,
    timeZone: alert.timeZone,
    status,
    statusLabel: STATUS_LABELS[status],
    canResume: alert.pausedAt !== null || alert.unsubscribedAt !== null,
    canPause: alert.pausedAt === null && alert.unsubscribedAt === null,
    created: dateView(alert.createdAt)!,
  };
}

/** The zones the web form offers (US coders); the API takes any IANA zone. */
export const US_TIME_ZONES: ReadonlyArray<{ value: string; label: string }> = [
  { value: 'America/New_York', label: 'Eastern time' },
  { value: 'America/Chicago', label: 'Central time' },
  { value: 'America/Denver', label: 'Mountain time' },
  { value: 'America/Phoenix', label: 'Arizona' },
  { value: 'America/Los_Angeles', label: 'Pacific time' },
  { value: 'America/Anchorage', label: 'Alaska' },
  { value: 'Pacific/Honolulu', label: 'Hawaii' },
];

/** The web form's zones, with the alert's own first when it is another one (chosen over the API). */
export function timeZoneOptions(selected: string): Array<{ value: string; label: string; selected: boolean }> {
  const zones = US_TIME_ZONES.some((z) => z.value === selected) ? US_TIME_ZONES : [{ value: selected, label: selected }, ...US_TIME_ZONES];
  return zones.map((z) => ({ ...z, selected: z.value === selected }));
}
