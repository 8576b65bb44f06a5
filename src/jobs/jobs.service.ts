import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { AlertMatcher } from '../alerts/engine/alert-matcher';
import { AuditAction } from '../audit/audit-actions';
import { AuditLog } from '../audit/audit-log.service';
import { Clock } from '../common/clock';
import { DomainError, FieldErrors } from '../common/domain-error';
import { renderMarkdown } from '../common/markdown';
import { Env } from '../config/env';
import { Organization } from '../employers/organization.entity';
import { MailService } from '../mail/mail.service';
import { JOB_FILLED_QUEUE, JobFilledJob } from '../applications/pipeline/job-filled-notices';
import { QueueService } from '../queue/queue.service';
import { ReportsService } from '../reports/reports.service';
import { SearchSyncService } from '../search/search-sync.service';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { User } from '../users/user.entity';
import { CreateJobDto, JobInputDto, UpdateJobDto } from './dto/job-input.dto';
import { ExtendLinks, formatExpiryDate } from './extend-link';
import { CloseReason, Job, JobStatus } from './job.entity';
import { jobPath } from './job-paths';
import { postingContacts } from './posting-contacts';
import { normalizeScreeningQuestions, withoutKnockouts } from './screening-questions';

const DAY_MS = 86400_000;
const DEFAULT_VALID_DAYS = 30;
const MAX_VALID_DAYS = 90;
/** The expiry warning goes out this long before a posting expires. */
const WARN_DAYS = 3;

/** The ownership rule, inside every query: the job's organization is one the user belongs to. */
const OWNED_BY_MEMBER = 'j.organization_id IN (SELECT m.organization_id FROM organization_members m WHERE m.user_id = :userId)';

/** Why an action does not apply to a job in its current state. */
const WRONG_STATUS: Record<JobStatus, string> = {
  draft: 'This job is still a draft.',
  pending_review: 'This job is waiting for review.',
  published: 'This job is already published.',
  closed: 'This job is closed. Duplicate it to post it again.',
  expired: 'This job has expired. Renew it to publish it again.',
  suspended: 'Your organization is suspended, so its postings are hidden.',
};

const notFound = () => new DomainError('not_found', 'There is no such job among your organization’s postings.');
const conflict = (job: Job, action: string) => new DomainError('conflict', `You cannot ${action} this job. ${WRONG_STATUS[job.status]}`);

/** A PATCH body may carry null for any field. */
type JobPatch = { [K in keyof JobInputDto]?: JobInputDto[K] | null };

/** The fields every posting needs, with the message when a PATCH clears one. */
const REQUIRED = {
  title: 'Enter a title.',
  description: 'Describe the job.',
  employmentType: 'Choose an employment type.',
  workplace: 'Choose onsite, hybrid or remote.',
} as const;

/** What a new posting holds before its content is written. */
const BLANK: Partial<Job> = {
  status: 'draft',
  locations: [],
  remoteStates: [],
  salaryMin: null,
  salaryMax: null,
  salaryCurrency: 'USD',
  salaryPeriod: null,
  credentialCodes: [],
  apprenticeFriendly: false,
  specialtySlugs: [],
  settingSlugs: [],
  minYearsExperience: null,
  tools: [],
  productivity: null,
  applyMethod: 'onsite',
  applyUrl: null,
  applyEmail: null,
  screeningQuestions: [],
  validThrough: null,
};

const INVALID_EXTEND_LINK = 'This extend link is not valid or has expired. Sign in to renew the job from your employer dashboard.';

/**
 * The life of a posting, from draft to closed or expired. Every write runs in
 * one transaction that locks the job; the member's access is part of the
 * query that finds it, so another organization's job is simply not found.
 */
