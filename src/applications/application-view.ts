import { companyPath } from '../employers/organizations.service';
import { Job } from '../jobs/job.entity';
import { jobPath } from '../jobs/job-paths';
import { dateView, DateView } from '../jobs/job-presenter';
import { ApplicationEvent } from './application-event.entity';
import { Application, ApplicationStatus } from './application.entity';
import { APPLICATION_STATUS_LABELS, canWithdraw } from './application-status';

/** Where the job an application went to stands now, as the candidate is told. */
export type AppliedJobState = 'open' | 'filled' | 'closed' | 'expired' | 'unlisted';

const JOB_STATE_LABELS: Record<AppliedJobState, string> = {
  open: 'Open',
  filled: 'Closed: the position has been filled',
  closed: 'Closed by the employer',
  expired: 'Expired: no longer listed',
  unlisted: 'Not listed at the moment',
};

/** The pipeline's words, except the first step, which the candidate took: "Applied" rather than "New". */
const CANDIDATE_STATUS_LABELS: Record<ApplicationStatus, string> = { ...APPLICATION_STATUS_LABELS, new: 'Applied' };

/** One application as its candidate sees it (the API's answer); flagged answers are the employer's business. */
export interface CandidateApplicationView {
  id: string;
  status: ApplicationStatus;
  statusLabel: string;
  withdrawn: boolean;
  canWithdraw: boolean;
  appliedAt: string;
  updatedAt: string;
  job: {
    id: string;
    title: string;
    /** The job's page; null while it is not listed (back in review). */
    url: string | null;
    state: AppliedJobState;
    stateLabel: string;
    organization: { name: string; slug: string; url: string };
  };
  resume: { id: string; fileName: string } | null;
  coverLetter: string | null;
  answers: Array<{ questionId: string; question: string; answer: string }>;
  /** Every status the application has had, oldest first, with the employer's message if one came with it. */
  timeline: Array<{ status: ApplicationStatus; label: string; at: string; message: string | null }>;
}

export function appliedJobState(job: Pick<Job, 'status' | 'closeReason' | 'validThrough'>, now: Date): AppliedJobState {
  if (job.status === 'closed') return job.closeReason === 'filled' ? 'filled' : 'closed';
  if (job.status === 'expired' || (job.status === 'published' && job.validThrough !== null && job.validThrough <= now)) return 'expired';
  return job.status === 'published' ? 'open' : 'unlisted';
}

/** `application` with its job, the job's organization and its resume loaded; `events` oldest first. */
export function toCandidateApplicationView(application: Application, events: ApplicationEvent[], now: Date): CandidateApplicationView {
  const { job, organization, resume } = application;
  if (!job || !organization) throw new Error(`Application ${application.id} was loaded without its job and organization`);
  const state = appliedJobState(job, now);
  return {
    id: application.id,
    status: application.status,
    statusLabel: CANDIDATE_STATUS_LABELS[application.status],
    withdrawn: application.status === 'withdrawn',
    canWithdraw: canWithdraw(application.status),
    appliedAt: application.createdAt.toISOString(),
    updatedAt: application.updatedAt.toISOString(),
    job: {
      id: job.id,
      title: job.title,
      url: state === 'unlisted' ? null : jobPath(job),
      state,
      stateLabel: JOB_STATE_LABELS[state],
      organization: { name: organization.name, slug: organization.slug, url: companyPath(organization) },
    },
    resume: resume ? { id: resume.id, fileName: resume.fileName } : null,
    coverLetter: application.coverLetter,
    answers: application.answers.map(({ questionId, question, answer }) => ({ questionId, question, answer })),
    timeline: events.map((e) => ({ status: e.status, label: CANDIDATE_STATUS_LABELS[e.status], at: e.createdAt.toISOString(), message: e.message })),
  };
}

/** The /me/applications page's entry: the API's view with its dates written out. */
export interface ApplicationListItem extends Omit<CandidateApplicationView, 'timeline'> {
  applied: DateView;
  jobOpen: boolean;
  timeline: Array<CandidateApplicationView['timeline'][number] & { date: DateView }>;
}

export function toApplicationListItem(view: CandidateApplicationView): ApplicationListItem {
  return {
    ...view,
    applied: dateView(new Date(view.appliedAt))!,
    jobOpen: view.job.state === 'open',
    timeline: view.timeline.map((step) => ({ ...step, date: dateView(new Date(step.at))! })),
  };
}
