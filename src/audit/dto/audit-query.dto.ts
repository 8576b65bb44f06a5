import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, isEmail, isISO8601, IsUUID, isUUID, Matches, registerDecorator, ValidationOptions } from 'class-validator';
import { AUDIT_ACTIONS, AuditAction } from '../audit-actions';

export const DEFAULT_AUDIT_PAGE = 50;
export const MAX_AUDIT_PAGE = 100;

/** A GET form sends every field, the blank ones as ''; blank is no filter. */
const blankless = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || undefined : value);

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** One rule, one message (stacked class-validator rules would repeat it). */
function Passes(name: string, check: (value: unknown) => boolean, message: string) {
  const options: ValidationOptions = { message };
  return (object: object, propertyName: string) =>
    registerDecorator({ name, target: object.constructor, propertyName, options, validator: { validate: check } });
}

const IsDay = () =>
  Passes('isDay', (value) => typeof value === 'string' && DAY.test(value) && isISO8601(value, { strict: true }), 'Enter a date such as 2026-01-31.');

/** GET /api/admin/audit and the /admin/audit page: every filter optional; newest first. */
export class AuditQueryDto {
  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @Transform(blankless)
  @IsOptional()
  @IsIn(AUDIT_ACTIONS, { message: 'Choose an action from the list.' })
  action?: AuditAction;

  @ApiPropertyOptional({ description: 'Who acted: a user id, or an email address (any case)' })
  @Transform(blankless)
  @IsOptional()
  @Passes('isUserReference', (value) => typeof value === 'string' && (isUUID(value) || isEmail(value)), 'Enter an email address or a user id.')
  actor?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Transform(blankless)
  @IsOptional()
  @IsUUID('all', { message: 'Enter an organization id (a UUID).' })
  organizationId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'What the action was about: a job, application, invitation, team member…' })
  @Transform(blankless)
  @IsOptional()
  @IsUUID('all', { message: 'Enter an id (a UUID).' })
  subjectId?: string;

  @ApiPropertyOptional({ example: '2026-01-01', description: 'From the start of this day (UTC)' })
  @Transform(blankless)
  @IsOptional()
  @IsDay()
  from?: string;

  @ApiPropertyOptional({ example: '2026-01-31', description: 'To the end of this day (UTC)' })
  @Transform(blankless)
  @IsOptional()
  @IsDay()
  to?: string;

  @ApiPropertyOptional({ description: 'The previous page’s `nextBefore`: only events older than that one' })
  @Transform(blankless)
  @IsOptional()
  @Matches(/^[1-9]\d{0,17}$/, { message: 'Use the nextBefore value of the previous page.' })
  before?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_AUDIT_PAGE, default: DEFAULT_AUDIT_PAGE })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{1,4}$/.test(value) ? Number(value) : value))
  @IsOptional()
  @Passes(
    'isPageSize',
    (value) => Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_AUDIT_PAGE,
    `Use a number from 1 to ${MAX_AUDIT_PAGE}.`,
  )
  limit?: number;
}
