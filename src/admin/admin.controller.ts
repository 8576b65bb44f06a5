import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { JobView, toJobView } from '../jobs/job-view';
import { JobsService } from '../jobs/jobs.service';
import { ReportedJob, ReportsService } from '../reports/reports.service';
import { User } from '../users/user.entity';
import { AdminDashboard, AdminDashboardService } from './admin-dashboard.service';
import { AdminUser, AdminUsersService } from './admin-users.service';
import { AdminOrganizationsQueryDto, AdminUsersQueryDto, RejectJobDto, SuspendOrganizationDto } from './dto/admin.dto';
import { AdminOrganization, OrganizationModerationService } from './organization-moderation.service';
import { JobAwaitingReview, ReviewQueueService } from './review-queue.service';

/** The admin area's operations for scripts and tools: the same services as the /admin pages. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/admin')
export class AdminController {
  constructor(
    private readonly dashboard: AdminDashboardService,
    private readonly jobs: JobsService,
    private readonly reviewQueue: ReviewQueueService,
    private readonly reports: ReportsService,
    private readonly organizations: OrganizationModerationService,
    private readonly users: AdminUsersService,
  ) {}

  @Get('dashboard')
  read(): Promise<AdminDashboard> {
    return this.dashboard.read();
  }

  @Get('jobs/review')
  awaitingReview(): Promise<JobAwaitingReview[]> {
    return this.reviewQueue.list();
  }

  @Post('jobs/:id/approve')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The posting, now published.' })
  async approve(@CurrentUser() admin: User, @Param('id') id: string): Promise<JobView> {
    return toJobView(await this.jobs.approve(admin, id));
  }

  @Post('jobs/:id/reject')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The posting, back to draft with the reason; the employer is emailed.' })
  async reject(@CurrentUser() admin: User, @Param('id') id: string, @Body() dto: RejectJobDto): Promise<JobView> {
    return toJobView(await this.jobs.reject(admin, id, dto.reason));
  }

  @Get('reports')
  reportQueue(): Promise<ReportedJob[]> {
    return this.reports.queue();
  }

  @Post('reports/:jobId/dismiss')
  @HttpCode(200)
  async dismissReports(@CurrentUser() admin: User, @Param('jobId') jobId: string): Promise<{ dismissed: number }> {
    return { dismissed: await this.reports.dismiss(admin, jobId) };
  }

  @Get('organizations')
  listOrganizations(@Query() query: AdminOrganizationsQueryDto): Promise<AdminOrganization[]> {
    return this.organizations.list(query);
  }

  /** Also publishes the organization's postings that were waiting for review. */
  @Post('organizations/:id/verify')
  @HttpCode(200)
  async verifyOrganization(@CurrentUser() admin: User, @Param('id') id: string): Promise<{ id: string; name: string; slug: string; verifiedAt: string }> {
    const organization = await this.jobs.verifyOrganization(admin, id);
    return { id: organization.id, name: organization.name, slug: organization.slug, verifiedAt: organization.verifiedAt!.toISOString() };
  }

  @Post('organizations/:id/suspend')
  @HttpCode(200)
  suspend(@CurrentUser() admin: User, @Param('id') id: string, @Body() dto: SuspendOrganizationDto): Promise<{ hiddenJobs: number }> {
    return this.organizations.suspend(admin, id, dto.reason);
  }

  @Post('organizations/:id/reinstate')
  @HttpCode(200)
  reinstate(@CurrentUser() admin: User, @Param('id') id: string): Promise<{ restoredJobs: number }> {
    return this.organizations.reinstate(admin, id);
  }

  @Get('users')
  searchUsers(@Query() query: AdminUsersQueryDto): Promise<AdminUser[]> {
    return this.users.search(query.q);
  }

  @Post('users/:id/disable')
  @HttpCode(204)
  disable(@CurrentUser() admin: User, @Param('id') id: string): Promise<void> {
    return this.users.disable(admin, id);
  }

  @Post('users/:id/enable')
  @HttpCode(204)
  enable(@CurrentUser() admin: User, @Param('id') id: string): Promise<void> {
    return this.users.enable(admin, id);
  }

  @Post('users/:id/resend-verification')
  @HttpCode(204)
  resendVerification(@CurrentUser() admin: User, @Param('id') id: string): Promise<void> {
    return this.users.resendVerification(admin, id);
  }
}
