import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLog } from '../../audit/audit-log.service';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/domain-error';
import { CandidateProfilesService, CandidateSummary, CredentialHeld, SpecialtyYears } from '../../candidates/candidate-profiles.service';
import { CandidateView } from '../../candidates/candidate-view.entity';
import { Resume } from '../../candidates/resume.entity';
import { isUuid } from '../../employers/organization-access';
import { formatSalary, httpUrl } from '../../jobs/job-presenter';
import { TaxonomyService } from '../../taxonomy/taxonomy.service';
import { User } from '../../users/user.entity';
import { Application, APPLICATION_STATUSES, ApplicationStatus, ScreeningAnswer } from '../application.entity';
import { APPLICATION_STATUS_LABELS, canEmployerMove, employerMovesFrom } from '../application-status';
import { ApplicationNotesService, NoteView } from './application-notes.service';
import { containsPattern } from '../../common/like-pattern';
import { ApplicantSort, ApplicantsParams, ApplicantsQuery, buildApplicantsQuery } from './applicants-query';
import { CandidateEmails, emailsCandidate } from './candidate-emails';
import { BulkRejectDto, MoveApplicationDto } from './dto/pipeline.dto';
import { applicationNotFound, findOwnedApplication, findOwnedJob, memberOrganizations, OwnedJob } from './pipeline-access';
import { recordStatusChange } from './status-change';

/** One applicant as the organization's list shows them. */
export interface ApplicantView {
  id: string;
  jobId: string;
  status: ApplicationStatus;
  statusLabel: string;
  appliedAt: string;
  updatedAt: string;
  candidate: {
    /** Null once the candidate deleted their account: the record stays, anonymized. */
    id: string | null;
    name: string;
    /** Applying shared it with this organization; null once anonymized. */
    email: string | null;
    anonymized: boolean;
    headline: string | null;
    city: string | null;
    state: string | null;
    yearsExperience: number | null;
    /** Valid ones first; expired ones stay listed, flagged. */
    credentials: CredentialHeld[];
    /** Most years first. */
    specialties: SpecialtyYears[];
  };
  answers: ScreeningAnswer[];
  /** Some answer is the one the employer marked as a knockout: flagged, never rejected automatically. */
  knockout: boolean;
  resume: { fileName: string; size: number; url: string } | null;
  /** The stages the organization may move it to next. */
  nextStatuses: ApplicationStatus[];
}

export interface ApplicantList {
  job: { id: string; title: string; status: string };
  query: ApplicantsQuery;
  /** Applications matching the filters. */
  total: number;
  /** All of the job's applications, by stage (filters aside). */
  counts: Record<ApplicationStatus, number> & { all: number };
  applications: ApplicantView[];
}

export interface TimelineEntry {
  status: ApplicationStatus;
  statusLabel: string;
  at: string;
  /** Who made the change: a team member's name, the candidate, or null when the system did (the job was filled). */
  actor: string | null;
  message: string | null;
}

/** The application page: the list's view with the cover letter, the fuller profile, the timeline and the team's notes. */
export interface ApplicationDetail extends ApplicantView {
  job: { id: string; title: string; status: string };
  coverLetter: string | null;
  /** Null when the candidate has not written a profile (or the account is gone). */
  profile:
    | (Pick<CandidateSummary, 'summary' | 'openToRelocation' | 'workplacePreferences' | 'settings' | 'tools'> & {
        desiredPay: string | null;
        /** Applying shared it with this organization, like the email. */
        linkedinUrl: string | null;
      })
    | null;
  timeline: TimelineEntry[];
  notes: NoteView[];
}

export interface BulkRejectResult {
  rejected: number;
  applications: Array<{ id: string; status: ApplicationStatus }>;
}

/** Where the API serves an application's resume; the web page has its own address. */
export const resumeApiPath = (applicationId: string): string => `/api/applications/${applicationId}/resume`;

/** The statuses are listed in pipeline order. */
const STAGE_ORDER = `array_position(ARRAY[${APPLICATION_STATUSES.map((s) => `'${s}'`).join(', ')}]::text[], a.status::text)`;

const ORDER_BY: Record<ApplicantSort, string> = {
  newest: 'a.created_at DESC, a.id',
  oldest: 'a.created_at ASC, a.id',
  name: 'lower(a.candidate_name), a.created_at DESC, a.id',
  status: `${STAGE_ORDER}, a.created_at DESC, a.id`,
};

