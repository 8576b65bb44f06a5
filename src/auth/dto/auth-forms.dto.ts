import { IsOptional, IsString, MaxLength } from 'class-validator';
import { LoginDto, RegisterDto } from './auth.dto';

/** The sign-in form also carries where to go afterwards (checked by safeNextPath before use). */
export class LoginFormDto extends LoginDto {
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  next?: string;
}

/** The registration form can also carry where to go afterwards (an invitation page, say). */
export class RegisterFormDto extends RegisterDto {
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  next?: string;
}
