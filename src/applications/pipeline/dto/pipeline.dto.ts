import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { APPLICATION_EMAIL_CHOICES, ApplicationEmailChoice } from '../../../employers/organization-member.entity';
import { APPLICATION_STATUSES, ApplicationStatus } from '../../application.entity';

/** Trimmed; an empty text (a form's blank textarea) is no message at all. */
const optionalText = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const text = value.trim().replace(/\r\n/g, '\n');
  return text === '' ? undefined : text;
};

/** A form sends one checked box as a plain value and several as an array. */
const asArray = ({ value }: { value: unknown }) => (value === undefined || Array.isArray(value) ? value : [value]);

export const MAX_CANDIDATE_MESSAGE = 2000;
export const MAX_BULK_REJECT = 200;

export class MoveApplicationDto {
  @ApiProperty({ enum: APPLICATION_STATUSES, description: 'The next stage; see the pipeline for what may follow what.' })
  @IsIn(APPLICATION_STATUSES, { message: 'Choose a stage.' })
  status: ApplicationStatus;

  @ApiPropertyOptional({
    maxLength: MAX_CANDIDATE_MESSAGE,
    description: 'A personal message emailed to the candidate (interviewing, offered, hired or rejected only).',
  })
  @Transform(optionalText)
  @IsOptional()
  @IsString()
  @MaxLength(MAX_CANDIDATE_MESSAGE, { message: `Keep the message to ${MAX_CANDIDATE_MESSAGE.toLocaleString('en-US')} characters or fewer.` })
  message?: string;
}

export class BulkRejectDto {
  @ApiProperty({ type: [String], description: `Applications to this job, at most ${MAX_BULK_REJECT}.` })
  @Transform(asArray)
  @IsArray({ message: 'List the applications to reject by id.' })
  @ArrayMinSize(1, { message: 'Choose the applicants to reject.' })
  @ArrayMaxSize(MAX_BULK_REJECT, { message: `Choose at most ${MAX_BULK_REJECT} applicants at a time.` })
  @ArrayUnique({ message: 'An applicant is listed twice.' })
  @IsUUID('all', { each: true, message: 'Choose applicants from the list.' })
  // A form with nothing checked sends no field at all.
  applicationIds: string[] = [];

  @ApiPropertyOptional({ maxLength: MAX_CANDIDATE_MESSAGE, description: 'One personal message, emailed to each of them.' })
  @Transform(optionalText)
  @IsOptional()
  @IsString()
  @MaxLength(MAX_CANDIDATE_MESSAGE, { message: `Keep the message to ${MAX_CANDIDATE_MESSAGE.toLocaleString('en-US')} characters or fewer.` })
  message?: string;
}

export class CreateNoteDto {
  @ApiProperty({ maxLength: 5000, description: 'Seen only by the organization’s team.' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().replace(/\r\n/g, '\n') : value))
  @IsString({ message: 'Write a note.' })
  @MinLength(1, { message: 'Write a note.' })
  @MaxLength(5000, { message: 'Keep a note to 5,000 characters or fewer.' })
  body: string;
}

export class ApplicationEmailsDto {
  @ApiProperty({ enum: APPLICATION_EMAIL_CHOICES, description: 'instant: an email for each new application; daily: one digest a day; off: none.' })
  @IsIn(APPLICATION_EMAIL_CHOICES, { message: 'Choose instant, daily or off.' })
  applicationEmails: ApplicationEmailChoice;
}
