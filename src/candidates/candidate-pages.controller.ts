import { Body, Controller, Get, Param, Post, Render, Res, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { RateLimited } from '../auth/auth-throttle';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { SessionCookies } from '../auth/session-cookies';
import { FormView } from '../common/form-view';
import { safeNextPath } from '../common/safe-redirect';
import { Env } from '../config/env';
import { submittedFormValues } from '../jobs/dto/job-form';
import { User } from '../users/user.entity';
import { Flash } from '../web/flash';
import { CandidateAccountService } from './candidate-account.service';
import { ProfilePageLocals } from './candidate-page-locals';
import { CandidatePagesService, ProfilePage } from './candidate-pages.service';
import { CandidateProfilesService } from './candidate-profiles.service';
import { parseProfileForm, ProfileFormBody, profileInFormTerms } from './dto/candidate-profile-form';
import { DeleteAccountDto } from './dto/delete-account.dto';
import { ReturnToDto } from './dto/return-to.dto';
import { UploadedResume, UploadedResumeFile } from './resume-upload';
import { ResumesService } from './resumes.service';
import { SavedJobsService, SavedJobView } from './saved-jobs.service';

/**
 * The candidate's pages: the profile with its resumes, saved jobs, and
 * deleting the account. Every successful post redirects (303) with a
 * message; a refused one shows its page again with the messages by field.
 */
@ApiExcludeController()
@Roles('candidate')
@Controller('me')
export class CandidatePagesController {
  private readonly flash: Flash;
  private readonly cookies: SessionCookies;

  constructor(
    private readonly pages: CandidatePagesService,
    private readonly profiles: CandidateProfilesService,
    private readonly resumes: ResumesService,
    private readonly savedJobs: SavedJobsService,
    private readonly account: CandidateAccountService,
    env: Env,
  ) {
    this.flash = new Flash(env);
    this.cookies = new SessionCookies(env);
  }

  @Get('profile')
  @Render('me/profile')
  profilePage(@CurrentUser() user: User): Promise<ProfilePage> {
    return this.pages.profilePage(user.id);
  }

  @Post('profile')
  @FormView('me/profile')
  async saveProfile(@CurrentUser() user: User, @Body() body: ProfileFormBody, @Res() res: Response): Promise<void> {
    // First, so a refused form comes back in its full page with what was typed.
    Object.assign(res.locals, await this.pages.profilePage(user.id, submittedFormValues(body)));
    const parsed = await parseProfileForm(body);
    const profile = await this.profiles.update(user.id, parsed.input).catch((error: unknown) => {
      throw profileInFormTerms(error, parsed);
    });
    this.flash.set(
      res,
      'success',
      profile.visibility === 'employers'
        ? 'Your profile is saved. Verified employers can find it; they see your contact details only once you apply or accept an invitation.'
        : 'Your profile is saved. It is private: only you can see it.',
    );
    res.redirect(303, '/me/profile');
  }

  /** The multipart body was parsed by ResumeUploadMiddleware, before the CSRF guard read its token. */
  @Post('resumes')
  @FormView('me/profile')
  @UseInterceptors(ProfilePageLocals)
  async uploadResume(@CurrentUser() user: User, @UploadedResume() file: UploadedResumeFile | undefined, @Res() res: Response): Promise<void> {
    const resume = await this.resumes.upload(user.id, file);
    const unreadable =
      resume.textStatus === 'extracted'
        ? ''
        : ' We could not read any text in it, so employers searching by words will not find it: a PDF saved from Word or a .docx reads best.';
    this.flash.set(res, 'success', `“${resume.fileName}” is uploaded${resume.isDefault ? ' and is your default resume' : ''}.${unreadable}`);
    res.redirect(303, '/me/profile#resumes');
  }

  @Post('resumes/:id/default')
  @FormView('me/profile')
  @UseInterceptors(ProfilePageLocals)
  async setDefaultResume(@CurrentUser() user: User, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const resume = await this.resumes.setDefault(user.id, id);
    this.flash.set(res, 'success', `“${resume.fileName}” is now your default resume.`);
    res.redirect(303, '/me/profile#resumes');
  }

  @Post('resumes/:id/delete')
  @FormView('me/profile')
  @UseInterceptors(ProfilePageLocals)
  async deleteResume(@CurrentUser() user: User, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const { fileName, keptForEmployers } = await this.resumes.remove(user.id, id);
    this.flash.set(
      res,
      'success',
      keptForEmployers
        ? `“${fileName}” is off your profile. Employers you applied to with it keep their copy until you delete your account.`
        : `“${fileName}” is deleted.`,
    );
    res.redirect(303, '/me/profile#resumes');
  }

  @Get('saved')
  @Render('me/saved')
  async savedPage(@CurrentUser() user: User): Promise<{ saved: SavedJobView[] }> {
    return { saved: await this.savedJobs.list(user.id) };
  }

  @Post('saved-jobs/:jobId')
  async saveJob(@CurrentUser() user: User, @Param('jobId') jobId: string, @Body() dto: ReturnToDto, @Res() res: Response): Promise<void> {
    await this.savedJobs.save(user.id, jobId);
    this.flash.set(res, 'success', 'Job saved. Your saved jobs are under “Saved jobs” on your profile.');
    res.redirect(303, dto.next ? safeNextPath(dto.next) : '/me/saved');
  }

  @Post('saved-jobs/:jobId/delete')
  async unsaveJob(@CurrentUser() user: User, @Param('jobId') jobId: string, @Body() dto: ReturnToDto, @Res() res: Response): Promise<void> {
    await this.savedJobs.unsave(user.id, jobId);
    this.flash.set(res, 'info', 'The job is no longer saved.');
    res.redirect(303, dto.next ? safeNextPath(dto.next) : '/me/saved');
  }

  @Get('delete')
  @Render('me/delete')
  deletePage(): Record<string, never> {
    return {};
  }

  @Post('delete')
  @RateLimited('delete-account')
  @FormView('me/delete')
  async deleteAccount(@CurrentUser() user: User, @Body() dto: DeleteAccountDto, @Res() res: Response): Promise<void> {
    await this.account.deleteAccount(user, dto.password);
    this.cookies.clear(res);
    this.flash.set(res, 'success', 'Your account is deleted. Employers you applied to keep your applications without your name, email or resume.');
    res.redirect(303, '/');
  }
}
