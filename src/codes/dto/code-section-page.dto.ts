import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** GET /codes/:system/sections/:section: a page past the last answers 404. */
export class CodeSectionPageDto {
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value))
  @IsInt({ message: 'Use a page number from 1 to 1000.' })
  @Min(1, { message: 'Use a page number from 1 to 1000.' })
  @Max(1000, { message: 'Use a page number from 1 to 1000.' })
  page?: number;
}
