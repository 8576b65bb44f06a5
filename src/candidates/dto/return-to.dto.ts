import { IsOptional, IsString, MaxLength } from 'class-validator';

/** A web button's form: the page to come back to (checked by safeNextPath). */
export class ReturnToDto {
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  next?: string;
}
