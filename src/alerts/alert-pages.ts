import type { JobDetailsView } from '../jobs/job-presenter';
import type { User } from '../users/user.entity';
import { AlertItemView, alertItemView, timeZoneOptions } from './alert-view';
import type { Alert } from './alert.entity';
import { AlertPreview, MAX_MEMBER_ALERTS } from './alerts.service';

/** /me/alerts */
export interface AlertsPage {
  alerts: AlertItemView[];
  /** A member's alerts are mailed only once the address is verified. */
  unverified: boolean;
  maxAlerts: number;
}

export function alertsPage(alerts: Alert[], user: Pick<User, 'emailVerified'>): AlertsPage {
  return { alerts: alerts.map(alertItemView), unverified: !user.emailVerified, maxAlerts: MAX_MEMBER_ALERTS };
}

/** /me/alerts/:id/edit; a refused form comes back with what was typed in `values`. */
export interface EditAlertPage {
  alert: AlertItemView;
  values: { name: string; frequency: string; timeZone: string };
  timeZones: Array<{ value: string; label: string; selected: boolean }>;
  /** "7 AM": when daily and weekly emails arrive. */
  digestTime: string;
}

export function editAlertPage(alert: Alert, digestHour: number): EditAlertPage {
  return {
    alert: alertItemView(alert),
    values: { name: alert.name, frequency: alert.frequency, timeZone: alert.timeZone },
    timeZones: timeZoneOptions(alert.timeZone),
    digestTime: new Date(Date.UTC(2000, 0, 1, digestHour)).toLocaleTimeString('en-US', { hour: 'numeric', timeZone: 'UTC' }),
  };
}

/** /me/alerts/:id/preview */
export interface AlertPreviewPage {
  alert: AlertItemView;
  /** "3 jobs in the past 7 days". */
  summary: string;
  cards: Array<JobDetailsView & { highlightHtml: string | null }>;
  /** More matched than are shown: the full search has them. */
  more: boolean;
}

export function alertPreviewPage({ alert, days, result }: AlertPreview): AlertPreviewPage {
  const period = days === 1 ? 'the past day' : `the past ${days} days`;
  const jobs = `${result.approximate ? 'about ' : ''}${result.total.toLocaleString('en-US')} job${result.total === 1 ? '' : 's'}`;
  return {
    alert: alertItemView(alert),
    summary: `${jobs} in ${period}`,
    cards: result.hits.map(({ job, highlightHtml }) => ({ ...job, highlightHtml })),
    more: result.total > result.hits.length,
  };
}

/** A guest's /alerts/manage page: every action posts the signed link back. */
export interface ManageAlertsPage {
  email: string;
  token: string;
  alerts: AlertItemView[];
  unsubscribeAllUrl: string;
}

export function manageAlertsPage(email: string, token: string, alerts: Alert[], unsubscribeAllUrl: string): ManageAlertsPage {
  return { email, token, alerts: alerts.map(alertItemView), unsubscribeAllUrl };
}
