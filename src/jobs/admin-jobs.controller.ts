import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { JobView, toJobView } from './job-view';
import { JobsService } from './jobs.service';

/** Moderation for admins: approving postings held for review and verifying the organizations behind them. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/admin')
export class AdminJobsController {
  constructor(private readonly jobs: JobsService) {}

  @Post('jobs/:id/approve')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The posting, now published.' })
  async approve(@Param('id') id: string): Promise<JobView> {
    return toJobView(await this.jobs.approve(id));
  }

  /** Also publishes the organization's postings that were waiting for review. */
  @Post('organizations/:id/verify')
  @HttpCode(200)
  async verifyOrganization(@Param('id') id: string): Promise<{ id: string; name: string; slug: string; verifiedAt: string }> {
    const organization = await this.jobs.verifyOrganization(id);
    return { id: organization.id, name: organization.name, slug: organization.slug, verifiedAt: organization.verifiedAt!.toISOString() };
  }
}
