import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** GET /api/specialties/for-code. */
export class SpecialtyForCodeDto {
  @IsString({ message: 'Give a code, such as 21925 or E11.9.' })
  @IsNotEmpty({ message: 'Give a code, such as 21925 or E11.9.' })
  @MaxLength(10, { message: 'A code has at most 8 characters, such as E11.9 or 21925.' })
  code: string;
}
