import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { ALERT_FILTERS } from '../alert-filters';
import { ALERT_FREQUENCIES, AlertFrequency } from '../alert.entity';

const FREQUENCY_MESSAGE = `Use one of: ${ALERT_FREQUENCIES.join(', ')}.`;

const FILTERS_DESCRIPTION =
  `The search's filters by their URL names (${ALERT_FILTERS.join(', ')}), one value or a list, as GET /api/jobs takes them. ` +
  'Unknown values are refused with the values allowed.';

export class CreateAlertDto {
  @ApiPropertyOptional({ maxLength: 100, description: 'Made from the search when left out ("CPC · Remote · Texas").' })
  @IsOptional()
  @IsString()
  name?: string;

  @ApiPropertyOptional({ example: 'outpatient coder', description: 'The words searched, as in the search box.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  query?: string;

  @ApiPropertyOptional({ example: { credential: ['CPC'], workplace: 'remote', state: 'TX' }, description: FILTERS_DESCRIPTION })
  @IsOptional()
  @IsObject()
  filters?: Record<string, unknown>;

  @ApiProperty({ enum: ALERT_FREQUENCIES })
  @IsIn(ALERT_FREQUENCIES, { message: FREQUENCY_MESSAGE })
  frequency: AlertFrequency;

  @ApiPropertyOptional({ example: 'America/Chicago', description: 'IANA zone of daily and weekly emails; ALERT_DEFAULT_TIME_ZONE when left out.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string;
}

export class UpdateAlertDto {
  @ApiPropertyOptional({ maxLength: 100, description: 'Blank: a name made from the search.' })
  @IsOptional()
  @IsString()
  name?: string;

  @ApiPropertyOptional({ description: 'Replaces the words searched; the filters stay unless given too.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  query?: string;

  @ApiPropertyOptional({ description: `Replaces every filter. ${FILTERS_DESCRIPTION}` })
  @IsOptional()
  @IsObject()
  filters?: Record<string, unknown>;

  @ApiPropertyOptional({ enum: ALERT_FREQUENCIES })
  @IsOptional()
  @IsIn(ALERT_FREQUENCIES, { message: FREQUENCY_MESSAGE })
  frequency?: AlertFrequency;

  @ApiPropertyOptional({ example: 'America/Chicago' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string;

  @ApiPropertyOptional({ description: 'true pauses; false resumes (also an alert stopped by an unsubscribe link).' })
  @IsOptional()
  @IsBoolean()
  paused?: boolean;
}
