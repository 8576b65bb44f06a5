import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDateString,
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  APPLY_METHODS,
  ApplyMethod,
  CLOSE_REASONS,
  CloseReason,
  EMPLOYMENT_TYPES,
  EmploymentType,
  JOB_STATUSES,
  JobStatus,
  SALARY_PERIODS,
  SalaryPeriod,
  SCREENING_QUESTION_KINDS,
  ScreeningQuestionKind,
  WORKPLACES,
  Workplace,
} from '../job.entity';
import { MAX_CHOICES, MAX_SCREENING_QUESTIONS } from '../screening-questions';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);
const upperAll = ({ value }: { value: unknown }) => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim().toUpperCase() : v)) : value);
const trimAll = ({ value }: { value: unknown }) => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value);

export const US_STATE = /^(A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]|PA|PR|RI|S[CD]|T[NX]|UT|V[TA]|W[AVIY])$/;
const STATE_MESSAGE = 'Use a two-letter US state code, such as TX.';

export class JobLocationDto {
  @ApiProperty({ example: 'Austin' })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'Enter a city.' })
  @MaxLength(100)
  city: string;

  @ApiProperty({ example: 'TX' })
  @Transform(upper)
  @Matches(US_STATE, { message: STATE_MESSAGE })
  state: string;

  @ApiPropertyOptional({ example: '78701' })
  @Transform(trim)
  @IsOptional()
  @Matches(/^\d{5}(-\d{4})?$/, { message: 'Use a US ZIP code such as 78701.' })
  postalCode?: string;
}

export class SalaryDto {
  @ApiPropertyOptional({ example: 52000 })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(10_000_000)
  min?: number;

  @ApiPropertyOptional({ example: 64000 })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(10_000_000)
  max?: number;

  @ApiPropertyOptional({ default: 'USD' })
  @Transform(upper)
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'Use a three-letter currency code such as USD.' })
  currency?: string;

  @ApiPropertyOptional({ enum: SALARY_PERIODS })
  @IsOptional()
  @IsIn(SALARY_PERIODS)
  period?: SalaryPeriod;
}

export class ApplyDto {
  @ApiProperty({ enum: APPLY_METHODS, default: 'onsite' })
  @IsIn(APPLY_METHODS)
  method: ApplyMethod;

  @ApiPropertyOptional({ description: 'https only; required when method is url' })
  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'Enter an https:// address.' })
  @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional({ description: 'required when method is email' })
  @Transform(trim)
  @IsOptional()
  @IsEmail({}, { message: 'Enter a valid email address.' })
  @MaxLength(254)
  email?: string;
}

/** A question coders answer when they apply on CareerCenter; the rules between fields are JobsService's. */
export class ScreeningQuestionDto {
  @ApiPropertyOptional({ description: 'A saved question’s id, to keep it (answers point at it); leave it out for a new question' })
  @IsOptional()
  @IsUUID('all', { message: 'Use the id of one of this job’s questions, or leave it out.' })
  id?: string;

  @ApiProperty({ enum: SCREENING_QUESTION_KINDS })
  @IsIn(SCREENING_QUESTION_KINDS, { message: 'Choose a yes/no question, a short written answer, or one of several choices.' })
  kind: ScreeningQuestionKind;

  @ApiProperty({ maxLength: 300, example: 'Do you hold an active CPC credential?' })
  @Transform(trim)
  @IsString()
  @MinLength(5, { message: 'Write a question of at least 5 characters.' })
  @MaxLength(300, { message: 'Use at most 300 characters.' })
  text: string;

  @ApiPropertyOptional({ description: `For kind "choice": 2 to ${MAX_CHOICES} options`, example: ['0–1 years', '2–4 years', '5+ years'] })
  @Transform(trimAll)
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_CHOICES, { message: `Give at most ${MAX_CHOICES} choices.` })
  @IsString({ each: true })
  @MaxLength(100, { each: true, message: 'Keep each choice to 100 characters.' })
  choices?: string[];

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  required?: boolean;

  @ApiPropertyOptional({ description: '"yes" or "no", or one of the choices: applicants who answer it are flagged for you, never rejected automatically' })
  @Transform(trim)
  @IsOptional()
  @IsString()
  @MaxLength(100)
  knockoutAnswer?: string;
}

/**
 * Everything an employer writes about a posting. Fields a client must not
 * set (organizationId, status, publishedAt…) are not here, so the global
 * ValidationPipe refuses them with 400. Cross-field rules (salary order,
 * apply details, locations for onsite work, taxonomy codes) are checked by
 * JobsService and reported by field.
 */