interface ApplicantRow {
  id: string;
  job_id: string;
  candidate_id: string | null;
  candidate_name: string;
  candidate_email: string | null;
  status: ApplicationStatus;
  answers: ScreeningAnswer[];
  knockout: boolean;
  anonymized_at: Date | null;
  created_at: Date;
  updated_at: Date;
  cover_letter: string | null;
  resume_id: string | null;
  resume_file_name: string | null;
  resume_size: number | null;
  has_profile: boolean;
  linkedin_url: string | null;
}

const APPLICANT_COLUMNS = `a.id, a.job_id, a.candidate_id, a.candidate_name, a.candidate_email, a.status, a.answers, a.knockout, a.anonymized_at,
       a.created_at, a.updated_at, a.cover_letter, r.id AS resume_id, r.file_name AS resume_file_name, r.size AS resume_size,
       p.user_id IS NOT NULL AS has_profile, p.linkedin_url`;

const APPLICANT_JOINS = `LEFT JOIN resumes r ON r.id = a.resume_id
  LEFT JOIN candidate_profiles p ON p.user_id = a.candidate_id`;

/**
 * The employer's side of applications: the applicant list of a job, the
 * application page, moving applications along the pipeline (with the
 * candidate's emails), bulk rejection and resume downloads. Every query
 * names the user's organizations, so another organization's application is
 * simply not found.
 */
