import { Body, Controller, Get, Param, Post, Render, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { ApplicantCounts, applicantCountsByJob } from '../applications/pipeline/applicant-counts';
import { applicantsPath } from '../applications/pipeline/pipeline-paths';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { FormView } from '../common/form-view';
import { Env } from '../config/env';
import { OrganizationsService } from '../employers/organizations.service';
import { JobInsightService } from '../insight/job-insight.service';
import { TaxonomyService } from '../taxonomy/taxonomy.service';
import { User } from '../users/user.entity';
import { Flash } from '../web/flash';
import { CloseJobDto } from './dto/job-input.dto';
import {
  JobFormBody,
  jobFormChoices,
  JobFormValues,
  jobFormValues,
  NEW_JOB_VALUES,
  parseJobForm,
  RENEW_DAYS,
  RenewFormDto,
  inFormTerms,
  rethrowInFormTerms,
  submittedFormValues,
} from './dto/job-form';
import { Job, JobStatus } from './job.entity';
import { jobPath } from './job-paths';
import { dateView, presentJob, TaxonomyNames, taxonomyNames } from './job-presenter';
import { JobsService } from './jobs.service';

const DAY_MS = 86400_000;

const SECTIONS: Array<{ status: JobStatus; title: string; hint: string }> = [
  { status: 'draft', title: 'Drafts', hint: 'Only your team can see these.' },
  { status: 'pending_review', title: 'Pending review', hint: 'They go live once our team has checked them, usually within a working day.' },
  { status: 'published', title: 'Published', hint: 'Open to coders until their valid-through date.' },
  { status: 'closed', title: 'Closed', hint: 'No longer accepting applications.' },
  { status: 'expired', title: 'Expired', hint: 'Their valid-through date has passed; renew one to publish it again.' },
];

/** A closed or expired posting is kept as it was; it can be duplicated (or an expired one renewed) instead. */
const isEditable = (status?: JobStatus): boolean => status !== 'closed' && status !== 'expired';

/** "March 3, 2026", as the job page says dates. */
const day = (date: Date | null): string | undefined => dateView(date)?.label;

/** The dashboard's sections, each job with the actions its status allows and its applicant counts. */
function dashboardSections(jobs: Job[], names: TaxonomyNames, now: Date, applicants: Map<string, ApplicantCounts>) {
  const renewChoices = RENEW_DAYS.map((days) => ({ days, until: day(new Date(now.getTime() + days * DAY_MS)) }));
  return SECTIONS.map((section) => ({
    ...section,
    jobs: jobs
      .filter((job) => job.status === section.status)
      .map((job) => {
        const view = presentJob(job, job.organization!, names);
        return {
          id: job.id,
          title: job.title,
          summary: `${view.employmentTypeLabel} · ${view.whereLabel}`,
          publicUrl: job.status === 'published' ? view.path : undefined,
          publishedOn: view.posted?.label,
          // A closed job's date no longer means anything to the employer.
          validThrough: job.status === 'closed' ? undefined : view.validThrough?.label,
          closedOn: day(job.closedAt),
          filled: job.closeReason === 'filled',
          updatedOn: day(job.updatedAt),
          canEdit: isEditable(job.status),
          canPublish: job.status === 'draft',
          canClose: job.status === 'published' || job.status === 'pending_review',
          canRenew: job.status === 'published' || job.status === 'expired',
          renewLabel: job.status === 'expired' ? 'Renew' : 'Extend',
          renewChoices,
          canDelete: job.status === 'draft',
          // Jobs taking applications here, and any that has some (the apply method may have changed since).
          applicants:
            job.applyMethod === 'onsite' || applicants.has(job.id)
              ? { ...(applicants.get(job.id) ?? { total: 0, new: 0 }), path: applicantsPath(job.id) }
              : null,
        };
      }),
  })).filter((section) => section.jobs.length > 0);
}

/** A saved posting the form edits; only its id is known before it is loaded. */
type FormJob = Pick<Job, 'id'> & Partial<Pick<Job, 'title' | 'status' | 'reviewNote'>>;

/** The heading, address and buttons of the posting form, for a new posting or a saved one. */
function formPage(job?: FormJob) {
  if (!job) return { heading: 'Post a job', action: '/employer/jobs/new', isDraft: true, editable: true };
  const isDraft = job.status === 'draft';
  return {
    heading: isDraft ? 'Edit draft' : 'Edit job',
    action: `/employer/jobs/${job.id}/edit`,
    job: {
      id: job.id,
      title: job.title,
      status: job.status,
      reviewNote: job.reviewNote,
      publicUrl: job.status === 'published' && job.title ? jobPath({ id: job.id, title: job.title }) : undefined,
    },
    isDraft,
    editable: isEditable(job.status),
    isExpired: job.status === 'expired',
  };
}

/** What the employer is told after a save, by what happened to the posting. */
function savedMessage(job: Job, before?: JobStatus): string {
  if (job.status === 'draft') return `“${job.title}” is saved as a draft. Preview it, then publish it when it is ready.`;
  if (job.status === 'pending_review' && before === 'published')
    return `Your changes to “${job.title}” are saved. The new title or description waits for review before it goes live.`;
  if (job.status === 'pending_review') return `“${job.title}” is waiting for review. It goes live as soon as our team has checked it.`;
  if (before === 'draft' || before === undefined) return `“${job.title}” is published and open to coders until ${day(job.validThrough)}.`;
  return `Your changes to “${job.title}” are saved.`;
}

/**
 * The employer's pages for their organization's postings: the dashboard,
 * the posting form and preview, and the lifecycle actions. Each post
 * redirects (303) with a message; a refused form comes back with 422 and the
 * messages by field. The form's choices (states, credentials, specialties…)
 * are put in `res.locals` before the service is called, so the re-rendering
 * by @FormView, which passes only {values, errors, formError}, has them too.
 */
@ApiExcludeController()
@Roles('employer')
@Controller('employer')
export class EmployerJobsController {
  private readonly flash: Flash;

  constructor(
    private readonly jobs: JobsService,
    private readonly organizations: OrganizationsService,
    private readonly taxonomy: TaxonomyService,
    private readonly clock: Clock,
    private readonly env: Env,
    private readonly dataSource: DataSource,
    private readonly insight: JobInsightService,
  ) {
    this.flash = new Flash(env);
  }

  @Get()
  @Render('employer/dashboard')
  async dashboard(@CurrentUser() user: User): Promise<Record<string, unknown>> {
    const [[organization], jobs, names] = await Promise.all([this.organizations.listMine(user), this.jobs.listForMember(user), this.taxonomyNames()]);
    const applicants = await applicantCountsByJob(
      this.dataSource.manager,
      user.id,
      jobs.map((job) => job.id),
    );
    return {
      organization,
      awaitsVerification: organization && !organization.verified && this.env.JOB_MODERATION,
      sections: dashboardSections(jobs, names, this.clock.now(), applicants),
    };
  }

  @Get('jobs/new')
  @Render('employer/job-form')
  async newJob(@Res({ passthrough: true }) res: Response): Promise<{ values: JobFormValues }> {
    await this.formLocals(res, NEW_JOB_VALUES);
    return { values: NEW_JOB_VALUES };
  }

  @Post('jobs/new')
  @FormView('employer/job-form')
  async create(@CurrentUser() user: User, @Body() body: JobFormBody, @Res() res: Response): Promise<void> {
    await this.formLocals(res, submittedFormValues(body));
    const parsed = await parseJobForm(body);
    const job = await this.jobs.create(user, { ...parsed.input, publish: parsed.intent === 'publish' }).catch(rethrowInFormTerms(parsed));
    this.flash.set(res, 'success', savedMessage(job));
    res.redirect(303, '/employer');
  }

  @Get('jobs/:id/edit')
  @Render('employer/job-form')
  async editJob(@CurrentUser() user: User, @Param('id') id: string, @Res({ passthrough: true }) res: Response): Promise<{ values: JobFormValues }> {
    const job = await this.jobs.findForMember(user, id);
    const values = jobFormValues(job);
    await this.formLocals(res, values, job);
    return { values };
  }

  /** Saves the form; "Publish" on a draft then publishes it, so one click does both. */
  @Post('jobs/:id/edit')
  @FormView('employer/job-form')
  async update(@CurrentUser() user: User, @Param('id') id: string, @Body() body: JobFormBody, @Res() res: Response): Promise<void> {
    // Set first: should the job be gone (a teammate deleted it), the form comes back with what was typed.
    await this.formLocals(res, submittedFormValues(body), { id });
    const before = await this.jobs.findForMember(user, id);
    res.locals.page = formPage(before);
    const parsed = await parseJobForm(body, before);
    let job = await this.jobs.update(user, id, parsed.input).catch(rethrowInFormTerms(parsed));
    if (parsed.intent === 'publish' && job.status === 'draft') job = await this.jobs.publish(user, id).catch(rethrowInFormTerms(parsed));
    this.flash.set(res, 'success', savedMessage(job, before.status));
    res.redirect(303, '/employer');
  }

  /**
   * The posting through the public page's own partial and presenter, so it
   * looks exactly as coders will see it; below it, once published, how it is
   * doing (the insight of the last 30 days).
   */
  @Get('jobs/:id/preview')
  @Render('employer/job-preview')
  async preview(@CurrentUser() user: User, @Param('id') id: string): Promise<Record<string, unknown>> {
    const [job, names] = await Promise.all([this.jobs.findForMember(user, id), this.taxonomyNames()]);
    return {
      insight: await this.insight.panel(user, job),
      preview: {
        id: job.id,
        status: job.status,
        isDraft: job.status === 'draft',
        canEdit: isEditable(job.status),
        publicUrl: job.status === 'published' ? jobPath(job) : undefined,
      },
      job: presentJob(job, job.organization!, names),
    };
  }

  /**
   * From the dashboard or the preview. A draft saved earlier may no longer
   * pass (its valid-through date has gone by): then its form opens with the
   * reasons by field, rather than an error page.
   */
  @Post('jobs/:id/publish')
  async publish(@CurrentUser() user: User, @Param('id') id: string, @Res() res: Response): Promise<void> {
    try {
      const job = await this.jobs.publish(user, id);
      this.flash.set(res, 'success', savedMessage(job, 'draft'));
      res.redirect(303, '/employer');
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'unprocessable') throw error;
      const job = await this.jobs.findForMember(user, id);
      const values = jobFormValues(job);
      await this.formLocals(res, values, job);
      const refused = inFormTerms(error) as DomainError;
      res
        .status(422)
        .render('employer/job-form', { values, errors: refused.fields, formError: 'Some details need attention before this job can be published.' });
    }
  }

  @Post('jobs/:id/close')
  async close(@CurrentUser() user: User, @Param('id') id: string, @Body() dto: CloseJobDto, @Res() res: Response): Promise<void> {
    const job = await this.jobs.close(user, id, dto.reason);
    this.flash.set(res, 'success', dto.reason === 'filled' ? `“${job.title}” is closed as filled. Congratulations on the hire!` : `“${job.title}” is closed.`);
    res.redirect(303, '/employer');
  }

  @Post('jobs/:id/renew')
  async renew(@CurrentUser() user: User, @Param('id') id: string, @Body() dto: RenewFormDto, @Res() res: Response): Promise<void> {
    const job = await this.jobs.renew(user, id, new Date(this.clock.now().getTime() + dto.days * DAY_MS));
    this.flash.set(res, 'success', `“${job.title}” is open to coders until ${day(job.validThrough)}.`);
    res.redirect(303, '/employer');
  }

  @Post('jobs/:id/duplicate')
  async duplicate(@CurrentUser() user: User, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const copy = await this.jobs.duplicate(user, id);
    this.flash.set(res, 'success', `A copy of “${copy.title}” is saved as a new draft. Change what you need, then publish it.`);
    res.redirect(303, `/employer/jobs/${copy.id}/edit`);
  }

  @Post('jobs/:id/delete')
  async deleteDraft(@CurrentUser() user: User, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const { title } = await this.jobs.findForMember(user, id);
    await this.jobs.deleteDraft(user, id);
    this.flash.set(res, 'success', `The draft “${title}” is deleted.`);
    res.redirect(303, '/employer');
  }

  private async taxonomyNames(): Promise<TaxonomyNames> {
    const [credentials, specialties] = await Promise.all([this.taxonomy.listCredentials(), this.taxonomy.listSpecialties()]);
    return taxonomyNames(credentials, specialties);
  }

  /** The form's choices, marked as in `values`, and its heading and buttons, for the page and for its re-rendering after a refusal. */
  private async formLocals(res: Response, values: JobFormValues, job?: FormJob): Promise<void> {
    const [credentials, specialties, settings] = await Promise.all([
      this.taxonomy.listCredentials(),
      this.taxonomy.listCodeSpecialties(),
      this.taxonomy.listSettings(),
    ]);
    res.locals.form = jobFormChoices({ credentials, specialties, settings }, values);
    res.locals.page = formPage(job);
  }
}
