import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DEFAULT_INSIGHT_DAYS, MAX_INSIGHT_DAYS } from '../job-insight.service';

const message = `Use a number of days from 1 to ${MAX_INSIGHT_DAYS}.`;

/** GET /api/jobs/:id/insight. */
export class JobInsightQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_INSIGHT_DAYS, default: DEFAULT_INSIGHT_DAYS, description: 'UTC days up to today.' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @IsInt({ message })
  @Min(1, { message })
  @Max(MAX_INSIGHT_DAYS, { message })
  days?: number;
}
