import { IsString, MaxLength } from 'class-validator';

/** The one-click extend form: the token from the emailed link. */
export class ExtendJobDto {
  @IsString()
  @MaxLength(2000)
  token: string;
}
