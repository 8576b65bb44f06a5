import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/current-user.decorator';
import { Public } from '../auth/public.decorator';
import { Roles } from '../auth/roles.decorator';
import { User } from '../users/user.entity';
import { CloseJobDto, CreateJobDto, ListJobsQueryDto, RenewJobDto, UpdateJobDto } from './dto/job-input.dto';
import { JobView, toJobView } from './job-view';
import { JobsService } from './jobs.service';

/** Job postings over JSON: employers write their organization's postings; published ones are public. */
@ApiTags('jobs')
@ApiBearerAuth()
@Controller('api')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  /** A draft, or with `publish: true` a posting published at once (or sent for review). */
  @Roles('employer')
  @Post('jobs')
  @ApiCreatedResponse({ description: 'The posting, with its id, status and url.' })
  async create(@CurrentUser() user: User, @Body() dto: CreateJobDto): Promise<JobView> {
    return toJobView(await this.jobs.create(user, dto));
  }

  /** A published posting for anyone; drafts and other states only for the organization's members. */
  @Public()
  @Get('jobs/:id')
  @ApiOkResponse({ description: 'The posting.' })
  async show(@CurrentUser() user: User | undefined, @Param('id') id: string): Promise<JobView> {
    return toJobView(await this.jobs.findForViewer(user, id));
  }

  @Roles('employer')
  @Patch('jobs/:id')
  async update(@CurrentUser() user: User, @Param('id') id: string, @Body() dto: UpdateJobDto): Promise<JobView> {
    return toJobView(await this.jobs.update(user, id, dto));
  }

  @Roles('employer')
  @Post('jobs/:id/publish')
  @HttpCode(200)
  async publish(@CurrentUser() user: User, @Param('id') id: string): Promise<JobView> {
    return toJobView(await this.jobs.publish(user, id));
  }

  @Roles('employer')
  @Post('jobs/:id/close')
  @HttpCode(200)
  async close(@CurrentUser() user: User, @Param('id') id: string, @Body() dto: CloseJobDto): Promise<JobView> {
    return toJobView(await this.jobs.close(user, id, dto.reason));
  }

  /** Published again until `validThrough` (default 30 days from now, at most 90). */
  @Roles('employer')
  @Post('jobs/:id/renew')
  @HttpCode(200)
  async renew(@CurrentUser() user: User, @Param('id') id: string, @Body() dto: RenewJobDto): Promise<JobView> {
    return toJobView(await this.jobs.renew(user, id, dto.validThrough ? new Date(dto.validThrough) : undefined));
  }

  @Roles('employer')
  @Post('jobs/:id/duplicate')
  @ApiCreatedResponse({ description: 'The new draft.' })
  async duplicate(@CurrentUser() user: User, @Param('id') id: string): Promise<JobView> {
    return toJobView(await this.jobs.duplicate(user, id));
  }

  @Roles('employer')
  @Delete('jobs/:id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The draft is deleted; other postings are closed instead.' })
  deleteDraft(@CurrentUser() user: User, @Param('id') id: string): Promise<void> {
    return this.jobs.deleteDraft(user, id);
  }

  /** The organization's postings, newest first, optionally of one status. */
  @Roles('employer')
  @Get('employer/jobs')
  async list(@CurrentUser() user: User, @Query() query: ListJobsQueryDto): Promise<JobView[]> {
    return (await this.jobs.listForMember(user, query.status)).map(toJobView);
  }
}
