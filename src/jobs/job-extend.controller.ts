import { Body, Controller, Get, Param, Post, Query, Render, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/public.decorator';
import { FormView } from '../common/form-view';
import { Env } from '../config/env';
import { Flash } from '../web/flash';
import { ExtendJobDto } from './dto/extend-job.dto';
import { formatExpiryDate } from './extend-link';
import { jobPath } from './job-paths';
import { JobsService } from './jobs.service';

/**
 * The page behind the expiry warning's extend link. The signed token is the
 * authority, so no sign-in is needed. Both routes render the page's own
 * error state (bad link, closed job) through FormView.
 */
@ApiExcludeController()
@Controller('jobs')
export class JobExtendController {
  private readonly flash: Flash;

  constructor(
    private readonly jobs: JobsService,
    env: Env,
  ) {
    this.flash = new Flash(env);
  }

  /** Only shows the posting and a button: mail scanners follow links, and a GET must change nothing. */
  @Public()
  @Get(':id/extend')
  @FormView('jobs/extend')
  @Render('jobs/extend')
  async extendPage(@Param('id') id: string, @Query('token') token?: unknown): Promise<Record<string, unknown>> {
    const job = await this.jobs.findByExtendToken(typeof token === 'string' ? token : '', id);
    return {
      token,
      job: { id: job.id, title: job.title, url: jobPath(job), expiresOn: formatExpiryDate(job.validThrough!), expired: job.status === 'expired' },
    };
  }

  @Public()
  @Post(':id/extend')
  @FormView('jobs/extend')
  async extend(@Param('id') id: string, @Body() dto: ExtendJobDto, @Res() res: Response): Promise<void> {
    const job = await this.jobs.extendWithToken(dto.token, id);
    this.flash.set(res, 'success', `Your posting “${job.title}” is open until ${formatExpiryDate(job.validThrough!)}.`);
    res.redirect(303, jobPath(job));
  }
}