@Injectable()
export class PipelineService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly taxonomy: TaxonomyService,
    private readonly profiles: CandidateProfilesService,
    private readonly notes: ApplicationNotesService,
    private readonly candidateEmails: CandidateEmails,
    private readonly clock: Clock,
    private readonly auditLog: AuditLog,
  ) {}

  async applicants(user: User, jobId: string, params: ApplicantsParams): Promise<ApplicantList> {
    const manager = this.dataSource.manager;
    const job = await findOwnedJob(manager, user.id, jobId);
    const credentials = (await this.taxonomy.listCredentials()).map((c) => c.code);
    const query = buildApplicantsQuery(params, credentials);

    const conditions = [`a.job_id = $1`, `a.organization_id IN (${memberOrganizations('$2')})`];
    const values: unknown[] = [job.id, user.id];
    const param = (value: unknown) => `$${values.push(value)}`;
    if (query.status) conditions.push(`a.status = ${param(query.status)}`);
    if (query.credential) {
      conditions.push(
        `EXISTS (SELECT 1 FROM candidate_credentials c WHERE c.user_id = a.candidate_id AND c.credential_code = ${param(query.credential)}
                 AND (c.expires_on IS NULL OR c.expires_on >= ${param(this.today())}::date))`,
      );
    }
    if (query.q) {
      const pattern = param(containsPattern(query.q));
      conditions.push(
        `(a.candidate_name ILIKE ${pattern} OR a.candidate_email ILIKE ${pattern} OR p.headline ILIKE ${pattern} OR a.cover_letter ILIKE ${pattern})`,
      );
    }
    const where = conditions.join(' AND ');

    const [[{ total }], rows, byStatus] = await Promise.all([
      manager.query(`SELECT count(*)::int AS total FROM applications a ${APPLICANT_JOINS} WHERE ${where}`, values) as Promise<Array<{ total: number }>>,
      manager.query(
        `SELECT ${APPLICANT_COLUMNS} FROM applications a ${APPLICANT_JOINS} WHERE ${where}
          ORDER BY ${ORDER_BY[query.sort]} LIMIT ${query.perPage} OFFSET ${(query.page - 1) * query.perPage}`,
        values,
      ) as Promise<ApplicantRow[]>,
      manager.query(
        `SELECT a.status, count(*)::int AS n FROM applications a WHERE a.job_id = $1 AND a.organization_id IN (${memberOrganizations('$2')}) GROUP BY a.status`,
        [job.id, user.id],
      ) as Promise<Array<{ status: ApplicationStatus; n: number }>>,
    ]);

    const counts = { all: 0, ...Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, 0])) } as ApplicantList['counts'];
    for (const { status, n } of byStatus) {
      counts[status] = n;
      counts.all += n;
    }
    const summaries = await this.profiles.summaryFor(this.candidateIds(rows));
    return {
      job: { id: job.id, title: job.title, status: job.status },
      query,
      total,
      counts,
      applications: rows.map((row) => this.toView(row, summaries)),
    };
  }

  async application(user: User, id: string): Promise<ApplicationDetail> {
    const manager = this.dataSource.manager;
    const [row]: ApplicantRow[] = isUuid(id)
      ? await manager.query(
          `SELECT ${APPLICANT_COLUMNS} FROM applications a ${APPLICANT_JOINS} WHERE a.id = $1 AND a.organization_id IN (${memberOrganizations('$2')})`,
          [id, user.id],
        )
      : [];
    if (!row) throw applicationNotFound();
    const [job, summaries, timeline, notes] = await Promise.all([
      findOwnedJob(manager, user.id, row.job_id),
      this.profiles.summaryFor(this.candidateIds([row])),
      this.timeline(manager, row.id),
      this.notes.list(user, row.id),
    ]);
    const summary = row.candidate_id ? summaries.get(row.candidate_id) : undefined;
    return {
      ...this.toView(row, summaries),
      job: { id: job.id, title: job.title, status: job.status },
      coverLetter: row.cover_letter,
      profile:
        summary && row.has_profile
          ? {
              summary: summary.summary,
              openToRelocation: summary.openToRelocation,
              workplacePreferences: summary.workplacePreferences,
              desiredPay: summary.desiredPay && formatSalary({ ...summary.desiredPay, max: null, currency: 'USD' }),
              settings: summary.settings,
              tools: summary.tools,
              linkedinUrl: httpUrl(row.linkedin_url),
            }
          : null,
      timeline,
      notes,
    };
  }

  /**
   * Moves an application to its next stage, as the pipeline allows (409
   * otherwise, nothing changed). The change is stored with who made it; the
   * candidate is emailed for interviewing, offered, hired and rejected, with
   * the optional personal message.
   */
  async move(user: User, id: string, input: MoveApplicationDto): Promise<ApplicationDetail> {
    const message = input.message ?? null;
    if (message && !emailsCandidate(input.status)) {
      throw DomainError.invalid({
        message: [
          'The candidate is emailed only when an application moves to interviewing, offered, hired or not selected. Keep other remarks as a private note.',
        ],
      });
    }
    await this.dataSource.transaction(async (manager) => {
      const application = await findOwnedApplication(manager, user.id, id, true);
      if (!canEmployerMove(application.status, input.status)) throw this.cannotMove(application.status, input.status);
      const job = await findOwnedJob(manager, user.id, application.jobId);
      await recordStatusChange(manager, [application.id], input.status, user.id, message);
      await this.auditStatusChanges(manager, user, [application], input.status, message);
      if (emailsCandidate(input.status)) {
        await this.candidateEmails.statusChanged(manager, this.emailContext(application, job), input.status, message);
      }
    });
    return this.application(user, id);
  }

  /**
   * Rejects several of a job's applications at once, with one optional
   * message to all of them. All or nothing: an application that is not this
   * job's (404) or already closed (409) changes none.
   */
  async bulkReject(user: User, jobId: string, input: BulkRejectDto): Promise<BulkRejectResult> {
    const message = input.message ?? null;
    return this.dataSource.transaction(async (manager) => {
      const job = await findOwnedJob(manager, user.id, jobId);
      // Locked in id order, so two overlapping bulk actions cannot deadlock.
      const applications = await manager
        .createQueryBuilder(Application, 'a')
        .where('a.id IN (:...ids) AND a.job_id = :jobId', { ids: input.applicationIds, jobId: job.id })
        .andWhere(`a.organization_id IN (${memberOrganizations(':userId')})`, { userId: user.id })
        .orderBy('a.id')
        .setLock('pessimistic_write')
        .getMany();
      if (applications.length !== input.applicationIds.length) {
        throw new DomainError('not_found', 'Some of the chosen applications are not among this job’s applicants. Nothing was changed.');
      }
      const closed = applications.filter((a) => !canEmployerMove(a.status, 'rejected'));
      if (closed.length) {
        throw new DomainError(
          'conflict',
          `${closed.length === 1 ? '1 of the chosen applications is' : `${closed.length} of the chosen applications are`} already closed (hired, not selected or withdrawn). Nothing was changed.`,
          { applicationIds: closed.map((a) => `${a.candidateName} is ${APPLICATION_STATUS_LABELS[a.status].toLowerCase()}.`) },
        );
      }
      await recordStatusChange(
        manager,
        applications.map((a) => a.id),
        'rejected',
        user.id,
        message,
      );
      await this.auditStatusChanges(manager, user, applications, 'rejected', message);
      for (const application of applications) {
        await this.candidateEmails.statusChanged(manager, this.emailContext(application, job), 'rejected', message);
      }
      return { rejected: applications.length, applications: applications.map((a) => ({ id: a.id, status: 'rejected' as const })) };
    });
  }

  /**
   * The resume attached to the application, with its bytes, for a member of
   * the organization; each download is recorded for the candidate to see.
   */
  async resume(user: User, id: string): Promise<Resume> {
    return this.dataSource.transaction(async (manager) => {
      const application = await findOwnedApplication(manager, user.id, id);
      const resume = application.resumeId
        ? await manager.createQueryBuilder(Resume, 'r').addSelect('r.content').where('r.id = :id', { id: application.resumeId }).getOne()
        : null;
      if (!resume) throw new DomainError('not_found', 'This application has no resume.');
      if (application.candidateId) {
        await manager.insert(CandidateView, {
          candidateId: application.candidateId,
          organizationId: application.organizationId,
          viewerId: user.id,
          kind: 'resume',
          resumeId: resume.id,
          applicationId: application.id,
        });
      }
      return resume;
    });
  }

  /** One event per application; the candidate's data stays out of the log, the message only as present or not. */
  private auditStatusChanges(
    manager: EntityManager,
    user: User,
    applications: Application[],
    status: ApplicationStatus,
    message: string | null,
  ): Promise<void> {
    return this.auditLog.recordAll(
      manager,
      applications.map((application) => ({
        actor: user,
        action: 'application.status_changed' as const,
        subject: { type: 'application' as const, id: application.id },
        organizationId: application.organizationId,
        before: { status: application.status },
        after: { status, withMessage: message !== null },
      })),
    );
  }

  private cannotMove(from: ApplicationStatus, to: ApplicationStatus): DomainError {
    const next = employerMovesFrom(from);
    const hint =
      from === 'withdrawn'
        ? 'The candidate withdrew it.'
        : next.length
          ? `From ${APPLICATION_STATUS_LABELS[from].toLowerCase()} it can move to ${next.map((s) => APPLICATION_STATUS_LABELS[s].toLowerCase()).join(' or ')}.`
          : 'It is closed.';
    return new DomainError(
      'conflict',
      `This application is ${APPLICATION_STATUS_LABELS[from].toLowerCase()}; it cannot move to ${APPLICATION_STATUS_LABELS[to].toLowerCase()}. ${hint}`,
      {
        status: [`Choose one of: ${next.map((s) => APPLICATION_STATUS_LABELS[s]).join(', ') || 'none (the application is closed)'}.`],
      },
    );
  }

  private emailContext(application: Application, job: OwnedJob) {
    return { candidateId: application.candidateId, jobTitle: job.title, organizationName: job.organizationName };
  }

  private async timeline(manager: EntityManager, applicationId: string): Promise<TimelineEntry[]> {
    const rows: Array<{ status: ApplicationStatus; created_at: Date; actor: string | null; message: string | null }> = await manager.query(
      `SELECT e.status, e.created_at, u.name AS actor, e.message
         FROM application_events e LEFT JOIN users u ON u.id = e.actor_id
        WHERE e.application_id = $1 ORDER BY e.created_at, e.id`,
      [applicationId],
    );
    return rows.map((r) => ({
      status: r.status,
      statusLabel: APPLICATION_STATUS_LABELS[r.status],
      at: r.created_at.toISOString(),
      actor: r.actor,
      message: r.message,
    }));
  }

  private toView(row: ApplicantRow, summaries: Map<string, CandidateSummary>): ApplicantView {
    const summary = row.candidate_id ? summaries.get(row.candidate_id) : undefined;
    return {
      id: row.id,
      jobId: row.job_id,
      status: row.status,
      statusLabel: APPLICATION_STATUS_LABELS[row.status],
      appliedAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      candidate: {
        id: row.candidate_id,
        name: row.candidate_name,
        email: row.anonymized_at ? null : row.candidate_email,
        anonymized: row.anonymized_at !== null,
        headline: summary?.headline ?? null,
        city: summary?.city ?? null,
        state: summary?.state ?? null,
        yearsExperience: summary?.yearsExperience ?? null,
        // Stable sort: the valid ones first, each group in its own order.
        credentials: [...(summary?.credentials ?? [])].sort((a, b) => Number(a.expired) - Number(b.expired)),
        specialties: summary?.specialties ?? [],
      },
      answers: row.answers,
      knockout: row.knockout,
      resume: row.resume_id ? { fileName: row.resume_file_name!, size: row.resume_size!, url: resumeApiPath(row.id) } : null,
      nextStatuses: [...employerMovesFrom(row.status)],
    };
  }

  private candidateIds(rows: ApplicantRow[]): string[] {
    return rows.map((r) => r.candidate_id).filter((id): id is string => id !== null);
  }

  private today(): string {
    return this.clock.now().toISOString().slice(0, 10);
  }
}
