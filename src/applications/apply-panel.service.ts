import { Injectable } from '@nestjs/common';
import { dateView } from '../jobs/job-presenter';
import { PublicScreeningQuestion } from '../jobs/screening-questions';
import { ResumesService } from '../candidates/resumes.service';
import { User } from '../users/user.entity';
import { toApplicationListItem, ApplicationListItem } from './application-view';
import { applicantRefusal, ApplicationsService, MY_APPLICATIONS_PATH } from './applications.service';
import { MAX_COVER_LETTER } from './dto/create-application.dto';
import { answerField, MAX_WRITTEN_ANSWER } from './screening-answers';

/** What the form's inputs held when it was sent, by input name (a refused form comes back with them). */
export type ApplyFormValues = Record<string, unknown>;

/** The value of the resume radio that means "the file chosen below". */
export const UPLOAD_CHOICE = 'upload';

interface Option {
  value: string;
  label: string;
  hint?: string;
  inputId: string;
  checked: boolean;
}

export interface QuestionField {
  /** The input's name and id: `answers.<question id>`, as errors are reported. */
  name: string;
  text: string;
  required: boolean;
  written: boolean;
  maxLength: number;
  options: Option[];
}

export interface ApplyForm {
  action: string;
  resumes: Option[];
  upload: { inputId: string; checked: boolean };
  questions: QuestionField[];
  coverLetterMax: number;
}

/**
 * The "How to apply" section of a job that takes applications here, for
 * the person looking: a visitor is asked to sign in, an employer told they
 * cannot apply, an unverified coder offered a new link, a coder who applied
 * shown when (and the status), anyone else the form. Exactly one is set.
 */
export interface ApplyPanel {
  /** The sign-in button goes through the job's apply link (see signInToApplyPath); the account link is shown as it is. */
  signedOut?: { registerPath: string };
  notCandidate?: true;
  unverified?: { email: string; resendAction: string };
  applied?: ApplicationListItem & { applicationsPath: string };
  form?: ApplyForm;
}

/** Where "Sign in to apply" takes a visitor: the sign-in page, coming back to the job. */
export const signInToApplyPath = (jobPath: string): string => `/login?next=${encodeURIComponent(jobPath)}`;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The job page's apply section, built from who is looking and, after a refused submission, what they sent. */
@Injectable()
export class ApplyPanelService {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly resumes: ResumesService,
  ) {}

  async panel(
    user: User | undefined,
    job: { id: string; path: string },
    questions: PublicScreeningQuestion[],
    values: ApplyFormValues = {},
  ): Promise<ApplyPanel> {
    if (!user) return { signedOut: { registerPath: `/register?role=candidate&next=${encodeURIComponent(job.path)}` } };
    const refusal = applicantRefusal(user);
    if (refusal === 'not_candidate') return { notCandidate: true };
    const applied = await this.applications.findMineForJob(user, job.id);
    if (applied) return { applied: { ...toApplicationListItem(applied), applicationsPath: MY_APPLICATIONS_PATH } };
    if (refusal === 'unverified') return { unverified: { email: user.email, resendAction: `/jobs/${job.id}/verify-email/resend` } };
    return { form: await this.form(user, job, questions, values) };
  }

  /** The candidate's resumes to choose from (the default, or the one chosen before, ticked) and the job's questions. */
  private async form(user: User, job: { id: string }, questions: PublicScreeningQuestion[], values: ApplyFormValues): Promise<ApplyForm> {
    const resumes = await this.resumes.list(user.id);
    const chosen = text(values.resumeId) || resumes.find((r) => r.isDefault)?.id || UPLOAD_CHOICE;
    return {
      action: `/jobs/${job.id}/apply`,
      resumes: resumes.map((r) => ({
        value: r.id,
        label: r.fileName,
        hint: `uploaded ${dateView(r.createdAt)!.label}${r.isDefault ? ', your default' : ''}`,
        inputId: `resumeId-${r.id}`,
        checked: r.id === chosen,
      })),
      upload: { inputId: `resumeId-${UPLOAD_CHOICE}`, checked: chosen === UPLOAD_CHOICE || !resumes.some((r) => r.id === chosen) },
      questions: questions.map((q) => {
        const name = answerField(q.id);
        const given = text(values[name]);
        const offered = q.kind === 'yes_no' ? ['Yes', 'No'] : q.kind === 'choice' ? (q.choices ?? []) : [];
        return {
          name,
          text: q.text,
          required: q.required,
          written: q.kind === 'text',
          maxLength: MAX_WRITTEN_ANSWER,
          options: offered.map((label, i) => {
            const value = q.kind === 'yes_no' ? label.toLowerCase() : label;
            return { value, label, inputId: `${name}-${i}`, checked: value === given };
          }),
        };
      }),
      coverLetterMax: MAX_COVER_LETTER,
    };
  }
}
