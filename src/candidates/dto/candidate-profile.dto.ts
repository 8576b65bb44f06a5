import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { SALARY_PERIODS, SalaryPeriod, Workplace, WORKPLACES } from '../../jobs/job.entity';
import { US_STATE } from '../../jobs/dto/job-input.dto';
import { PROFILE_VISIBILITIES, ProfileVisibility } from '../candidate-profile.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);
const trimAll = ({ value }: { value: unknown }) => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value);

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MESSAGE = 'Enter a date such as 2024-06-30.';

export const MAX_PROFILE_CREDENTIALS = 20;
export const MAX_PROFILE_SPECIALTIES = 30;
export const MAX_YEARS = 60;

export class CandidateCredentialDto {
  @ApiProperty({ example: 'CPC', description: 'A credential code from GET /api/credentials' })
  @Transform(upper)
  @IsString()
  @MaxLength(16)
  code: string;

  @ApiPropertyOptional({ example: '01234567', description: 'Shown only to the candidate: an issuer lookup by number would reveal who they are.' })
  @Transform(trim)
  @IsOptional()
  @IsString()
  @MaxLength(64, { message: 'Use at most 64 characters.' })
  certificateNumber?: string | null;

  @ApiPropertyOptional({ example: '2021-03-15' })
  @IsOptional()
  @Matches(DAY, { message: DAY_MESSAGE })
  @IsISO8601({ strict: true }, { message: DAY_MESSAGE })
  earnedOn?: string | null;

  @ApiPropertyOptional({ example: '2027-03-31', description: 'A credential past this date is shown as expired.' })
  @IsOptional()
  @Matches(DAY, { message: DAY_MESSAGE })
  @IsISO8601({ strict: true }, { message: DAY_MESSAGE })
  expiresOn?: string | null;
}

export class CandidateSpecialtyDto {
  @ApiProperty({ example: 'cpt-evaluation-management', description: 'A code specialty slug from GET /api/specialties (not a setting)' })
  @Transform(trim)
  @IsString()
  @MaxLength(64)
  slug: string;

  @ApiProperty({ minimum: 0, maximum: MAX_YEARS, example: 4 })
  @IsInt({ message: 'Enter a whole number of years, such as 3.' })
  @Min(0, { message: 'Enter 0 or more years.' })
  @Max(MAX_YEARS, { message: `Enter at most ${MAX_YEARS} years.` })
  years: number;
}

export class DesiredPayDto {
  @ApiProperty({ example: 55000 })
  @IsNumber({ maxDecimalPlaces: 2 }, { message: 'Enter an amount in numbers, such as 55000 or 26.50.' })
  @Min(0)
  @Max(10_000_000)
  min: number;

  @ApiProperty({ enum: SALARY_PERIODS })
  @IsIn(SALARY_PERIODS, { message: 'Choose per hour or per year.' })
  period: SalaryPeriod;
}

/**
 * The whole profile, as `PUT /api/me/profile` replaces it: a field left out
 * (or null) is cleared, a list left out is emptied. Taxonomy codes, dates in
 * order and duplicates are checked by CandidateProfilesService.
 */
export class CandidateProfileDto {
  @ApiPropertyOptional({ maxLength: 120, example: 'CPC, CRC: risk adjustment and E/M coder' })
  @Transform(trim)
  @IsOptional()
  @IsString()
  @MaxLength(120, { message: 'Use at most 120 characters.' })
  headline?: string | null;

  @ApiPropertyOptional({ maxLength: 5000, description: 'About you, as employers see it' })
  @IsOptional()
  @IsString()
  @MaxLength(5000, { message: 'Use at most 5,000 characters.' })
  summary?: string | null;

  @ApiPropertyOptional({ example: 'Tulsa' })
  @Transform(trim)
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: 'Use at most 100 characters.' })
  city?: string | null;

  @ApiPropertyOptional({ example: 'OK' })
  @Transform(upper)
  @IsOptional()
  @Matches(US_STATE, { message: 'Use a two-letter US state code, such as TX.' })
  state?: string | null;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  openToRelocation?: boolean | null;

  @ApiPropertyOptional({ enum: WORKPLACES, isArray: true, example: ['remote', 'hybrid'] })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(WORKPLACES, { each: true, message: 'Choose onsite, hybrid or remote.' })
  workplacePreferences?: Workplace[] | null;

  @ApiPropertyOptional({ type: DesiredPayDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => DesiredPayDto)
  desiredPay?: DesiredPayDto | null;

  @ApiPropertyOptional({ example: ['pro-fee'], description: 'Setting slugs from GET /api/specialties' })
  @Transform(trimAll)
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  settings?: string[] | null;

  @ApiPropertyOptional({ description: 'Encoders and EHRs', example: ['3M', 'Epic'] })
  @Transform(trimAll)
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(40, { each: true, message: 'Use at most 40 characters for each tool.' })
  tools?: string[] | null;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_YEARS, description: 'Total years of coding experience' })
  @IsOptional()
  @IsInt({ message: 'Enter a whole number of years, such as 3.' })
  @Min(0, { message: 'Enter 0 or more years.' })
  @Max(MAX_YEARS, { message: `Enter at most ${MAX_YEARS} years.` })
  yearsExperience?: number | null;

  @ApiPropertyOptional({ example: 'https://www.linkedin.com/in/dana-rivera' })
  @Transform(trim)
  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'Enter your LinkedIn profile address, such as https://www.linkedin.com/in/your-name' })
  @MaxLength(2000)
  linkedinUrl?: string | null;

  @ApiPropertyOptional({
    enum: PROFILE_VISIBILITIES,
    default: 'private',
    description: 'employers: verified employers can find you, without your contact details',
  })
  @IsOptional()
  @IsIn(PROFILE_VISIBILITIES, { message: 'Choose private or visible to employers.' })
  visibility?: ProfileVisibility | null;

  @ApiPropertyOptional({ type: [CandidateCredentialDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_PROFILE_CREDENTIALS)
  @ValidateNested({ each: true })
  @Type(() => CandidateCredentialDto)
  credentials?: CandidateCredentialDto[] | null;

  @ApiPropertyOptional({ type: [CandidateSpecialtyDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_PROFILE_SPECIALTIES)
  @ValidateNested({ each: true })
  @Type(() => CandidateSpecialtyDto)
  specialties?: CandidateSpecialtyDto[] | null;
}
