import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsNotEmpty, IsString, MaxLength, ValidateIf } from 'class-validator';
import { PASSWORD_MAX_LENGTH } from '../passwords/password.service';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class RegisterDto {
  @ApiProperty({ example: 'dana@example.com' })
  @Transform(trim)
  @IsEmail({}, { message: 'Enter a valid email address.' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 12, maxLength: PASSWORD_MAX_LENGTH, description: '12 to 128 characters; common passwords are refused.' })
  @IsString()
  password: string;

  @ApiProperty({ example: 'Dana Rivera' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Enter your name.' })
  @MaxLength(100, { message: 'Use at most 100 characters.' })
  name: string;

  @ApiProperty({ enum: ['candidate', 'employer'] })
  @IsIn(['candidate', 'employer'], { message: 'Choose "I\'m hiring" or "I\'m a coder".' })
  role: 'candidate' | 'employer';

  @ApiPropertyOptional({ description: 'Required for employers.', example: 'Riverside Health' })
  @Transform(trim)
  @ValidateIf((o: RegisterDto) => o.role === 'employer' || (o.organizationName !== undefined && o.organizationName !== ''))
  @IsString()
  @IsNotEmpty({ message: "Enter your organization's name." })
  @MaxLength(120, { message: 'Use at most 120 characters.' })
  organizationName?: string;
}

export class LoginDto {
  @ApiProperty()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Enter your email address.' })
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'Enter your password.' })
  @MaxLength(1024)
  password: string;
}

export class ForgotPasswordDto {
  @ApiProperty()
  @Transform(trim)
  @IsEmail({}, { message: 'Enter a valid email address.' })
  @MaxLength(254)
  email: string;
}

export class ResetPasswordDto {
  @ApiProperty({ description: 'The token from the emailed link.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token: string;

  @ApiProperty({ minLength: 12, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  password: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'Enter your current password.' })
  @MaxLength(1024)
  currentPassword: string;

  @ApiProperty({ minLength: 12, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  newPassword: string;
}

export class VerifyEmailDto {
  @ApiProperty({ description: 'The token from the emailed link.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token: string;
}

export class UpdateProfileDto {
  @ApiProperty()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Enter your name.' })
  @MaxLength(100, { message: 'Use at most 100 characters.' })
  name: string;
}

export class UserView {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['candidate', 'employer', 'admin'] }) role: string;
  @ApiProperty() emailVerified: boolean;
}

export class SessionView {
  @ApiProperty({ type: UserView }) user: UserView;
  @ApiProperty({ description: 'Send as `Authorization: Bearer <token>`; short-lived.' }) accessToken: string;
}
