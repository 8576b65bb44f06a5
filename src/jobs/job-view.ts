import { ApplyMethod, CloseReason, EmploymentType, Job, JobLocation, JobStatus, SalaryPeriod, ScreeningQuestion, Workplace } from './job.entity';
import { jobPath } from './job-paths';

/** A posting as the API returns it: the fields in the shape `POST /api/jobs` accepts, plus its state. */
export interface JobView {
  id: string;
  status: JobStatus;
  url: string;
  title: string;
  description: string;
  /** Sanitized rendering of `description`, safe to insert into a page. */
  descriptionHtml: string;
  employmentType: EmploymentType;
  workplace: Workplace;
  locations: JobLocation[];
  remoteStates: string[];
  salary: { min: number | null; max: number | null; currency: string; period: SalaryPeriod | null } | null;
  credentials: string[];
  apprenticeFriendly: boolean;
  specialties: string[];
  settings: string[];
  minYearsExperience: number | null;
  tools: string[];
  productivity: string | null;
  apply: { method: ApplyMethod; url: string | null; email: string | null };
  /** Asked when coders apply on CareerCenter; `knockoutAnswer` only for the organization's members. */
  screeningQuestions: ScreeningQuestion[];
  validThrough: string | null;
  publishedAt: string | null;
  closedAt: string | null;
  closeReason: CloseReason | null;
  organization: { id: string; name: string; slug: string };
  createdAt: string;
  updatedAt: string;
}

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

/** `job.organization` must be loaded. */
export function toJobView(job: Job): JobView {
  const organization = job.organization;
  if (!organization) throw new Error(`Job ${job.id} was loaded without its organization`);
  const hasSalary = job.salaryMin !== null || job.salaryMax !== null;
  return {
    id: job.id,
    status: job.status,
    url: jobPath(job),
    title: job.title,
    description: job.description,
    descriptionHtml: job.descriptionHtml,
    employmentType: job.employmentType,
    workplace: job.workplace,
    locations: job.locations,
    remoteStates: job.remoteStates,
    salary: hasSalary ? { min: job.salaryMin, max: job.salaryMax, currency: job.salaryCurrency, period: job.salaryPeriod } : null,
    credentials: job.credentialCodes,
    apprenticeFriendly: job.apprenticeFriendly,
    specialties: job.specialtySlugs,
    settings: job.settingSlugs,
    minYearsExperience: job.minYearsExperience,
    tools: job.tools,
    productivity: job.productivity,
    apply: { method: job.applyMethod, url: job.applyUrl, email: job.applyEmail },
    screeningQuestions: job.screeningQuestions,
    validThrough: iso(job.validThrough),
    publishedAt: iso(job.publishedAt),
    closedAt: iso(job.closedAt),
    closeReason: job.closeReason,
    organization: { id: organization.id, name: organization.name, slug: organization.slug },
    createdAt: job.createdAt.toISOString(),
    updatedAt: job.updatedAt.toISOString(),
  };
}
