import { Organization } from '../employers/organization.entity';
import { companyPath, logoPath } from '../employers/organizations.service';
import { Credential } from '../taxonomy/credential.entity';
import { Specialty } from '../taxonomy/specialty.entity';
import { ApplyMethod, EmploymentType, Job, JobStatus, SalaryPeriod, Workplace } from './job.entity';
import { jobPath } from './job-paths';
import { stateName } from './us-states';

/** O*NET-SOC occupation of every posting on the board (Google's `occupationalCategory`). */
export const OCCUPATION = { code: '29-2072.00', name: 'Medical Records Specialists' } as const;

export const EMPLOYMENT_TYPE_LABELS: Record<EmploymentType, string> = {
  FULL_TIME: 'Full-time',
  PART_TIME: 'Part-time',
  CONTRACTOR: 'Contract',
  TEMPORARY: 'Temporary',
  PER_DIEM: 'Per diem',
  INTERN: 'Internship',
};

export const WORKPLACE_LABELS: Record<Workplace, string> = { onsite: 'On-site', hybrid: 'Hybrid', remote: 'Remote' };

const PERIOD_LABELS: Record<SalaryPeriod, string> = { HOUR: 'per hour', YEAR: 'per year' };

/** Names from the taxonomy, by credential code and by specialty or setting slug. */
export interface TaxonomyNames {
  credentials: ReadonlyMap<string, string>;
  specialties: ReadonlyMap<string, string>;
}

export function taxonomyNames(credentials: Pick<Credential, 'code' | 'name'>[], specialties: Pick<Specialty, 'slug' | 'name'>[]): TaxonomyNames {
  return {
    credentials: new Map(credentials.map((c) => [c.code, c.name])),
    specialties: new Map(specialties.map((s) => [s.slug, s.name])),
  };
}

export interface DateView {
  iso: string;
  label: string;
}

export interface SalaryView {
  min: number | null;
  max: number | null;
  currency: string;
  period: SalaryPeriod | null;
  label: string;
}

export interface LocationView {
  city: string;
  state: string;
  stateName: string;
  postalCode: string | null;
  label: string;
}

/** Everything the job page, the employer's preview, job cards and the feeds show of a posting. */
export interface JobDetailsView {
  id: string;
  title: string;
  path: string;
  status: JobStatus;
  organization: {
    name: string;
    slug: string;
    path: string;
    logoPath: string | null;
    verified: boolean;
    website: string | null;
    websiteLabel: string | null;
    headquarters: string | null;
  };
  employmentType: EmploymentType;
  employmentTypeLabel: string;
  workplace: Workplace;
  workplaceLabel: string;
  locations: LocationView[];
  /** Remote jobs only: where candidates may live. */
  remote: { anyState: boolean; states: { code: string; name: string }[]; label: string } | null;
  /** One line for cards and feeds: "Hybrid · Austin, TX" or "Remote · Texas, Oklahoma". */
  whereLabel: string;
  salary: SalaryView | null;
  credentials: { code: string; name: string }[];
  /** More than one credential: any one of them qualifies. */
  credentialsAnyOf: boolean;
  apprenticeFriendly: boolean;
  specialties: { slug: string; name: string }[];
  settings: { slug: string; name: string }[];
  minYearsExperience: number | null;
  experienceLabel: string | null;
  tools: string[];
  productivity: string | null;
  /** Sanitized when the posting was saved (src/common/markdown.ts): the only HTML a job page outputs as is. */
  descriptionHtml: string;
  posted: DateView | null;
  validThrough: DateView | null;
  apply: { method: ApplyMethod; url: string | null; email: string | null; mailto: string | null };
  occupation: typeof OCCUPATION;
}

const dateLabel = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });

export function dateView(date: Date | null): DateView | null {
  return date ? { iso: date.toISOString(), label: dateLabel.format(date) } : null;
}

/** Only http(s) addresses become links, whatever was stored (defence in depth behind the DTO checks). */
export function httpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

// Building a formatter costs far more than using one: job cards format several amounts each.
const moneyFormats = new Map<string, Intl.NumberFormat | null>();

function money(amount: number, currency: string): string {
  const whole = Number.isInteger(amount);
  const key = `${currency}:${whole}`;
  let format = moneyFormats.get(key);
  if (format === undefined) {
    try {
      format = new Intl.NumberFormat('en-US', { style: 'currency', currency, minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 });
    } catch {
      // Not an ISO 4217 code Intl knows.
      format = null;
    }
    moneyFormats.set(key, format);
  }
  return format ? format.format(amount) : `${currency} ${amount.toLocaleString('en-US')}`;
}

