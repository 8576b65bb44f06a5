import { Body, Controller, Get, Param, Post, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { parseApplyForm } from '../applications/apply-form';
import { ApplicationsService, MY_APPLICATIONS_PATH } from '../applications/applications.service';
import { AuthService } from '../auth/auth.service';
import { CurrentUser } from '../auth/current-user.decorator';
import { Public } from '../auth/public.decorator';
import { UploadedResume, UploadedResumeFile } from '../candidates/resume-upload';
import { Env } from '../config/env';
import { JobInsightCounter } from '../insight/job-insight-counter';
import { User } from '../users/user.entity';
import { Flash } from '../web/flash';
import { ApplyFormView } from './apply-form-view';
import { PublicJobsService } from './public-jobs.service';

/**
 * Each posting's public page and its forms (the search page at /jobs lives
 * in the search module). The forms post to /jobs/:id/…; a GET route there
 * must be declared before the page's /jobs/:id/:slug, which would take it.
 */
@ApiExcludeController()
@Controller('jobs')
export class PublicJobsController {
  private readonly flash: Flash;

  constructor(
    private readonly jobs: PublicJobsService,
    private readonly applications: ApplicationsService,
    private readonly auth: AuthService,
    private readonly insight: JobInsightCounter,
    env: Env,
  ) {
    this.flash = new Flash(env);
  }

  /** The apply buttons' link: counts the click (in memory), then sends the browser on (303). */
  @Public()
  @Get(':id/apply')
  async applyLink(@CurrentUser() user: User | undefined, @Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const link = await this.jobs.applyLink(user, id);
    this.insight.applyClick(link.jobId, req);
    res.redirect(303, link.location);
  }

  /** 200 for an open job, 301 to the canonical address, 410 once closed or expired; 404 otherwise. */
  @Public()
  @Get([':id', ':id/:slug'])
  async show(
    @CurrentUser() user: User | undefined,
    @Param('id') id: string,
    @Param('slug') slug: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const page = await this.jobs.jobPage(id);
    if (page.kind === 'gone') {
      res.status(410).render('jobs/gone', page);
      return;
    }
    if (req.path !== page.job.path) {
      const query = req.originalUrl.indexOf('?');
      res.redirect(301, query >= 0 ? `${page.job.path}${req.originalUrl.slice(query)}` : page.job.path);
      return;
    }
    this.insight.view(page.job.id, req);
    res.render('jobs/show', await this.jobs.viewerPage(user, page));
  }

  /** The apply form (multipart: its body is parsed by ResumeUploadMiddleware, before the CSRF guard reads it). */
  @Post(':id/apply')
  @UseInterceptors(ApplyFormView)
  async apply(
    @CurrentUser() user: User,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @UploadedResume() file: UploadedResumeFile | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const { body: application } = await this.applications.apply(user, id, await parseApplyForm(body, file));
    this.flash.set(
      res,
      'success',
      `Your application for “${application.job.title}” is on its way to ${application.job.organization.name}. We have emailed you a receipt.`,
    );
    res.redirect(303, application.job.url ?? MY_APPLICATIONS_PATH);
  }

  /** "Send the link again" on the job page of a coder whose email address is not verified yet; back to the same page. */
  @Post(':id/verify-email/resend')
  async resendVerification(@CurrentUser() user: User, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const page = await this.jobs.jobPage(id);
    await this.auth.resendVerification(user);
    this.flash.set(res, 'info', `We have sent a new link to ${user.email}. Open it, then come back to apply.`);
    res.redirect(303, page.job.path);
  }
}
