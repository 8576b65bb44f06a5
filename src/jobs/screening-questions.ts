import { FieldErrors } from '../common/domain-error';
import { ScreeningQuestion, ScreeningQuestionKind } from './job.entity';

export const MAX_SCREENING_QUESTIONS = 5;
export const MIN_CHOICES = 2;
export const MAX_CHOICES = 10;

/** A question as an employer sends it (JobInputDto has validated each field's own shape). */
export interface ScreeningQuestionInput {
  id?: string;
  kind: ScreeningQuestionKind;
  text: string;
  choices?: string[];
  required?: boolean;
  knockoutAnswer?: string;
}

export const YES_NO_ANSWERS = ['yes', 'no'] as const;

/** A question as applicants see it: which answer the employer flags is not theirs to know. */
export type PublicScreeningQuestion = Omit<ScreeningQuestion, 'knockoutAnswer'>;

export const withoutKnockouts = (questions: ScreeningQuestion[]): PublicScreeningQuestion[] =>
  questions.map(({ knockoutAnswer: _employersOnly, ...question }) => question);

const sameWords = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'accent' }) === 0;

/**
 * The job's questions as stored, from what the employer sent, with every
 * problem reported under `screeningQuestions.<index>.<field>`. A saved
 * question keeps its id (answers point at it); a new one gets `newId()`. A
 * knockout is matched without regard to letter case and stored as the
 * choice is spelt.
 */
export function normalizeScreeningQuestions(
  input: ScreeningQuestionInput[],
  current: ScreeningQuestion[],
  newId: () => string,
): { questions: ScreeningQuestion[]; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const add = (index: number, field: string, message: string) => (errors[`screeningQuestions.${index}.${field}`] ??= []).push(message);
  const currentIds = new Set(current.map((q) => q.id));
  const seenIds = new Set<string>();

  const questions = input.map((q, index): ScreeningQuestion => {
    let id = q.id;
    if (id !== undefined && (!currentIds.has(id) || seenIds.has(id))) {
      add(index, 'id', 'Not one of this job’s questions: leave the id out for a new question.');
      id = undefined;
    }
    id ??= newId();
    seenIds.add(id);

    const choices = (q.choices ?? []).filter((c) => c !== '');
    const question: ScreeningQuestion = { id, kind: q.kind, text: q.text, required: q.required ?? true };
    if (q.kind !== 'choice' && choices.length) add(index, 'choices', 'Only a question answered by one of several choices lists choices.');

    const knockout = q.knockoutAnswer?.trim() || undefined;
    if (q.kind === 'yes_no' && knockout) {
      const answer = YES_NO_ANSWERS.find((a) => sameWords(a, knockout));
      if (answer) question.knockoutAnswer = answer;
      else add(index, 'knockoutAnswer', 'For a yes/no question, the answer to flag is “yes” or “no”.');
    }
    if (q.kind === 'text' && knockout) add(index, 'knockoutAnswer', 'A written answer cannot be flagged: use a yes/no or a choice question.');
    if (q.kind === 'choice') {
      if (choices.length < MIN_CHOICES || choices.length > MAX_CHOICES) add(index, 'choices', `Give ${MIN_CHOICES} to ${MAX_CHOICES} choices.`);
      if (choices.some((c, i) => choices.findIndex((other) => sameWords(other, c)) !== i)) add(index, 'choices', 'Give each choice once.');
      question.choices = choices;
      if (knockout) {
        const answer = choices.find((c) => sameWords(c, knockout));
        if (answer) question.knockoutAnswer = answer;
        else add(index, 'knockoutAnswer', 'The answer to flag must be one of the choices.');
      }
    }
    return question;
  });
  return { questions, errors };
}