/** "$52,000 – $64,000 per year", "From $25 per hour", "Up to $64,000 per year"; null without an amount. */
export function formatSalary(
  salary: { min: number | null; max: number | null; currency: string; period: SalaryPeriod | null },
  rangeSeparator = ' – ',
): string | null {
  const { min, max, currency, period } = salary;
  const amount =
    min != null && max != null
      ? min === max
        ? money(min, currency)
        : `${money(min, currency)}${rangeSeparator}${money(max, currency)}`
      : min != null
        ? `From ${money(min, currency)}`
        : max != null
          ? `Up to ${money(max, currency)}`
          : null;
  if (!amount) return null;
  return period ? `${amount} ${PERIOD_LABELS[period]}` : amount;
}

function salaryView(job: Job): SalaryView | null {
  const salary = { min: job.salaryMin, max: job.salaryMax, currency: job.salaryCurrency || 'USD', period: job.salaryPeriod };
  const label = formatSalary(salary);
  return label ? { ...salary, label } : null;
}

/** Workplace and place in one line ("Hybrid · Austin, TX", "Remote · Any US state"), for cards and lists. */
export function whereLabel(job: Pick<Job, 'workplace' | 'locations' | 'remoteStates'>): string {
  const place =
    job.workplace === 'remote'
      ? job.remoteStates?.length
        ? job.remoteStates.map(stateName).join(', ')
        : 'Any US state'
      : (job.locations ?? []).map((l) => `${l.city}, ${l.state}`).join('; ');
  return place ? `${WORKPLACE_LABELS[job.workplace]} · ${place}` : WORKPLACE_LABELS[job.workplace];
}

function locationView(l: Job['locations'][number]): LocationView {
  const postalCode = l.postalCode || null;
  return { city: l.city, state: l.state, stateName: stateName(l.state), postalCode, label: `${l.city}, ${l.state}${postalCode ? ` ${postalCode}` : ''}` };
}

function experienceLabel(years: number | null): string | null {
  if (years == null) return null;
  if (years === 0) return 'No experience required';
  return `At least ${years} year${years === 1 ? '' : 's'} of coding experience`;
}

/**
 * Turns a posting and its organization into what the views show. Pure: the
 * caller loads the taxonomy names. Codes no longer in the taxonomy show as
 * themselves.
 */
export function presentJob(job: Job, organization: Organization, names: TaxonomyNames): JobDetailsView {
  const locations = (job.locations ?? []).map(locationView);
  const remoteStates = job.workplace === 'remote' ? (job.remoteStates ?? []).map((code) => ({ code, name: stateName(code) })) : [];
  const remote =
    job.workplace === 'remote'
      ? {
          anyState: remoteStates.length === 0,
          states: remoteStates,
          label:
            remoteStates.length === 0
              ? 'Open to candidates in any US state'
              : `Open to candidates in ${remoteStates.map((s) => `${s.name} (${s.code})`).join(', ')}`,
        }
      : null;
  const website = httpUrl(organization.website);
  const applyUrl = job.applyMethod === 'url' ? httpUrl(job.applyUrl) : null;
  const applyEmail = job.applyMethod === 'email' ? job.applyEmail || null : null;

  return {
    id: job.id,
    title: job.title,
    path: jobPath(job),
    status: job.status,
    organization: {
      name: organization.name,
      slug: organization.slug,
      path: companyPath(organization),
      logoPath: logoPath(organization),
      verified: organization.verifiedAt != null,
      website,
      websiteLabel: website ? new URL(website).host : null,
      headquarters:
        organization.headquartersCity && organization.headquartersState ? `${organization.headquartersCity}, ${organization.headquartersState}` : null,
    },
    employmentType: job.employmentType,
    employmentTypeLabel: EMPLOYMENT_TYPE_LABELS[job.employmentType],
    workplace: job.workplace,
    workplaceLabel: WORKPLACE_LABELS[job.workplace],
    locations,
    remote,
    whereLabel: whereLabel(job),
    salary: salaryView(job),
    credentials: (job.credentialCodes ?? []).map((code) => ({ code, name: names.credentials.get(code) ?? code })),
    credentialsAnyOf: (job.credentialCodes ?? []).length > 1,
    apprenticeFriendly: job.apprenticeFriendly,
    specialties: (job.specialtySlugs ?? []).map((slug) => ({ slug, name: names.specialties.get(slug) ?? slug })),
    settings: (job.settingSlugs ?? []).map((slug) => ({ slug, name: names.specialties.get(slug) ?? slug })),
    minYearsExperience: job.minYearsExperience,
    experienceLabel: experienceLabel(job.minYearsExperience),
    tools: job.tools ?? [],
    productivity: job.productivity || null,
    descriptionHtml: job.descriptionHtml,
    posted: dateView(job.publishedAt),
    validThrough: dateView(job.validThrough),
    apply: {
      method: job.applyMethod,
      url: applyUrl,
      email: applyEmail,
      mailto: applyEmail ? `mailto:${applyEmail}?subject=${encodeURIComponent(`Application: ${job.title}`)}` : null,
    },
    occupation: OCCUPATION,
  };
}
