import { DateView, dateView, WORKPLACE_LABELS } from '../../jobs/job-presenter';
import { ApplicationStatus, APPLICATION_STATUSES } from '../application.entity';
import { APPLICATION_STATUS_LABELS, isOpenApplication } from '../application-status';
import { APPLICANT_SORT_LABELS, APPLICANT_SORTS, ApplicantsQuery } from './applicants-query';
import { CANDIDATE_EMAIL_STATUSES } from './candidate-emails';
import { applicantsPath, applicationPath } from './pipeline-paths';
import { ApplicantList, ApplicantView, ApplicationDetail } from './pipeline.service';

interface Option {
  value: string;
  label: string;
  selected: boolean;
}

const dateTime = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/** "Mar 3, 2026, 2:05 PM UTC", for steps of a timeline that may fall on the same day. */
const momentView = (iso: string): DateView => ({ iso, label: `${dateTime.format(new Date(iso))} UTC` });

const STATUS_BADGES: Partial<Record<ApplicationStatus, string>> = { hired: 'badge-ok', offered: 'badge-ok', rejected: 'badge-warn', withdrawn: 'badge-warn' };

/** What a status button says: the stage's name as an action. */
const MOVE_LABELS: Record<ApplicationStatus, string> = {
  new: 'New',
  reviewed: 'Mark as reviewed',
  shortlisted: 'Shortlist',
  interviewing: 'Invite to interview',
  offered: 'Make an offer',
  hired: 'Mark as hired',
  rejected: 'Reject',
  withdrawn: 'Withdrawn',
};

/** What the employer is told once an application moved. */
const MOVED: Record<ApplicationStatus, (name: string) => string> = {
  new: (name) => `${name}'s application is new.`,
  reviewed: (name) => `${name}'s application is marked as reviewed.`,
  shortlisted: (name) => `${name} is on your shortlist.`,
  interviewing: (name) => `${name} is invited to interview.`,
  offered: (name) => `${name} has an offer.`,
  hired: (name) => `${name} is hired. Congratulations!`,
  rejected: (name) => `${name}'s application is marked as not selected.`,
  withdrawn: (name) => `${name} withdrew the application.`,
};

export const movedMessage = (name: string, status: ApplicationStatus): string => MOVED[status](name);

const kilobytes = (size: number): string => (size < 1024 * 1024 ? `${Math.max(1, Math.round(size / 1024))} KB` : `${(size / 1024 / 1024).toFixed(1)} MB`);

/** The list's URL for `query` with `changes`, leaving out defaults. */
function listPath(jobId: string, query: ApplicantsQuery, changes: Partial<ApplicantsQuery> = {}): string {
  const q = { ...query, page: 1, ...changes };
  const params = new URLSearchParams();
  if (q.status) params.set('status', q.status);
  if (q.credential) params.set('credential', q.credential);
  if (q.q) params.set('q', q.q);
  if (q.sort !== 'newest') params.set('sort', q.sort);
  if (q.page > 1) params.set('page', String(q.page));
  const search = params.toString();
  return `${applicantsPath(jobId)}${search ? `?${search}` : ''}`;
}

function applicantRow(a: ApplicantView) {
  return {
    ...a,
    path: applicationPath(a.id),
    applied: dateView(new Date(a.appliedAt))!,
    statusBadge: STATUS_BADGES[a.status] ?? '',
    location: a.candidate.city && a.candidate.state ? `${a.candidate.city}, ${a.candidate.state}` : a.candidate.state,
    /** Only an open application can be rejected, alone or with others. */
    selectable: isOpenApplication(a.status),
    resumePath: a.resume ? `${applicationPath(a.id)}/resume` : null,
    resumeSize: a.resume ? kilobytes(a.resume.size) : null,
  };
}

/** The applicant list page of a job: stage tabs with counts, filters, rows, pages. */
export function presentApplicantsPage(list: ApplicantList, credentials: Array<{ code: string; name: string }>) {
  const { job, query } = list;
  const pageCount = Math.max(1, Math.ceil(list.total / query.perPage));
  const pages: Array<{ number: number; path: string; current: boolean } | null> = [];
  for (let n = 1; n <= pageCount; n++) {
    if (n === 1 || n === pageCount || Math.abs(n - query.page) <= 2)
      pages.push({ number: n, path: listPath(job.id, query, { page: n }), current: n === query.page });
    else if (pages[pages.length - 1] !== null) pages.push(null);
  }
  const filtered = Boolean(query.credential || query.q);
  return {
    title: `Applicants: ${job.title}`,
    job: { ...job, applicantsPath: applicantsPath(job.id) },
    total: list.total,
    filtered,
    tabs: [
      { label: 'All', count: list.counts.all, path: listPath(job.id, query, { status: null }), current: query.status === null },
      ...APPLICATION_STATUSES.map((status) => ({
        label: APPLICATION_STATUS_LABELS[status],
        count: list.counts[status],
        path: listPath(job.id, query, { status }),
        current: query.status === status,
      })),
    ],
    filters: {
      statuses: APPLICATION_STATUSES.map((s): Option => ({ value: s, label: APPLICATION_STATUS_LABELS[s], selected: s === query.status })),
      credentials: credentials.map((c): Option => ({ value: c.code, label: `${c.code}: ${c.name}`, selected: c.code === query.credential })),
      sorts: APPLICANT_SORTS.map((s): Option => ({ value: s, label: APPLICANT_SORT_LABELS[s], selected: s === query.sort })),
      q: query.q,
      clearPath: listPath(job.id, query, { credential: null, q: '' }),
    },
    applications: list.applications.map(applicantRow),
    anySelectable: list.applications.some((a) => isOpenApplication(a.status)),
    pagination:
      pageCount > 1
        ? {
            previousPath: query.page > 1 ? listPath(job.id, query, { page: Math.min(query.page - 1, pageCount) }) : null,
            nextPath: query.page < pageCount ? listPath(job.id, query, { page: query.page + 1 }) : null,
            links: pages,
          }
        : null,
  };
}

/** The application page: the candidate, what they sent, the stage buttons, the timeline and the notes. */
export function presentApplicationPage(detail: ApplicationDetail) {
  return {
    title: `${detail.candidate.name}: ${detail.job.title}`,
    ...applicantRow(detail),
    job: { ...detail.job, applicantsPath: applicantsPath(detail.job.id) },
    coverLetter: detail.coverLetter,
    profile: detail.profile && { ...detail.profile, workplaces: detail.profile.workplacePreferences.map((w) => WORKPLACE_LABELS[w]).join(', ') },
    moves: detail.nextStatuses.map((status) => ({
      value: status,
      label: MOVE_LABELS[status],
      emailsCandidate: (CANDIDATE_EMAIL_STATUSES as readonly string[]).includes(status),
    })),
    timeline: detail.timeline.map((step) => ({ ...step, when: momentView(step.at) })),
    notes: detail.notes.map((note) => ({ ...note, when: momentView(note.createdAt) })),
  };
}