@Injectable()
export class JobsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly taxonomy: TaxonomyService,
    private readonly mail: MailService,
    private readonly extendLinks: ExtendLinks,
    private readonly clock: Clock,
    private readonly env: Env,
    private readonly searchSync: SearchSyncService,
    private readonly queue: QueueService,
    private readonly alertMatcher: AlertMatcher,
    private readonly auditLog: AuditLog,
    private readonly reports: ReportsService,
  ) {}

  /** A draft in the user's organization, or (with `publish`) a posting published or sent for review at once. */
  async create(user: User, input: CreateJobDto): Promise<Job> {
    const { publish, ...content } = input;
    return this.dataSource.transaction(async (manager) => {
      const [membership] = (await manager.query(`SELECT organization_id FROM organization_members WHERE user_id = $1`, [user.id])) as Array<{
        organization_id: string;
      }>;
      if (!membership) throw new DomainError('forbidden', 'Your account does not belong to an organization, so it cannot post jobs.');
      const organization = await manager.findOneByOrFail(Organization, { id: membership.organization_id });
      const job = manager.create(Job, { ...BLANK, organizationId: organization.id, createdBy: user.id });
      await this.applyContent(job, content);
      if (publish) this.goLive(job, organization);
      const saved = await this.saved(manager, job, organization);
      if (publish) await this.recordGoLive(manager, user, saved, null);
      return saved;
    });
  }

  /**
   * Changes a draft, a posting waiting for review or a published one. A
   * published posting stays published, except that an unverified
   * organization's new title or description goes back to review (when moderation is on).
   */
  async update(user: User, id: string, input: UpdateJobDto): Promise<Job> {
    return this.dataSource.transaction(async (manager) => {
      const job = await this.lockForMember(manager, user, id);
      if (job.status === 'closed' || job.status === 'expired') throw conflict(job, 'edit');
      const before = { title: job.title, description: job.description, validThrough: job.validThrough?.getTime() };
      await this.applyContent(job, input);
      if (job.status !== 'draft') {
        if (!job.validThrough) throw DomainError.invalid({ validThrough: ['A posting that has been published needs an expiry date.'] });
        if (job.validThrough.getTime() !== before.validThrough) job.expiryWarnedAt = null;
      }
      const organization = await this.organizationOf(manager, job);
      const changed = (['title', 'description'] as const).filter((field) => job[field] !== before[field]);
      const backToReview = job.status === 'published' && changed.length > 0 && this.needsReview(organization);
      if (backToReview) job.status = 'pending_review';
      const saved = await this.saved(manager, job, organization);
      if (backToReview) await this.audit(manager, user, 'job.submitted_for_review', saved, { status: 'published' }, { status: saved.status, changed });
      return saved;
    });
  }

  /** Draft → published (verified organization, or moderation off) or pending_review. */
  async publish(user: User, id: string): Promise<Job> {
    return this.dataSource.transaction(async (manager) => {
      const job = await this.lockForMember(manager, user, id);
      if (job.status !== 'draft') throw conflict(job, 'publish');
      const organization = await this.organizationOf(manager, job);
      this.goLive(job, organization);
      const saved = await this.saved(manager, job, organization);
      await this.recordGoLive(manager, user, saved, { status: 'draft' });
      return saved;
    });
  }

  /** Published or waiting for review → closed, as filled or closed early. */
  async close(user: User, id: string, reason: CloseReason): Promise<Job> {
    return this.dataSource.transaction(async (manager) => {
      const job = await this.lockForMember(manager, user, id);
      if (job.status !== 'published' && job.status !== 'pending_review') throw conflict(job, 'close');
      await this.audit(manager, user, 'job.closed', job, { status: job.status }, { status: 'closed', reason });
      Object.assign(job, { status: 'closed', closedAt: this.clock.now(), closeReason: reason });
      // Applicants still waiting hear that the position is filled (src/applications/pipeline/job-filled-notices.ts).
      if (reason === 'filled') await this.queue.enqueue<JobFilledJob>(JOB_FILLED_QUEUE, { jobId: job.id }, { manager });
      return this.saved(manager, job);
    });
  }

  /**
   * A published or expired posting → published until `validThrough` (default
   * 30 days from now, at most 90). It was reviewed when first published, so a
   * renewal does not go back to review. A closed posting is not reopened:
   * the employer said it is over, and duplicating it posts it again.
   */
  async renew(user: User, id: string, validThrough?: Date): Promise<Job> {
    return this.dataSource.transaction(async (manager) => {
      const job = await this.lockForMember(manager, user, id);
      if (job.status !== 'published' && job.status !== 'expired') throw conflict(job, 'renew');
      const until = validThrough ?? this.daysFromNow(DEFAULT_VALID_DAYS);
      this.checkValidThrough(until);
      await this.audit(manager, user, 'job.renewed', job, { status: job.status, validThrough: job.validThrough }, { status: 'published', validThrough: until });
      Object.assign(job, { status: 'published', validThrough: until, expiryWarnedAt: null });
      return this.saved(manager, job);
    });
  }

  /** A new draft with the same content, to post again or to start a similar posting. */
  async duplicate(user: User, id: string): Promise<Job> {
    return this.dataSource.transaction(async (manager) => {
      const source = await this.lockForMember(manager, user, id);
      const copy = manager.create(Job, {
        organizationId: source.organizationId,
        createdBy: user.id,
        status: 'draft',
        title: source.title,
        description: source.description,
        descriptionHtml: source.descriptionHtml,
        employmentType: source.employmentType,
        workplace: source.workplace,
        locations: source.locations,
        locationStates: source.locationStates,
        remoteStates: source.remoteStates,
        salaryMin: source.salaryMin,
        salaryMax: source.salaryMax,
        salaryCurrency: source.salaryCurrency,
        salaryPeriod: source.salaryPeriod,
        credentialCodes: source.credentialCodes,
        apprenticeFriendly: source.apprenticeFriendly,
        specialtySlugs: source.specialtySlugs,
        settingSlugs: source.settingSlugs,
        minYearsExperience: source.minYearsExperience,
        tools: source.tools,
        productivity: source.productivity,
        applyMethod: source.applyMethod,
        applyUrl: source.applyUrl,
        applyEmail: source.applyEmail,
        screeningQuestions: source.screeningQuestions,
      });
      return this.saved(manager, copy);
    });
  }

  /** Only drafts are deleted; a posting the public has seen is closed instead, so its history stays. */
  async deleteDraft(user: User, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const job = await this.lockForMember(manager, user, id);
      if (job.status !== 'draft') throw new DomainError('conflict', `Only drafts can be deleted. ${WRONG_STATUS[job.status]} Close it instead.`);
      await manager.delete(Job, { id: job.id });
    });
  }

  async findForMember(user: User, id: string): Promise<Job> {
    const job = isUUID(id)
      ? await this.withOrganization(this.dataSource.manager).where('j.id = :id', { id }).andWhere(OWNED_BY_MEMBER, { userId: user.id }).getOne()
      : null;
    if (!job) throw notFound();
    return job;
  }

  /**
   * A published posting for anyone; any other state for the organization's
   * members, and for admins every posting but drafts (they review them).
   * Which screening answers flag an applicant is for the team and admins only.
   */
  async findForViewer(user: User | undefined, id: string): Promise<Job> {
    const query = this.withOrganization(this.dataSource.manager).where('j.id = :id', { id });
    const visible = user?.role === 'admin' ? `j.status <> 'draft'` : `j.status = 'published'`;
    if (user) query.andWhere(`(${visible} OR ${OWNED_BY_MEMBER})`, { userId: user.id });
    else query.andWhere(visible);
    const job = isUUID(id) ? await query.getOne() : null;
    if (!job) throw notFound();
    if (user?.role !== 'admin' && !(user && (await this.isMember(user, job)))) {
      job.screeningQuestions = withoutKnockouts(job.screeningQuestions);
    }
    return job;
  }

  private async isMember(user: User, job: Job): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM organization_members WHERE organization_id = $1 AND user_id = $2`, [
      job.organizationId,
      user.id,
    ]);
    return rows.length > 0;
  }

  /** The user's organization's postings, newest first. */
  listForMember(user: User, status?: JobStatus): Promise<Job[]> {
    const query = this.withOrganization(this.dataSource.manager).where(OWNED_BY_MEMBER, { userId: user.id });
    if (status) query.andWhere('j.status = :status', { status });
    return query.orderBy('j.created_at', 'DESC').addOrderBy('j.id').getMany();
  }

  /** Admin: a posting waiting for review goes live; reports that paused it are dismissed. */
  async approve(admin: User, id: string): Promise<Job> {
    return this.dataSource.transaction(async (manager) => {
      const job = await this.lockForReview(manager, id, 'approve');
      this.approveInto(job);
      const dismissed = await this.reports.resolveOpen(manager, admin, job.id, 'dismissed');
      await this.audit(
        manager,
        admin,
        'job.approved',
        job,
        { status: 'pending_review' },
        { status: 'published', ...(dismissed ? { reportsDismissed: dismissed } : {}) },
      );
      return this.saved(manager, job);
    });
  }

  /**
   * Admin: a posting waiting for review goes back to draft with the reason,
   * which the employer reads on the job and by email; reports about it are upheld.
   */
  async reject(admin: User, id: string, reason: string): Promise<Job> {
    const note = reason.trim();
    if (!note) throw DomainError.invalid({ reason: ['Say what the employer needs to change.'] });
    return this.dataSource.transaction(async (manager) => {
      const job = await this.lockForReview(manager, id, 'reject');
      Object.assign(job, { status: 'draft', reviewNote: note });
      const upheld = await this.reports.resolveOpen(manager, admin, job.id, 'upheld');
      await this.audit(
        manager,
        admin,
        'job.rejected',
        job,
        { status: 'pending_review' },
        { status: 'draft', reason: note, ...(upheld ? { reportsUpheld: upheld } : {}) },
      );
      const recipients = await postingContacts(manager, job);
      const context = { jobTitle: job.title, reason: note, editLink: `${this.env.appUrl}/employer/jobs/${job.id}/edit` };
      for (const recipient of recipients) await this.mail.send('job-rejected', recipient.email, { name: recipient.name, ...context }, { manager });
      return this.saved(manager, job);
    });
  }

  /** Admin: marks an organization genuine; its postings waiting for review go live with it. */
  async verifyOrganization(admin: User, id: string): Promise<Organization> {
    return this.dataSource.transaction(async (manager) => {
      const organization = isUUID(id) ? await manager.findOne(Organization, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!organization) throw new DomainError('not_found', 'There is no such organization.');
      if (!organization.verifiedAt) {
        organization.verifiedAt = this.clock.now();
        await manager.update(Organization, { id }, { verifiedAt: organization.verifiedAt });
        await this.auditLog.record(manager, {
          actor: admin,
          action: 'organization.verified',
          subject: { type: 'organization', id },
          organizationId: id,
          before: { verified: false },
          after: { verified: true },
        });
      }
      // A posting paused by reports stays in review: verification says who the employer is, not that the posting is sound.
      const waiting = await manager
        .createQueryBuilder(Job, 'j')
        .where('j.organization_id = :id', { id })
        .andWhere(`j.status = 'pending_review'`)
        .andWhere(`NOT EXISTS (SELECT 1 FROM job_reports r WHERE r.job_id = j.id AND r.resolved_at IS NULL)`)
        .setLock('pessimistic_write')
        .getMany();
      for (const job of waiting) this.approveInto(job);
      await manager.save(waiting);
      await this.searchSync.jobsChanged(
        manager,
        waiting.map((job) => job.id),
      );
      await this.alertMatcher.jobsChanged(
        manager,
        waiting.map((job) => job.id),
      );
      return organization;
    });
  }

  /**
   * Published postings whose validThrough has passed become expired. One
   * statement, so overlapping runs on several instances cannot disagree.
   */
  async expireDue(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .update(Job)
        .set({ status: 'expired' })
        .where(`status = 'published' AND valid_through < :now`, { now: this.clock.now() })
        .returning('id')
        .updateEntity(false)
        .execute();
      const ids = (result.raw as Array<{ id: string }>).map((row) => row.id);
      await this.searchSync.jobsChanged(manager, ids);
      return ids.length;
    });
  }

  /**
   * Emails the owners and the author of each published posting that expires
   * within three days a one-click extend link, once per expiry date (a
   * renewal clears `expiryWarnedAt`). Each posting is marked in the
   * transaction that records its emails, so a failure leaves it for the next run.
   */
  async warnExpiring(): Promise<number> {
    const now = this.clock.now();
    const due = `j.status = 'published' AND j.expiry_warned_at IS NULL AND j.valid_through >= :now AND j.valid_through <= :horizon`;
    const params = { now, horizon: new Date(now.getTime() + WARN_DAYS * DAY_MS) };
    const candidates = await this.dataSource.manager.createQueryBuilder(Job, 'j').select('j.id').where(due, params).getMany();
    let warned = 0;
    for (const { id } of candidates) {
      const sent = await this.dataSource.transaction(async (manager) => {
        // Skip a posting another instance is warning about right now.
        const job = await manager
          .createQueryBuilder(Job, 'j')
          .where('j.id = :id', { id })
          .andWhere(due, params)
          .setLock('pessimistic_write')
          .setOnLocked('skip_locked')
          .getOne();
        if (!job?.validThrough) return false;
        const recipients = await postingContacts(manager, job);
        const context = {
          jobTitle: job.title,
          expiresOn: formatExpiryDate(job.validThrough),
          extendLink: this.extendLinks.url({ id: job.id, validThrough: job.validThrough }),
          jobLink: `${this.env.appUrl}${jobPath(job)}`,
        };
        for (const recipient of recipients) await this.mail.send('job-expiring', recipient.email, { name: recipient.name, ...context }, { manager });
        await manager.update(Job, { id: job.id }, { expiryWarnedAt: now });
        return true;
      });
      if (sent) warned += 1;
    }
    return warned;
  }

  /** The posting an extend link names, for the page that asks to confirm. */
  async findByExtendToken(token: string, jobId: string): Promise<Job> {
    const job = await this.withOrganization(this.dataSource.manager)
      .where('j.id = :id', { id: this.jobIdOfLink(token, jobId) })
      .getOne();
    if (!job) throw DomainError.invalid({ token: [INVALID_EXTEND_LINK] }, INVALID_EXTEND_LINK);
    if (job.status !== 'published' && job.status !== 'expired') throw conflict(job, 'extend');
    return job;
  }

  /**
   * The extend link's action: published again until 30 days from now. It
   * never shortens a posting the employer has already renewed for longer.
   */
  async extendWithToken(token: string, jobId?: string): Promise<Job> {
    const id = this.jobIdOfLink(token, jobId);
    return this.dataSource.transaction(async (manager) => {
      const job = await manager.createQueryBuilder(Job, 'j').where('j.id = :id', { id }).setLock('pessimistic_write').getOne();
      if (!job) throw DomainError.invalid({ token: [INVALID_EXTEND_LINK] }, INVALID_EXTEND_LINK);
      if (job.status !== 'published' && job.status !== 'expired') throw conflict(job, 'extend');
      const extended = this.daysFromNow(DEFAULT_VALID_DAYS);
      const until = job.validThrough && job.validThrough > extended ? job.validThrough : extended;
      // No signed-in actor: the signed link, emailed to the owners and the author, is the authority.
      await this.audit(
        manager,
        null,
        'job.renewed',
        job,
        { status: job.status, validThrough: job.validThrough },
        { status: 'published', validThrough: until, via: 'emailed extend link' },
      );
      Object.assign(job, { status: 'published', validThrough: until, expiryWarnedAt: null });
      return this.saved(manager, job);
    });
  }

  private jobIdOfLink(token: string, expectedJobId?: string): string {
    const id = this.extendLinks.jobIdOf(token);
    if (!id || !isUUID(id) || (expectedJobId !== undefined && id !== expectedJobId)) {
      throw DomainError.invalid({ token: [INVALID_EXTEND_LINK] }, INVALID_EXTEND_LINK);
    }
    return id;
  }

  /** Published at once, or held for review (moderation): the log says which. */
  private recordGoLive(manager: EntityManager, user: User, job: Job, before: Record<string, unknown> | null): Promise<void> {
    const action = job.status === 'pending_review' ? 'job.submitted_for_review' : 'job.published';
    return this.audit(manager, user, action, job, before, { status: job.status, validThrough: job.validThrough });
  }

  private audit(
    manager: EntityManager,
    actor: User | null,
    action: AuditAction,
    job: Job,
    before: Record<string, unknown> | null,
    after: Record<string, unknown>,
  ): Promise<void> {
    return this.auditLog.record(manager, { actor, action, subject: { type: 'job', id: job.id }, organizationId: job.organizationId, before, after });
  }

  private needsReview(organization: Organization): boolean {
    return this.env.JOB_MODERATION && !organization.verifiedAt;
  }

  /** Publishes a draft (or sends it for review) until its chosen validThrough, 30 days by default. */
  private goLive(job: Job, organization: Organization): void {
    const until = job.validThrough ?? this.daysFromNow(DEFAULT_VALID_DAYS);
    this.checkValidThrough(until);
    job.validThrough = until;
    job.expiryWarnedAt = null;
    job.reviewNote = null;
    if (this.needsReview(organization)) job.status = 'pending_review';
    else this.approveInto(job);
  }

  /**
   * Live from now; `publishedAt` keeps the first publication of a posting
   * that went back to review. Time spent in review is not lost: an expiry
   * that passed meanwhile starts over at 30 days.
   */
  private approveInto(job: Job): void {
    const now = this.clock.now();
    job.status = 'published';
    job.publishedAt ??= now;
    if (!job.validThrough || job.validThrough <= now) {
      job.validThrough = this.daysFromNow(DEFAULT_VALID_DAYS);
      job.expiryWarnedAt = null;
    }
  }

  private daysFromNow(days: number): Date {
    return new Date(this.clock.now().getTime() + days * DAY_MS);
  }

  private validThroughProblem(date: Date): string | undefined {
    const now = this.clock.now().getTime();
    if (date.getTime() <= now) return 'Choose a date in the future.';
    if (date.getTime() > now + MAX_VALID_DAYS * DAY_MS) return `Choose a date at most ${MAX_VALID_DAYS} days from today.`;
    return undefined;
  }

  private checkValidThrough(date: Date): void {
    const problem = this.validThroughProblem(date);
    if (problem) throw DomainError.invalid({ validThrough: [problem] });
  }

  /**
   * Writes the given fields onto `job` (absent ones are left as they are;
   * `salary` and `apply` are replaced whole), then checks the rules that
   * span fields or need the taxonomy, reporting every problem by field.
   */
  private async applyContent(job: Job, input: JobPatch): Promise<void> {
    const errors: FieldErrors = {};
    const add = (field: string, message: string) => (errors[field] ??= []).push(message);

    for (const [field, message] of Object.entries(REQUIRED)) if (input[field as keyof typeof REQUIRED] === null) add(field, message);
    if (input.title != null) job.title = input.title;
    if (input.description != null) {
      job.description = input.description;
      job.descriptionHtml = renderMarkdown(input.description);
    }
    if (input.employmentType != null) job.employmentType = input.employmentType;
    if (input.workplace != null) job.workplace = input.workplace;
    if (input.locations !== undefined) {
      job.locations = (input.locations ?? []).map(({ city, state, postalCode }) => ({ city, state, ...(postalCode ? { postalCode } : {}) }));
    }
    job.locationStates = [...new Set(job.locations.map((l) => l.state))];
    if (input.remoteStates !== undefined) job.remoteStates = input.remoteStates ?? [];
    if (input.salary !== undefined) {
      const { min = null, max = null, currency, period = null } = input.salary ?? {};
      const given = min !== null || max !== null;
      Object.assign(job, {
        salaryMin: min,
        salaryMax: max,
        salaryCurrency: given && currency ? currency : 'USD',
        salaryPeriod: given ? period : null,
      });
    }
    if (input.credentials !== undefined) job.credentialCodes = input.credentials ?? [];
    if (input.apprenticeFriendly !== undefined) job.apprenticeFriendly = input.apprenticeFriendly ?? false;
    if (input.specialties !== undefined) job.specialtySlugs = input.specialties ?? [];
    if (input.settings !== undefined) job.settingSlugs = input.settings ?? [];
    if (input.minYearsExperience !== undefined) job.minYearsExperience = input.minYearsExperience ?? null;
    if (input.tools !== undefined) job.tools = (input.tools ?? []).filter((t) => t !== '');
    if (input.productivity !== undefined) job.productivity = input.productivity || null;
    if (input.apply !== undefined) {
      const method = input.apply?.method ?? 'onsite';
      // Only the chosen method's detail is kept; a form may send the others' fields too.
      Object.assign(job, {
        applyMethod: method,
        applyUrl: method === 'url' ? input.apply?.url || null : null,
        applyEmail: method === 'email' ? input.apply?.email || null : null,
      });
    }
    if (input.screeningQuestions !== undefined) {
      const normalized = normalizeScreeningQuestions(input.screeningQuestions ?? [], job.screeningQuestions, randomUUID);
      job.screeningQuestions = normalized.questions;
      Object.assign(errors, normalized.errors);
    }
    if (input.validThrough !== undefined) {
      job.validThrough = input.validThrough === null ? null : new Date(input.validThrough);
      const problem = job.validThrough && this.validThroughProblem(job.validThrough);
      if (problem) add('validThrough', problem);
    }

    if (job.workplace !== 'remote' && job.locations.length === 0) add('locations', 'Add at least one location for an onsite or hybrid job.');
    if (job.workplace !== 'remote' && job.remoteStates.length > 0) {
      // Stated now: a mistake to report. Left from when the job was remote: no longer meaningful.
      if (input.remoteStates?.length) add('remoteStates', 'Only remote jobs list the states they hire in.');
      else job.remoteStates = [];
    }
    if (job.salaryMin !== null && job.salaryMax !== null && job.salaryMin > job.salaryMax) add('salary.max', 'The maximum must be at least the minimum.');
    if ((job.salaryMin !== null || job.salaryMax !== null) && !job.salaryPeriod) add('salary.period', 'Say whether the pay is per hour or per year.');
    if (job.applyMethod === 'url' && !job.applyUrl) add('apply.url', 'Enter the https:// address where candidates apply.');
    if (job.applyMethod === 'email' && !job.applyEmail) add('apply.email', 'Enter the email address that receives applications.');

    const [credentials, specialties, settings] = await Promise.all([
      this.taxonomy.unknownCredentials(job.credentialCodes),
      this.taxonomy.unknownSpecialties(job.specialtySlugs, 'specialty'),
      this.taxonomy.unknownSpecialties(job.settingSlugs, 'setting'),
    ]);
    if (credentials.length) add('credentials', `Not a credential we know: ${credentials.join(', ')}.`);
    if (job.specialtySlugs.length === 0) add('specialties', 'Choose at least one code specialty.');
    if (specialties.length) add('specialties', `Not a code specialty we know: ${specialties.join(', ')}.`);
    if (settings.length) add('settings', `Not a setting we know: ${settings.join(', ')}.`);

    if (Object.keys(errors).length) throw DomainError.invalid(errors);
  }

  private async lockForMember(manager: EntityManager, user: User, id: string): Promise<Job> {
    const job = isUUID(id)
      ? await manager
          .createQueryBuilder(Job, 'j')
          .where('j.id = :id', { id })
          .andWhere(OWNED_BY_MEMBER, { userId: user.id })
          .setLock('pessimistic_write')
          .getOne()
      : null;
    if (!job) throw notFound();
    return job;
  }

  private async lockForReview(manager: EntityManager, id: string, action: string): Promise<Job> {
    const job = isUUID(id) ? await manager.createQueryBuilder(Job, 'j').where('j.id = :id', { id }).setLock('pessimistic_write').getOne() : null;
    if (!job) throw new DomainError('not_found', 'There is no such job.');
    if (job.status !== 'pending_review') throw conflict(job, action);
    return job;
  }

  private organizationOf(manager: EntityManager, job: Job): Promise<Organization> {
    return manager.findOneByOrFail(Organization, { id: job.organizationId });
  }

  private withOrganization(manager: EntityManager) {
    return manager.createQueryBuilder(Job, 'j').innerJoinAndSelect('j.organization', 'o');
  }

  /** Saves and returns the job with its organization, as every caller shows it; search indexes the change once it commits. */
  private async saved(manager: EntityManager, job: Job, organization?: Organization): Promise<Job> {
    const result = await manager.save(job);
    await this.searchSync.jobsChanged(manager, [result.id]);
    await this.alertMatcher.jobsChanged(manager, [result.id]);
    result.organization = organization ?? (await this.organizationOf(manager, result));
    return result;
  }
}
