import { Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { User } from '../users/user.entity';
import { savedJobApiView, SavedJobApiView, SavedJobsService } from './saved-jobs.service';

/** The signed-in candidate's saved jobs. */
@ApiTags('candidates')
@ApiBearerAuth()
@Roles('candidate')
@Controller('api/me/saved-jobs')
export class SavedJobsController {
  constructor(private readonly savedJobs: SavedJobsService) {}

  /** Newest saved first; `open` is false once the job has closed or expired. */
  @Get()
  async list(@CurrentUser() user: User): Promise<SavedJobApiView[]> {
    return (await this.savedJobs.list(user.id)).map(savedJobApiView);
  }

  /** Idempotent. 404 for a job never published, 409 for one no longer open. */
  @Put(':jobId')
  async save(@CurrentUser() user: User, @Param('jobId') jobId: string): Promise<{ jobId: string; savedAt: string }> {
    const saved = await this.savedJobs.save(user.id, jobId);
    return { jobId: saved.jobId, savedAt: saved.savedAt.toISOString() };
  }

  /** Idempotent. */
  @Delete(':jobId')
  @HttpCode(204)
  unsave(@CurrentUser() user: User, @Param('jobId') jobId: string): Promise<void> {
    return this.savedJobs.unsave(user.id, jobId);
  }
}
