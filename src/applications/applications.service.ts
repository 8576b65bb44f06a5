import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditLog } from '../audit/audit-log.service';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { Env } from '../config/env';
import { isUuid } from '../employers/organization-access';
import { Job } from '../jobs/job.entity';
import { jobPath } from '../jobs/job-paths';
import { dateView } from '../jobs/job-presenter';
import { MailService } from '../mail/mail.service';
import { Resume } from '../candidates/resume.entity';
import { UploadedResumeFile } from '../candidates/resume-upload';
import { ResumesService } from '../candidates/resumes.service';
import { User } from '../users/user.entity';
import { ApplicationEvent } from './application-event.entity';
import { Application } from './application.entity';
import { APPLICATION_STATUS_LABELS, canWithdraw } from './application-status';
import { appliedJobState, CandidateApplicationView, toCandidateApplicationView } from './application-view';
import { IdempotencyService, IdempotentAnswer, IdempotentRequest } from './idempotency.service';
import { APPLICATION_EMAILS_PAGE, applicantsPath, applicationPath } from './pipeline/pipeline-paths';
import { checkAnswers, SubmittedAnswer } from './screening-answers';

/** What a candidate sends to apply: a resume (one of theirs, a new file, or else their default one), a cover letter, answers. */
export interface ApplyInput {
  resumeId?: string;
  file?: UploadedResumeFile;
  coverLetter?: string;
  answers?: SubmittedAnswer[];
}

export const MY_APPLICATIONS_PATH = '/me/applications';

/** Why a user may not apply at all, or null: coders with a verified email address apply. */
export function applicantRefusal(user: User): 'not_candidate' | 'unverified' | null {
  if (user.role !== 'candidate') return 'not_candidate';
  return user.emailVerified ? null : 'unverified';
}

const noSuchJob = () => new DomainError('not_found', 'There is no job open for applications at this address.');
const noSuchApplication = () => new DomainError('not_found', 'There is no such application among yours.');

