import { Body, Controller, Get, Param, Post, Render, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { RateLimited } from '../auth/auth-throttle';
import { Public } from '../auth/public.decorator';
import { FormView } from '../common/form-view';
import { Env } from '../config/env';
import { User } from '../users/user.entity';
import { Flash } from '../web/flash';
import { JobReportDto } from './dto/job-report.dto';
import { REPORT_REASONS } from './job-report.entity';
import { REPORT_REASON_LABELS, ReportsService } from './reports.service';

const REASON_CHOICES = REPORT_REASONS.map((value) => ({ value, label: REPORT_REASON_LABELS[value] }));

/** "Report this job", linked from every job page. */
@ApiExcludeController()
@Public()
@Controller('jobs/:id/report')
export class ReportPagesController {
  private readonly flash: Flash;

  constructor(
    private readonly reports: ReportsService,
    env: Env,
  ) {
    this.flash = new Flash(env);
  }

  @Get()
  @Render('reports/new')
  async form(@Param('id') id: string, @Res({ passthrough: true }) res: Response): Promise<object> {
    res.locals.job = await this.reports.reportable(id);
    return { reasons: REASON_CHOICES, noindex: true };
  }

  @Post()
  @RateLimited('job-report')
  @FormView('reports/new')
  async report(@Param('id') id: string, @Body() dto: JobReportDto, @Req() req: Request, @Res() res: Response): Promise<void> {
    const job = await this.reports.reportable(id);
    Object.assign(res.locals, { job, reasons: REASON_CHOICES, noindex: true });
    const outcome = await this.reports.report({ user: req.user as User | undefined, ip: req.ip }, id, dto);
    this.flash.set(
      res,
      'success',
      outcome.recorded
        ? 'Thank you: your report was sent to our team, who will look into it.'
        : 'You have already reported this job; our team has your report.',
    );
    res.redirect(303, outcome.paused ? '/jobs' : job.path);
  }
}
