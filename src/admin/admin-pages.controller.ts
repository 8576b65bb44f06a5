import { Body, Controller, Get, Param, Post, Query, Render, Res, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { FormView } from '../common/form-view';
import { safeNextPath } from '../common/safe-redirect';
import { Env } from '../config/env';
import { dateView } from '../jobs/job-presenter';
import { JobsService } from '../jobs/jobs.service';
import { ReportsService } from '../reports/reports.service';
import { User } from '../users/user.entity';
import { Flash } from '../web/flash';
import { AdminDashboardService } from './admin-dashboard.service';
import { OrganizationsPageLocals, ReviewPageLocals } from './admin-page-locals';
import { adminPage, organizationsPage, reviewPage } from './admin-pages';
import { AdminUsersService } from './admin-users.service';
import { AdminActionFormDto, AdminOrganizationsQueryDto, AdminUsersQueryDto, RejectJobDto, SuspendOrganizationDto } from './dto/admin.dto';
import { OrganizationModerationService } from './organization-moderation.service';
import { ReviewQueueService } from './review-queue.service';

/**
 * The operator's pages. Each action is a small form posting here and
 * redirecting (303) back to the page it came from, with a flash message.
 */
@ApiExcludeController()
@Roles('admin')
@Controller('admin')
export class AdminPagesController {
  private readonly flash: Flash;

  constructor(
    private readonly dashboard: AdminDashboardService,
    private readonly jobs: JobsService,
    private readonly reviewQueue: ReviewQueueService,
    private readonly reports: ReportsService,
    private readonly organizations: OrganizationModerationService,
    private readonly users: AdminUsersService,
    env: Env,
  ) {
    this.flash = new Flash(env);
  }

  @Get()
  @Render('admin/dashboard')
  async dashboardPage(): Promise<object> {
    return adminPage('dashboard', 'Admin', { counts: await this.dashboard.read() });
  }

  @Get('review')
  @Render('admin/review')
  async reviewPage(): Promise<object> {
    return reviewPage(await this.reviewQueue.list());
  }

  @Post('jobs/:id/approve')
  async approve(@CurrentUser() admin: User, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const job = await this.jobs.approve(admin, id);
    this.back(res, '/admin/review', `“${job.title}” is published.`);
  }

  @Post('jobs/:id/reject')
  @FormView('admin/review')
  @UseInterceptors(ReviewPageLocals)
  async reject(@CurrentUser() admin: User, @Param('id') id: string, @Body() dto: RejectJobDto, @Res() res: Response): Promise<void> {
    const job = await this.jobs.reject(admin, id, dto.reason);
    this.back(res, '/admin/review', `“${job.title}” went back to the employer as a draft, with your reason by email.`);
  }

  @Get('reports')
  @Render('admin/reports')
  async reportsPage(): Promise<object> {
    const jobs = await this.reports.queue();
    return adminPage('reports', 'Reports', {
      jobs: jobs.map((job) => ({
        ...job,
        paused: job.status === 'pending_review',
        reports: job.reports.map((r) => ({ ...r, created: dateView(r.createdAt) })),
      })),
    });
  }

  @Post('reports/:jobId/dismiss')
  async dismissReports(@CurrentUser() admin: User, @Param('jobId') jobId: string, @Res() res: Response): Promise<void> {
    const dismissed = await this.reports.dismiss(admin, jobId);
    this.back(res, '/admin/reports', `${dismissed === 1 ? 'The report was' : `${dismissed} reports were`} dismissed.`);
  }

  @Get('organizations')
  @Render('admin/organizations')
  async organizationsPage(@Query() query: AdminOrganizationsQueryDto): Promise<object> {
    return organizationsPage(await this.organizations.list(query), query);
  }

  @Post('organizations/:id/verify')
  async verify(@CurrentUser() admin: User, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const organization = await this.jobs.verifyOrganization(admin, id);
    this.back(res, '/admin/organizations', `${organization.name} is verified; its postings waiting for review are published.`);
  }

  @Post('organizations/:id/suspend')
  @FormView('admin/organizations')
  @UseInterceptors(OrganizationsPageLocals)
  async suspend(@CurrentUser() admin: User, @Param('id') id: string, @Body() dto: SuspendOrganizationDto, @Res() res: Response): Promise<void> {
    const { hiddenJobs } = await this.organizations.suspend(admin, id, dto.reason);
    this.back(
      res,
      '/admin/organizations',
      `The organization is suspended: ${hiddenJobs} ${hiddenJobs === 1 ? 'posting is' : 'postings are'} hidden and its members are signed out.`,
    );
  }

  @Post('organizations/:id/reinstate')
  async reinstate(@CurrentUser() admin: User, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const { restoredJobs } = await this.organizations.reinstate(admin, id);
    this.back(res, '/admin/organizations', `The organization is reinstated: ${restoredJobs} ${restoredJobs === 1 ? 'posting is' : 'postings are'} back.`);
  }

  @Get('users')
  @Render('admin/users')
  async usersPage(@Query() query: AdminUsersQueryDto): Promise<object> {
    const users = await this.users.search(query.q);
    return adminPage('users', 'Users', {
      q: query.q ?? '',
      // The actions come back to this search, not to the whole list.
      returnTo: query.q ? `/admin/users?q=${encodeURIComponent(query.q)}` : '/admin/users',
      users: users.map((u) => ({ ...u, created: dateView(u.createdAt), disabled: dateView(u.disabledAt) })),
    });
  }

  @Post('users/:id/disable')
  async disable(@CurrentUser() admin: User, @Param('id') id: string, @Body() dto: AdminActionFormDto, @Res() res: Response): Promise<void> {
    await this.users.disable(admin, id);
    this.back(res, safeNextPath(dto.next ?? '/admin/users'), 'The account is disabled and signed out everywhere.');
  }

  @Post('users/:id/enable')
  async enable(@CurrentUser() admin: User, @Param('id') id: string, @Body() dto: AdminActionFormDto, @Res() res: Response): Promise<void> {
    await this.users.enable(admin, id);
    this.back(res, safeNextPath(dto.next ?? '/admin/users'), 'The account can sign in again.');
  }

  @Post('users/:id/resend-verification')
  async resendVerification(@CurrentUser() admin: User, @Param('id') id: string, @Body() dto: AdminActionFormDto, @Res() res: Response): Promise<void> {
    await this.users.resendVerification(admin, id);
    this.back(res, safeNextPath(dto.next ?? '/admin/users'), 'A new verification email is on its way.');
  }

  private back(res: Response, path: string, message: string): void {
    this.flash.set(res, 'success', message);
    res.redirect(303, path);
  }
}
