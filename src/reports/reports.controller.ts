import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { RateLimited } from '../auth/auth-throttle';
import { Public } from '../auth/public.decorator';
import { User } from '../users/user.entity';
import { JobReportDto } from './dto/job-report.dto';
import { ReportOutcome, ReportsService } from './reports.service';

/** Anyone, signed in or not, can report a published posting. */
@ApiTags('reports')
@Public()
@Controller('api/jobs/:id/reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post()
  @HttpCode(201)
  @RateLimited('job-report')
  @ApiOkResponse({ description: '`recorded` is false when the same reporter already has an open report on the job.' })
  report(@Param('id') id: string, @Body() dto: JobReportDto, @Req() req: Request): Promise<ReportOutcome> {
    return this.reports.report({ user: req.user as User | undefined, ip: req.ip }, id, dto);
  }
}
