import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUUID, MaxLength, registerDecorator, ValidationOptions } from 'class-validator';
import { MAX_SCREENING_QUESTIONS } from '../../jobs/screening-questions';
import { MAX_WRITTEN_ANSWER } from '../screening-answers';

export const MAX_COVER_LETTER = 10_000;

/** Browsers send a textarea's line breaks as CR LF; counted as one character, as the textarea's own limit counts them. */
const normalizeText = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : value);

/** One answer (documented shape; the list is checked whole by @IsAnswerList). */
export class ApplicationAnswerDto {
  @ApiProperty({ description: 'The id of one of the job’s screening questions' })
  questionId: string;

  @ApiProperty({ description: '"yes" or "no", one of the choices, or a written answer', maxLength: MAX_WRITTEN_ANSWER })
  answer: string;
}

const isAnswer = (item: unknown): boolean => {
  if (!item || typeof item !== 'object' || Array.isArray(item)) return false;
  const { questionId, answer, ...rest } = item as Record<string, unknown>;
  return typeof questionId === 'string' && questionId.length <= 64 && typeof answer === 'string' && Object.keys(rest).length === 0;
};

/**
 * The answers as a list of {questionId, answer} with text values, checked
 * whole so that anything else gets one plain message; what each answer may
 * say is the job's questions' business (checkAnswers).
 */
function IsAnswerList(options: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isAnswerList',
      target: object.constructor,
      propertyName,
      options,
      validator: { validate: (value: unknown) => Array.isArray(value) && value.length <= MAX_SCREENING_QUESTIONS * 2 && value.every(isAnswer) },
    });
}

/** `answers` arrives as a JSON string in a multipart body; one that does not parse is left for @IsAnswerList to refuse. */
const parseAnswers = ({ value }: { value: unknown }) => {
  if (value === '') return undefined;
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
};

/**
 * An application, as JSON or as multipart form data (with a `resume` file,
 * and `answers` as a JSON string). Without a file or `resumeId`, the
 * candidate's default resume is sent.
 */
export class CreateApplicationDto {
  @ApiPropertyOptional({ description: 'One of your resumes; leave it out to send your default one, or upload a `resume` file instead' })
  @IsOptional()
  @IsUUID('all', { message: 'Choose one of your resumes.' })
  resumeId?: string;

  @ApiPropertyOptional({ maxLength: MAX_COVER_LETTER })
  @Transform(normalizeText)
  @IsOptional()
  @IsString()
  @MaxLength(MAX_COVER_LETTER, { message: `Keep your cover letter to ${MAX_COVER_LETTER.toLocaleString('en-US')} characters.` })
  coverLetter?: string;

  @ApiPropertyOptional({ type: [ApplicationAnswerDto], description: 'Answers to the job’s screening questions (a JSON string in multipart bodies)' })
  @Transform(parseAnswers)
  @IsOptional()
  @IsAnswerList({ message: 'Send the answers as a JSON array of {questionId, answer}, each answer as text.' })
  answers?: ApplicationAnswerDto[];
}
