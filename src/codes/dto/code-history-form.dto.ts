import { IsIn } from 'class-validator';

/** POST /codes/history: turn the lookup history on or off. */
export class CodeHistoryFormDto {
  @IsIn(['on', 'off'], { message: 'Choose on or off.' })
  history: 'on' | 'off';
}
