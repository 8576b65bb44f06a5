import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { ALERT_FREQUENCIES, AlertFrequency } from '../alert.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

const FREQUENCY_MESSAGE = 'Choose how often to get the email.';

/** "Create an alert for this search" (search page, job page): the search as a URL query string. */
export class CreateAlertFormDto {
  @IsString()
  @MaxLength(2000)
  search: string;

  @IsIn(ALERT_FREQUENCIES, { message: FREQUENCY_MESSAGE })
  frequency: AlertFrequency;

  @IsOptional()
  @IsString()
  name?: string;

  /** The page a guest comes back to (checked by safeNextPath). */
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  next?: string;
}

/** The same form for a visitor: the address the alerts go to once confirmed. */
export class GuestAlertFormDto extends CreateAlertFormDto {
  @Transform(trim)
  @IsEmail({}, { message: 'Enter a valid email address.' })
  @MaxLength(254)
  email: string;
}

/** Rename, frequency and time zone of one of a member's alerts. */
export class EditAlertFormDto {
  @IsString()
  name: string;

  @IsIn(ALERT_FREQUENCIES, { message: FREQUENCY_MESSAGE })
  frequency: AlertFrequency;

  @IsString()
  @MaxLength(64)
  timeZone: string;
}

/** A guest's manage page posts its signed link back with every action. */
export class ManageAlertFormDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  token: string;
}

export class ManageAlertFrequencyFormDto extends ManageAlertFormDto {
  @IsIn(ALERT_FREQUENCIES, { message: FREQUENCY_MESSAGE })
  frequency: AlertFrequency;
}
