import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUrl, Matches, MaxLength, ValidateIf } from 'class-validator';
import { US_STATE } from '../../jobs/dto/job-input.dto';
import { ORGANIZATION_SIZE_BANDS, OrganizationSizeBand } from '../organization.entity';

export const ABOUT_MAX_LENGTH = 5000;

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** An emptied form field clears the value, like `null` in JSON. */
const emptyToNull = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value);
const upperOrNull = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() || null : value);

/** The profile fields an owner may change; every one is optional, and null (or an empty form field) clears it. */
export class UpdateOrganizationDto {
  @ApiPropertyOptional({ example: 'Riverside Health', maxLength: 120 })
  @Transform(trim)
  @ValidateIf((o: UpdateOrganizationDto) => o.name !== undefined)
  @IsString()
  @IsNotEmpty({ message: "Enter your organization's name." })
  @MaxLength(120, { message: 'Use at most 120 characters.' })
  name?: string;

  @ApiPropertyOptional({ example: 'https://www.riverside-health.example', nullable: true, description: 'http or https' })
  @Transform(emptyToNull)
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: 'Use at most 2,000 characters.' })
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_valid_protocol: true },
    { message: 'Enter a web address that starts with https:// or http://.' },
  )
  website?: string | null;

  @ApiPropertyOptional({ description: `Markdown, up to ${ABOUT_MAX_LENGTH} characters.`, nullable: true })
  @Transform(emptyToNull)
  @IsOptional()
  @IsString()
  @MaxLength(ABOUT_MAX_LENGTH, { message: 'Use at most 5,000 characters.' })
  about?: string | null;

  @ApiPropertyOptional({ example: 'Austin', nullable: true })
  @Transform(emptyToNull)
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: 'Use at most 100 characters.' })
  headquartersCity?: string | null;

  @ApiPropertyOptional({ example: 'TX', nullable: true })
  @Transform(upperOrNull)
  @IsOptional()
  @Matches(US_STATE, { message: 'Use a two-letter US state code, such as TX.' })
  headquartersState?: string | null;

  @ApiPropertyOptional({ enum: ORGANIZATION_SIZE_BANDS, nullable: true })
  @Transform(emptyToNull)
  @IsOptional()
  @IsIn(ORGANIZATION_SIZE_BANDS, { message: 'Choose one of the listed sizes.' })
  sizeBand?: OrganizationSizeBand | null;
}
