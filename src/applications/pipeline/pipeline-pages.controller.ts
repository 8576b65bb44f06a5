import { Body, Controller, Get, Param, Post, Query, Render, Res, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser } from '../../auth/current-user.decorator';
import { Roles } from '../../auth/roles.decorator';
import { sendResumeFile } from '../../candidates/resume-file';
import { FormView } from '../../common/form-view';
import { Env } from '../../config/env';
import { User } from '../../users/user.entity';
import { Flash } from '../../web/flash';
import { APPLICATION_EMAIL_LABELS, ApplicationEmailsService } from './application-emails.service';
import { ApplicationNotesService } from './application-notes.service';
import { movedMessage } from './applicants-page.presenter';
import { ApplicantsParams } from './applicants-query';
import { emailsCandidate } from './candidate-emails';
import { ApplicationEmailsDto, BulkRejectDto, CreateNoteDto, MoveApplicationDto } from './dto/pipeline.dto';
import { APPLICATION_EMAILS_PAGE, applicantsPath, applicationPath } from './pipeline-paths';
import { ApplicantsPageLocals, ApplicationEmailsPageLocals, ApplicationPageLocals, Page, PipelinePages } from './pipeline-pages';
import { PipelineService } from './pipeline.service';

/**
 * The employer's applicant pages: a job's applicants, an application, and
 * each member's choice of application emails. Each post redirects (303)
 * with a message; a refused one shows its page again with the reasons.
 */
@ApiExcludeController()
@Roles('employer')
@Controller('employer')
export class PipelinePagesController {
  private readonly flash: Flash;

  constructor(
    private readonly pages: PipelinePages,
    private readonly pipeline: PipelineService,
    private readonly notes: ApplicationNotesService,
    private readonly applicationEmails: ApplicationEmailsService,
    env: Env,
  ) {
    this.flash = new Flash(env);
  }

  @Get('jobs/:id/applicants')
  @Render('employer/applicants/index')
  applicants(@CurrentUser() user: User, @Param('id') id: string, @Query() params: ApplicantsParams): Promise<Page> {
    return this.pages.applicants(user, id, params);
  }

  @Post('jobs/:id/applicants/reject')
  @FormView('employer/applicants/index')
  @UseInterceptors(ApplicantsPageLocals)
  async bulkReject(@CurrentUser() user: User, @Param('id') id: string, @Body() dto: BulkRejectDto, @Res() res: Response): Promise<void> {
    const { rejected } = await this.pipeline.bulkReject(user, id, dto);
    this.flash.set(
      res,
      'success',
      `${rejected === 1 ? '1 applicant was' : `${rejected} applicants were`} marked as not selected and emailed${dto.message ? ' your message' : ''}.`,
    );
    res.redirect(303, applicantsPath(id));
  }

  @Get('applications/:id')
  @Render('employer/applicants/show')
  application(@CurrentUser() user: User, @Param('id') id: string): Promise<Page> {
    return this.pages.application(user, id);
  }

  @Post('applications/:id/status')
  @FormView('employer/applicants/show')
  @UseInterceptors(ApplicationPageLocals)
  async move(@CurrentUser() user: User, @Param('id') id: string, @Body() dto: MoveApplicationDto, @Res() res: Response): Promise<void> {
    const application = await this.pipeline.move(user, id, dto);
    const emailed = emailsCandidate(dto.status) && application.candidate.email !== null;
    this.flash.set(res, 'success', `${movedMessage(application.candidate.name, dto.status)}${emailed ? ' We have emailed them.' : ''}`);
    res.redirect(303, applicationPath(id));
  }

  @Post('applications/:id/notes')
  @FormView('employer/applicants/show')
  @UseInterceptors(ApplicationPageLocals)
  async addNote(@CurrentUser() user: User, @Param('id') id: string, @Body() dto: CreateNoteDto, @Res() res: Response): Promise<void> {
    await this.notes.add(user, id, dto.body);
    this.flash.set(res, 'success', 'Your note is saved. Only your team can see it.');
    res.redirect(303, `${applicationPath(id)}#notes`);
  }

  /** The attached resume; each download is recorded for the candidate to see. */
  @Get('applications/:id/resume')
  async resume(@CurrentUser() user: User, @Param('id') id: string, @Res() res: Response): Promise<void> {
    sendResumeFile(res, await this.pipeline.resume(user, id));
  }

  @Get('notifications')
  @Render('employer/applicants/emails')
  emailsPage(@CurrentUser() user: User): Promise<Page> {
    return this.pages.emails(user);
  }

  @Post('notifications')
  @FormView('employer/applicants/emails')
  @UseInterceptors(ApplicationEmailsPageLocals)
  async setEmails(@CurrentUser() user: User, @Body() dto: ApplicationEmailsDto, @Res() res: Response): Promise<void> {
    const organization = (res.locals as { organization?: { id: string } }).organization;
    // '' is answered 404 by the service: the user is in no organization.
    await this.applicationEmails.set(user, organization?.id ?? '', dto.applicationEmails);
    this.flash.set(res, 'success', `Saved: ${APPLICATION_EMAIL_LABELS[dto.applicationEmails].label.toLowerCase()}.`);
    res.redirect(303, APPLICATION_EMAILS_PAGE);
  }
}
