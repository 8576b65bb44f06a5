import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { ORGANIZATION_STATES, OrganizationState } from '../organization-moderation.service';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Sending a posting back from review: the employer reads the reason. */
export class RejectJobDto {
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Say what the employer needs to change.' })
  @MaxLength(1000, { message: 'Keep the reason to 1,000 characters.' })
  reason: string;

  /** On the review page: whose form to open again if this one is refused. */
  @IsOptional()
  @IsString()
  jobId?: string;
}

export class SuspendOrganizationDto {
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Say why the organization is suspended.' })
  @MaxLength(1000, { message: 'Keep the reason to 1,000 characters.' })
  reason: string;

  /** On the organizations page: whose form to open again if this one is refused. */
  @IsOptional()
  @IsString()
  organizationId?: string;
}

export class AdminOrganizationsQueryDto {
  @IsOptional()
  @IsString()
  @MaxLength(120)
  q?: string;

  @IsOptional()
  @IsIn(ORGANIZATION_STATES, { message: `Choose one of: ${ORGANIZATION_STATES.join(', ')}.` })
  state?: OrganizationState;
}

export class AdminUsersQueryDto {
  @IsOptional()
  @IsString()
  @MaxLength(254)
  q?: string;
}

/** A button's form on the users page: the search to come back to (checked by safeNextPath). */
export class AdminActionFormDto {
  @IsOptional()
  @IsString()
  next?: string;
}
