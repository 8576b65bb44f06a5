import type { JobDetailsView } from '../jobs/job-presenter';
import { JobSearchParams, SEARCH_PARAMS } from '../search/job-search-query';
import type { User } from '../users/user.entity';
import type { AlertFrequency } from './alert.entity';

/** How often, in words ("once a day"); views/partials/alert_frequency_select.hbs offers the same choices. */
export const FREQUENCY_LABELS: Record<AlertFrequency, string> = {
  instant: 'As soon as they are posted',
  daily: 'Once a day',
  weekly: 'Once a week, on Mondays',
};

/** The label inside a sentence: "… by email once a day". */
export function frequencyPhrase(frequency: AlertFrequency): string {
  const label = FREQUENCY_LABELS[frequency];
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/**
 * A search's parameters as one form field: a URL query string, in the
 * order the parameters are given (the stored ones are canonical already).
 */
export function searchFieldOf(params: JobSearchParams): string {
  const query = new URLSearchParams();
  for (const name of SEARCH_PARAMS) {
    const value = params[name];
    for (const v of value === undefined ? [] : Array.isArray(value) ? value : [value]) query.append(name, v);
  }
  return query.toString();
}

/** The parameters a search field names, repeated keys as lists. Unknown names are kept, for the query builder to refuse. */
export function paramsOfSearchField(field: string): JobSearchParams {
  const params: Record<string, string | string[]> = {};
  for (const [name, value] of new URLSearchParams(field)) {
    const existing = params[name];
    params[name] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return params as JobSearchParams;
}

/** The path of the search page showing an alert's search. */
export function searchPathOf(params: JobSearchParams): string {
  const field = searchFieldOf(params);
  return field ? `/jobs?${field}` : '/jobs';
}

/** What views/partials/alert_form.hbs needs: the search as one field, the page a guest comes back to, and its ids. */
export interface AlertFormView {
  search: string;
  next: string;
  /** Unique on the page: the form's inputs are `<id>-email` and `frequencyId`. */
  id: string;
  frequencyId: string;
  label: string;
}

/**
 * The alert form of a page showing `params`, for `viewer`: a coder's (saved
 * at once) or a visitor's (with an email field). Alerts are for coders:
 * employers and admins get none.
 */
export function alertFormView(
  viewer: Pick<User, 'role'> | undefined,
  params: JobSearchParams,
  next: string,
  form: { id: string; label: string },
): AlertFormView | null {
  if (viewer && viewer.role !== 'candidate') return null;
  return { search: searchFieldOf(params), next, ...form, frequencyId: `${form.id}-frequency` };
}

/**
 * "Alert me to jobs like this": the job's credentials, specialties,
 * workplace and states (where its offices are, or the states a remote job
 * hires in; none for a remote job open to every state).
 */
export function jobAlertParams(job: Pick<JobDetailsView, 'credentials' | 'specialties' | 'workplace' | 'locations' | 'remote'>): JobSearchParams {
  const states = job.remote ? job.remote.states.map((s) => s.code) : [...new Set(job.locations.map((l) => l.state))];
  const params: JobSearchParams = { workplace: job.workplace };
  if (job.credentials.length) params.credential = job.credentials.map((c) => c.code);
  if (job.specialties.length) params.specialty = job.specialties.map((s) => s.slug);
  if (states.length) params.state = states;
  return params;
}
