import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { CODE_SYSTEMS } from '../codes.service';
import type { CodeSystem } from '../code-sections';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value);

/** GET /api/codes and the /codes page. */
export class CodeSearchDto {
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: 'Use at most 200 characters.' })
  q?: string;

  // The page's "All code sets" choice sends an empty value: no filter.
  @Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value))
  @IsOptional()
  @IsIn(CODE_SYSTEMS, { message: `Use one of: ${CODE_SYSTEMS.join(', ')}.` })
  system?: CodeSystem;

  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'Use true or false.' })
  billable?: boolean;

  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @IsInt({ message: 'Use a page number from 1 to 400.' })
  @Min(1, { message: 'Use a page number from 1 to 400.' })
  @Max(400, { message: 'Use a page number from 1 to 400.' })
  page?: number;
}
