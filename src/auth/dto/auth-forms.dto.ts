import { IsOptional, IsString, MaxLength } from 'class-validator';
import { LoginDto } from './auth.dto';

/** The sign-in form also carries where to go afterwards (checked by safeNextPath before use). */
export class LoginFormDto extends LoginDto {
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  next?: string;
}
