import { FieldErrors } from '../common/domain-error';
import { ScreeningQuestion } from '../jobs/job.entity';
import { YES_NO_ANSWERS } from '../jobs/screening-questions';
import { ScreeningAnswer } from './application.entity';

export const MAX_WRITTEN_ANSWER = 1000;

/** An answer as a candidate sends it. */
export interface SubmittedAnswer {
  questionId: string;
  answer: string;
}

/** The field a question's answer is reported under (and the web form's input name). */
export const answerField = (questionId: string): string => `answers.${questionId}`;

const sameWords = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'accent' }) === 0;

/**
 * Checks the answers against the job's questions and returns them as stored:
 * in the questions' order, each with the question's text as asked and
 * whether it is the answer the employer flags. Yes/no and choice answers are
 * matched without regard to letter case and kept as the question spells
 * them. Problems are reported by question.
 */
export function checkAnswers(
  questions: ScreeningQuestion[],
  submitted: SubmittedAnswer[],
): { answers: ScreeningAnswer[]; knockout: boolean; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);
  const given = new Map<string, string>();
  for (const { questionId, answer } of submitted) {
    if (!questions.some((q) => q.id === questionId)) add('answers', `There is no question ${questionId} on this job.`);
    else if (given.has(questionId)) add(answerField(questionId), 'Answer each question once.');
    else given.set(questionId, answer.trim());
  }

  const answers: ScreeningAnswer[] = [];
  for (const question of questions) {
    const field = answerField(question.id);
    const raw = given.get(question.id) ?? '';
    if (!raw) {
      if (question.required) add(field, 'Answer this question.');
      continue;
    }
    let answer: string | undefined = raw;
    if (question.kind === 'yes_no') {
      answer = YES_NO_ANSWERS.find((a) => sameWords(a, raw));
      if (!answer) add(field, 'Answer yes or no.');
    } else if (question.kind === 'choice') {
      answer = (question.choices ?? []).find((c) => sameWords(c, raw));
      if (!answer) add(field, 'Choose one of the answers offered.');
    } else if (raw.length > MAX_WRITTEN_ANSWER) {
      add(field, `Keep your answer to ${MAX_WRITTEN_ANSWER.toLocaleString('en-US')} characters.`);
    }
    if (answer) answers.push({ questionId: question.id, question: question.text, answer, knockout: answer === question.knockoutAnswer });
  }
  return { answers, knockout: answers.some((a) => a.knockout), errors };
}
