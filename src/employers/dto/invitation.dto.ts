import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { OrganizationRole } from '../organization-member.entity';

export const ORGANIZATION_ROLES: readonly OrganizationRole[] = ['owner', 'recruiter'];

export class CreateInvitationDto {
  @ApiProperty({ example: 'sam@riverside-health.example' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsEmail({}, { message: 'Enter a valid email address.' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ enum: ORGANIZATION_ROLES, description: 'A recruiter manages the jobs; an owner also manages the profile and the team.' })
  @IsIn(ORGANIZATION_ROLES, { message: 'Choose owner or recruiter.' })
  role: OrganizationRole;
}

export class AcceptInvitationDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token: string;
}