/**
 * Applying, withdrawing and the candidate's own list. An application is one
 * transaction: the job is read under a share lock (so it cannot close
 * half-way), a new resume is stored, the row is inserted against the unique
 * (job, candidate) index, the first step of its timeline written, and the
 * receipt and the members' emails recorded for the mail queue. Anything
 * refused rolls all of it back.
 */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly resumes: ResumesService,
    private readonly idempotency: IdempotencyService,
    private readonly mail: MailService,
    private readonly clock: Clock,
    private readonly env: Env,
    private readonly auditLog: AuditLog,
  ) {}

  /** 201 with the new application; with an Idempotency-Key, the first answer again for the same request. */
  async apply(user: User, jobId: string, input: ApplyInput, idempotent?: IdempotentRequest): Promise<IdempotentAnswer<CandidateApplicationView>> {
    this.checkApplicant(user);
    return this.dataSource.transaction(async (manager) => {
      if (idempotent) {
        const replay = await this.idempotency.replay<CandidateApplicationView>(manager, user.id, idempotent);
        if (replay) return replay;
      }
      const job = await this.lockOpenJob(manager, jobId);
      const earlier = await this.alreadyApplied(manager, user, job);
      if (earlier) throw earlier;

      const { answers, knockout, errors } = checkAnswers(job.screeningQuestions, input.answers ?? []);
      if (Object.keys(errors).length) throw DomainError.invalid(errors, 'Some answers need attention.');
      const resume = await this.resumeToSend(manager, user, input);

      const now = this.clock.now();
      const inserted: Array<{ id: string }> = await manager.query(
        `INSERT INTO applications (job_id, organization_id, candidate_id, candidate_name, candidate_email, resume_id, cover_letter, answers, knockout, status, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'new', $10, $10)
         ON CONFLICT (job_id, candidate_id) DO NOTHING
         RETURNING id`,
        [job.id, job.organizationId, user.id, user.name, user.email, resume.id, input.coverLetter || null, JSON.stringify(answers), knockout, now],
      );
      // A parallel request (another tab, a double click) inserted first and has committed: this one changes nothing.
      if (!inserted.length) throw (await this.alreadyApplied(manager, user, job)) ?? new DomainError('conflict', 'You already applied to this job.');
      const applicationId = inserted[0].id;
      await manager.insert(ApplicationEvent, { applicationId, status: 'new', actorId: user.id, createdAt: now });
      await this.sendApplicationEmails(manager, user, job, { id: applicationId, knockout, resumeName: resume.fileName, appliedAt: now });

      const [view] = await this.views(manager, user.id, [applicationId]);
      return idempotent ? this.idempotency.keep(manager, user.id, idempotent, 201, view) : { status: 201, body: view, replayed: false };
    });
  }

  /** An open application → withdrawn, on the candidate's word; the employer sees it as withdrawn. */
  async withdraw(user: User, applicationId: string): Promise<CandidateApplicationView> {
    return this.dataSource.transaction(async (manager) => {
      const application = isUuid(applicationId)
        ? await manager.findOne(Application, { where: { id: applicationId, candidateId: user.id }, lock: { mode: 'pessimistic_write' } })
        : null;
      if (!application) throw noSuchApplication();
      if (!canWithdraw(application.status)) {
        throw new DomainError(
          'conflict',
          application.status === 'withdrawn'
            ? 'You have already withdrawn this application.'
            : `This application can no longer be withdrawn: its status is “${APPLICATION_STATUS_LABELS[application.status]}”.`,
        );
      }
      const now = this.clock.now();
      await manager.update(Application, { id: application.id }, { status: 'withdrawn', updatedAt: now });
      await manager.insert(ApplicationEvent, { applicationId: application.id, status: 'withdrawn', actorId: user.id, createdAt: now });
      await this.auditLog.record(manager, {
        actor: user,
        action: 'application.withdrawn',
        subject: { type: 'application', id: application.id },
        organizationId: application.organizationId,
        before: { status: application.status },
        after: { status: 'withdrawn' },
      });
      const [view] = await this.views(manager, user.id, [application.id]);
      return view;
    });
  }

  /** Every application of the candidate, newest first, each with its timeline. */
  listMine(user: User): Promise<CandidateApplicationView[]> {
    return this.views(this.dataSource.manager, user.id);
  }

  /** The candidate's application to a job, if any (for the job page). */
  async findMineForJob(user: User, jobId: string): Promise<CandidateApplicationView | null> {
    const application = await this.dataSource.manager.findOne(Application, { select: { id: true }, where: { jobId, candidateId: user.id } });
    return application ? ((await this.views(this.dataSource.manager, user.id, [application.id]))[0] ?? null) : null;
  }

  private checkApplicant(user: User): void {
    const refusal = applicantRefusal(user);
    if (refusal === 'not_candidate') {
      throw new DomainError('forbidden', 'Only coder accounts can apply to jobs. Employer and administrator accounts cannot apply.');
    }
    if (refusal === 'unverified') {
      throw new DomainError('forbidden', `Verify your email address before you apply: open the link we sent to ${user.email}, or ask for a new one.`);
    }
  }

  /**
   * The job under a share lock until the application commits: closing it
   * (which locks it for update) waits, or this waits for the close. Drafts,
   * postings in review and suspended ones are not found; a closed or expired one → 409.
   */
  private async lockOpenJob(manager: EntityManager, jobId: string): Promise<Job> {
    const job = isUuid(jobId) ? await manager.createQueryBuilder(Job, 'j').where('j.id = :jobId', { jobId }).setLock('pessimistic_read').getOne() : null;
    if (!job || job.status === 'draft' || job.status === 'pending_review' || job.status === 'suspended') throw noSuchJob();
    const state = appliedJobState(job, this.clock.now());
    if (state === 'filled' || state === 'closed') throw new DomainError('conflict', 'This job is closed and no longer accepts applications.');
    if (state === 'expired') throw new DomainError('conflict', 'This job has expired and no longer accepts applications.');
    if (job.applyMethod !== 'onsite') {
      throw new DomainError(
        'conflict',
        job.applyMethod === 'url'
          ? 'This employer takes applications on its own careers site: follow the link on the job page.'
          : 'This employer takes applications by email: the address is on the job page.',
      );
    }
    return job;
  }

  /** The refusal of a second application to the same job, or null for a first one. */
  private async alreadyApplied(manager: EntityManager, user: User, job: Job): Promise<DomainError | null> {
    const earlier = await manager.findOne(Application, { select: { id: true, createdAt: true }, where: { jobId: job.id, candidateId: user.id } });
    return earlier ? new DomainError('conflict', `You already applied to this job, on ${dateView(earlier.createdAt)!.label}.`) : null;
  }

  /** A new file (stored now, in this transaction), one of the candidate's resumes, or their default one. */
  private async resumeToSend(manager: EntityManager, user: User, input: ApplyInput): Promise<Resume> {
    if (input.file && input.resumeId) throw DomainError.invalid({ resume: ['Upload a new resume or choose one of yours, not both.'] });
    if (input.file) return this.resumes.store(manager, user.id, input.file);
    const resumeId = input.resumeId ?? (await this.resumes.list(user.id)).find((r) => r.isDefault)?.id;
    if (!resumeId) throw DomainError.invalid({ resume: ['Attach a resume: upload a PDF or Word (.docx) file.'] });
    // Locked until the application commits, so it cannot be deleted from the profile meanwhile.
    const resume = await this.resumes.findOwnedUsable(user.id, resumeId, manager);
    if (!resume) throw DomainError.invalid({ resumeId: ['Choose one of the resumes on your profile.'] });
    return resume;
  }

  /** The receipt to the candidate, and a message to each member of the organization who wants one per application. */
  private async sendApplicationEmails(
    manager: EntityManager,
    user: User,
    job: Job,
    application: { id: string; knockout: boolean; resumeName: string; appliedAt: Date },
  ): Promise<void> {
    const [organization]: Array<{ name: string }> = await manager.query(`SELECT name FROM organizations WHERE id = $1`, [job.organizationId]);
    const appliedOn = dateView(application.appliedAt)!.label;
    await this.mail.send(
      'application-received',
      user.email,
      {
        name: user.name,
        jobTitle: job.title,
        organizationName: organization.name,
        appliedOn,
        resumeName: application.resumeName,
        jobLink: `${this.env.appUrl}${jobPath(job)}`,
        applicationsLink: `${this.env.appUrl}${MY_APPLICATIONS_PATH}`,
      },
      { manager },
    );
    const members: Array<{ email: string; name: string }> = await manager.query(
      `SELECT u.email, u.name FROM organization_members m JOIN users u ON u.id = m.user_id
        WHERE m.organization_id = $1 AND m.application_emails = 'instant' AND u.disabled_at IS NULL ORDER BY u.email`,
      [job.organizationId],
    );
    for (const member of members) {
      await this.mail.send(
        'application-new',
        member.email,
        {
          name: member.name,
          candidateName: user.name,
          jobTitle: job.title,
          appliedOn,
          flagged: application.knockout,
          applicationLink: `${this.env.appUrl}${applicationPath(application.id)}`,
          applicantsLink: `${this.env.appUrl}${applicantsPath(job.id)}`,
          settingsLink: `${this.env.appUrl}${APPLICATION_EMAILS_PAGE}`,
        },
        { manager },
      );
    }
  }

  /** The candidate's applications (all, or those in `ids`) as they see them, newest first. */
  private async views(manager: EntityManager, candidateId: string, ids?: string[]): Promise<CandidateApplicationView[]> {
    const applications = await manager.find(Application, {
      where: { candidateId, ...(ids ? { id: In(ids) } : {}) },
      relations: { job: true, organization: true, resume: true },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
    if (!applications.length) return [];
    const events = await manager.find(ApplicationEvent, {
      where: { applicationId: In(applications.map((a) => a.id)) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const now = this.clock.now();
    return applications.map((a) =>
      toCandidateApplicationView(
        a,
        events.filter((e) => e.applicationId === a.id),
        now,
      ),
    );
  }
}
