import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { REPORT_REASONS, ReportReason } from '../job-report.entity';

/** A report from the job page's form or the API. */
export class JobReportDto {
  @IsIn(REPORT_REASONS, { message: 'Choose what is wrong with this job.' })
  reason: ReportReason;

  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: 'Keep the details to 2,000 characters.' })
  details?: string;
}
