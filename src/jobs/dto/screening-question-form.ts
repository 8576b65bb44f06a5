import { ScreeningQuestion, ScreeningQuestionKind, SCREENING_QUESTION_KINDS } from '../job.entity';
import { MAX_SCREENING_QUESTIONS, ScreeningQuestionInput } from '../screening-questions';

/*
 * The screening questions part of the posting form (see job-form.ts): one
 * row of flat inputs per question (question2Text, question2Choices…), the
 * choices one per line, "optional" as a checkbox so a question is required
 * unless the employer says otherwise. A row left empty is no question; a
 * saved question's id rides in a hidden input so its answers stay linked.
 */

type RowPart = 'Id' | 'Kind' | 'Text' | 'Choices' | 'Knockout' | 'Optional';

const questionField = (row: number, part: RowPart) => `question${row}${part}`;

const ROWS = Array.from({ length: MAX_SCREENING_QUESTIONS }, (_, i) => i + 1);

export const SCREENING_KIND_LABELS: Record<ScreeningQuestionKind, string> = {
  yes_no: 'Yes or no',
  text: 'A short written answer',
  choice: 'One of several choices',
};

/** The inputs of a saved posting's questions, in order. */
export function screeningQuestionValues(questions: ScreeningQuestion[]): Record<string, string> {
  const values: Record<string, string> = {};
  questions.slice(0, MAX_SCREENING_QUESTIONS).forEach((q, i) => {
    const row = i + 1;
    values[questionField(row, 'Id')] = q.id;
    values[questionField(row, 'Kind')] = q.kind;
    values[questionField(row, 'Text')] = q.text;
    values[questionField(row, 'Choices')] = (q.choices ?? []).join('\n');
    values[questionField(row, 'Knockout')] = q.knockoutAnswer ?? '';
    values[questionField(row, 'Optional')] = q.required ? '' : 'yes';
  });
  return values;
}

/** The filled rows as the DTO's questions, with the form row of each (empty rows are skipped). */
export function parseScreeningQuestionRows(text: (name: string) => string): { questions: ScreeningQuestionInput[]; rows: number[] } {
  const questions: ScreeningQuestionInput[] = [];
  const rows: number[] = [];
  for (const row of ROWS) {
    const [questionText, choices, knockout] = (['Text', 'Choices', 'Knockout'] as const).map((part) => text(questionField(row, part)));
    if (!questionText && !choices && !knockout) continue;
    const id = text(questionField(row, 'Id'));
    questions.push({
      ...(id ? { id } : {}),
      kind: text(questionField(row, 'Kind')) as ScreeningQuestionKind,
      text: questionText,
      choices: choices
        .split(/\r?\n/)
        .map((c) => c.trim())
        .filter(Boolean),
      required: text(questionField(row, 'Optional')) === '',
      ...(knockout ? { knockoutAnswer: knockout } : {}),
    });
    rows.push(row);
  }
  return { questions, rows };
}

const PART_OF_FIELD: Record<string, RowPart> = { id: 'Text', kind: 'Kind', text: 'Text', choices: 'Choices', knockoutAnswer: 'Knockout', required: 'Optional' };

/** The input a DTO path such as 'screeningQuestions.1.choices.0' belongs to, or undefined for another field's path. */
export function screeningQuestionField(path: string, rows: number[]): string | undefined {
  if (path === 'screeningQuestions') return path;
  const match = /^screeningQuestions\.(\d+)(?:\.(\w+))?/.exec(path);
  if (!match) return undefined;
  const row = rows[Number(match[1])] ?? 1;
  return questionField(row, PART_OF_FIELD[match[2] ?? 'text'] ?? 'Text');
}

/** Each row's input names and kind options, marked as in `values`, for job_form_fields.hbs. */
export function screeningQuestionRows(values: Record<string, string | string[]>) {
  return ROWS.map((row) => {
    const kind = values[questionField(row, 'Kind')] || 'yes_no';
    return {
      row,
      id: questionField(row, 'Id'),
      text: questionField(row, 'Text'),
      kind: questionField(row, 'Kind'),
      choices: questionField(row, 'Choices'),
      knockout: questionField(row, 'Knockout'),
      optional: questionField(row, 'Optional'),
      kinds: SCREENING_QUESTION_KINDS.map((value) => ({ value, label: SCREENING_KIND_LABELS[value], checked: value === kind })),
      // The rows after the first empty one fold away, to keep the form short.
      open: row === 1 || Boolean(values[questionField(row, 'Text')] || values[questionField(row - 1, 'Text')]),
    };
  });
}
