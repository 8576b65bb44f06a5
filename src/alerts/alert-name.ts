import { EMPLOYMENT_TYPE_LABELS, WORKPLACE_LABELS } from '../jobs/job-presenter';
import { stateName } from '../jobs/us-states';
import type { JobSearchQuery } from '../search/job-search-query';
import type { Specialty } from '../taxonomy/specialty.entity';

/** The alerts.name column's length. */
export const MAX_ALERT_NAME_LENGTH = 100;

const POSTED_LABELS: Record<number, string> = { 1: 'Past 24 hours', 7: 'Past 7 days', 30: 'Past 30 days' };

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });

/**
 * A name for an alert nobody named: its search in a few words, the words
 * searched first, then the filters ("CPC · Remote · Texas"). Filters read
 * from the words count as filters, as the search applies them.
 */
export function defaultAlertName(query: JobSearchQuery, specialties: Array<Pick<Specialty, 'slug' | 'name'>>): string {
  const names = new Map(specialties.map((s) => [s.slug, s.name]));
  const { filters } = query;
  const parts = [
    query.text ? `“${query.text}”` : '',
    ...filters.credential,
    ...[...filters.specialty, ...filters.setting].map((slug) => names.get(slug) ?? slug),
    ...filters.workplace.map((w) => WORKPLACE_LABELS[w]),
    ...filters.state.map(stateName),
    ...filters.employmentType.map((t) => EMPLOYMENT_TYPE_LABELS[t]),
    ...query.selected.organization,
    filters.salaryMin ? `${usd.format(filters.salaryMin)}+ a year` : '',
    filters.apprentice ? 'Apprentice-friendly' : '',
    filters.postedWithin ? POSTED_LABELS[filters.postedWithin] : '',
  ].filter(Boolean);
  const name = parts.join(' · ') || 'All new jobs';
  return name.length <= MAX_ALERT_NAME_LENGTH ? name : `${name.slice(0, MAX_ALERT_NAME_LENGTH - 1).trimEnd()}…`;
}

/** A name as typed, on one line: control characters (CR, LF…) and runs of spaces become one space, so no name can start a mail header. */
export function cleanAlertName(name: string): string {
  return name.replace(/[\p{Cc}\p{Z}\s]+/gu, ' ').trim();
}
