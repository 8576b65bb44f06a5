import { dateView, formatSalary, WORKPLACE_LABELS } from '../../jobs/job-presenter';
import { SalaryPeriod } from '../../jobs/job.entity';
import type { CandidateSummary, CredentialHeld, SpecialtyYears } from '../candidate-profiles.service';

/**
 * A candidate as employers see them in results and on the profile page:
 * the profile's employer-safe summary (no contact details, certificate
 * numbers or LinkedIn link), with a short name and labels for the pages.
 */
export interface EmployerCandidateView extends Omit<CandidateSummary, 'userId' | 'visibility' | 'credentials' | 'specialties' | 'desiredPay'> {
  id: string;
  /** "Jasmine C.": the full name is contact data, shown only once revealed. */
  displayName: string;
  /** "Austin, TX", or the state alone. */
  location: string | null;
  /** "Remote or hybrid". */
  workplaceLabel: string | null;
  yearsLabel: string | null;
  /** Dates also as the pages say them ("January 31, 2026"). */
  credentials: Array<CredentialHeld & { earnedLabel: string | null; expiresLabel: string | null }>;
  specialties: Array<SpecialtyYears & { yearsLabel: string }>;
  desiredPay: { min: number; period: SalaryPeriod; label: string } | null;
  /** When the candidate last changed the profile. */
  updatedAt: string;
  updatedOn: string;
  /** The employer's page of this candidate. */
  path: string;
}

/** What the summary does not carry: the account's name and the profile's last change. */
export interface CandidateAccount {
  name: string;
  updatedAt: Date;
}

/** "Jasmine Carter" → "Jasmine C."; "María José de la Cruz" → "María J."; a single name stays as it is. */
export function shortName(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return 'Candidate';
  if (parts.length === 1) return parts[0];
  return `${parts[0]} ${[...parts[1]][0].toUpperCase()}.`;
}

/** Today's date in UTC as YYYY-MM-DD, the form credential dates are stored and compared in. */
export function isoDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/** "2026-01-31" → "January 31, 2026". */
const dayLabel = (day: string | null): string | null => (day ? dateView(new Date(`${day}T00:00:00Z`))!.label : null);

export const yearsLabel = (years: number): string => (years === 0 ? 'less than a year' : `${years} year${years === 1 ? '' : 's'}`);

export const candidatePath = (id: string): string => `/employer/candidates/${id}`;

function joinOr(labels: string[]): string | null {
  if (!labels.length) return null;
  return labels.length === 1 ? labels[0] : `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1]}`;
}

/** Labels the summary for employers' pages; valid credentials come before expired ones. Pure. */
export function presentForEmployer(summary: CandidateSummary, account: CandidateAccount): EmployerCandidateView {
  const { userId, visibility: _, desiredPay, specialties, credentials, workplacePreferences, ...rest } = summary;
  return {
    ...rest,
    id: userId,
    displayName: shortName(account.name),
    location: summary.city && summary.state ? `${summary.city}, ${summary.state}` : (summary.state ?? summary.city),
    workplacePreferences,
    workplaceLabel: joinOr(workplacePreferences.map((w, i) => (i === 0 ? WORKPLACE_LABELS[w] : WORKPLACE_LABELS[w].toLowerCase()))),
    yearsLabel: summary.yearsExperience === null ? null : `${yearsLabel(summary.yearsExperience)} of coding`,
    credentials: [...credentials]
      .sort((a, b) => Number(a.expired) - Number(b.expired))
      .map((c) => ({ ...c, earnedLabel: dayLabel(c.earnedOn), expiresLabel: dayLabel(c.expiresOn) })),
    specialties: specialties.map((s) => ({ ...s, yearsLabel: yearsLabel(s.years) })),
    desiredPay: desiredPay ? { ...desiredPay, label: formatSalary({ min: desiredPay.min, max: null, currency: 'USD', period: desiredPay.period })! } : null,
    updatedAt: account.updatedAt.toISOString(),
    updatedOn: dateView(account.updatedAt)!.label,
    path: candidatePath(userId),
  };
}