export class JobInputDto {
  @ApiProperty({ maxLength: 120, example: 'Outpatient Coder II (CPC or CCS)' })
  @Transform(trim)
  @IsString()
  @MinLength(3, { message: 'Enter a title of at least 3 characters.' })
  @MaxLength(120, { message: 'Use at most 120 characters.' })
  title: string;

  @ApiProperty({ description: 'Markdown, up to 20,000 characters' })
  @IsString()
  @MinLength(20, { message: 'Describe the job in at least 20 characters.' })
  @MaxLength(20_000, { message: 'Use at most 20,000 characters.' })
  description: string;

  @ApiProperty({ enum: EMPLOYMENT_TYPES })
  @IsIn(EMPLOYMENT_TYPES, { message: 'Choose an employment type.' })
  employmentType: EmploymentType;

  @ApiProperty({ enum: WORKPLACES })
  @IsIn(WORKPLACES, { message: 'Choose onsite, hybrid or remote.' })
  workplace: Workplace;

  @ApiPropertyOptional({ type: [JobLocationDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => JobLocationDto)
  locations?: JobLocationDto[];

  @ApiPropertyOptional({ description: 'Remote jobs: states the employer can hire in; empty means any US state', example: ['TX', 'OK'] })
  @Transform(upperAll)
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @Matches(US_STATE, { each: true, message: STATE_MESSAGE })
  remoteStates?: string[];

  @ApiPropertyOptional({ type: SalaryDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SalaryDto)
  salary?: SalaryDto;

  @ApiPropertyOptional({ description: 'Any one of these qualifies', example: ['CPC', 'CCS'] })
  @Transform(upperAll)
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  credentials?: string[];

  @ApiPropertyOptional({ description: 'CPC-A welcome' })
  @IsOptional()
  @IsBoolean()
  apprenticeFriendly?: boolean;

  @ApiPropertyOptional({ example: ['surgery-musculoskeletal'] })
  @Transform(trimAll)
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  specialties?: string[];

  @ApiPropertyOptional({ example: ['pro-fee'] })
  @Transform(trimAll)
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  settings?: string[];

  @ApiPropertyOptional({ minimum: 0, maximum: 40 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(40)
  minYearsExperience?: number;

  @ApiPropertyOptional({ description: 'Encoders and EHRs', example: ['Epic', '3M'] })
  @Transform(trimAll)
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  tools?: string[];

  @ApiPropertyOptional({ maxLength: 500, example: '20 charts an hour after training' })
  @Transform(trim)
  @IsOptional()
  @IsString()
  @MaxLength(500)
  productivity?: string;

  @ApiPropertyOptional({ type: ApplyDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ApplyDto)
  apply?: ApplyDto;

  @ApiPropertyOptional({
    type: [ScreeningQuestionDto],
    description: `Up to ${MAX_SCREENING_QUESTIONS} questions asked when coders apply on CareerCenter; the list replaces the saved one`,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_SCREENING_QUESTIONS, { message: `Ask at most ${MAX_SCREENING_QUESTIONS} screening questions.` })
  @ValidateNested({ each: true })
  @Type(() => ScreeningQuestionDto)
  screeningQuestions?: ScreeningQuestionDto[];

  @ApiPropertyOptional({ description: 'ISO date-time; defaults to 30 days after publishing, at most 90 days ahead' })
  @IsOptional()
  @IsDateString()
  validThrough?: string;
}

export class CreateJobDto extends JobInputDto {
  @ApiPropertyOptional({ description: 'Publish at once instead of saving a draft' })
  @IsOptional()
  @IsBoolean()
  publish?: boolean;
}

export class CloseJobDto {
  @ApiProperty({ enum: CLOSE_REASONS })
  @IsIn(CLOSE_REASONS, { message: 'Choose filled or closed.' })
  reason: CloseReason;
}

export class RenewJobDto {
  @ApiPropertyOptional({ description: 'ISO date-time, at most 90 days from now; default 30 days from now' })
  @IsOptional()
  @IsDateString()
  validThrough?: string;
}

/** PATCH body: any subset of the posting's fields; nested `salary` and `apply` are replaced whole. */
export class UpdateJobDto extends PartialType(JobInputDto) {}

export class ListJobsQueryDto {
  @ApiPropertyOptional({ enum: JOB_STATUSES })
  @IsOptional()
  @IsIn(JOB_STATUSES, { message: `Use one of: ${JOB_STATUSES.join(', ')}.` })
  status?: JobStatus;
}
