import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export const MAX_INVITATION_MESSAGE = 2000;

/** "Invite to apply": one of the organization's open jobs and an optional note. */
export class InviteCandidateDto {
  @ApiProperty({ description: 'One of your organization’s open jobs.' })
  @IsUUID('all', { message: 'Choose one of your open jobs.' })
  jobId: string;

  @ApiPropertyOptional({ maxLength: MAX_INVITATION_MESSAGE, description: 'A short personal note, shown to the candidate as plain text.' })
  @IsOptional()
  // A blank note is no note; a form sends the empty textarea.
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || undefined : value))
  @IsString()
  @MaxLength(MAX_INVITATION_MESSAGE, { message: `Keep the note to ${MAX_INVITATION_MESSAGE} characters or fewer.` })
  message?: string;
}
