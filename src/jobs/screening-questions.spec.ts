import { ScreeningQuestion } from './job.entity';
import { normalizeScreeningQuestions, withoutKnockouts } from './screening-questions';

const ids = () => {
  let n = 0;
  return () => `new-${++n}`;
};

const saved: ScreeningQuestion = { id: 'q-1', kind: 'yes_no', text: 'Do you hold an active CPC?', required: true, knockoutAnswer: 'no' };

describe('normalizeScreeningQuestions', () => {
  it('keeps a saved question’s id, gives new ones a fresh id, and makes questions required unless told otherwise', () => {
    const { questions, errors } = normalizeScreeningQuestions(
      [
        { id: 'q-1', kind: 'yes_no', text: 'Do you hold an active CPC?', knockoutAnswer: 'NO' },
        { kind: 'text', text: 'Which encoders have you used?', required: false },
      ],
      [saved],
      ids(),
    );
    expect(errors).toEqual({});
    expect(questions).toEqual([
      { id: 'q-1', kind: 'yes_no', text: 'Do you hold an active CPC?', required: true, knockoutAnswer: 'no' },
      { id: 'new-1', kind: 'text', text: 'Which encoders have you used?', required: false },
    ]);
  });

  it('stores a choice knockout as the choice is spelt, matched without regard to case', () => {
    const { questions, errors } = normalizeScreeningQuestions(
      [{ kind: 'choice', text: 'Years of inpatient coding?', choices: ['None', '1–2 years', '3+ years', ''], knockoutAnswer: 'none' }],
      [],
      ids(),
    );
    expect(errors).toEqual({});
    expect(questions[0]).toMatchObject({ choices: ['None', '1–2 years', '3+ years'], knockoutAnswer: 'None' });
  });

  it('reports each problem under the question and field it concerns', () => {
    const { errors } = normalizeScreeningQuestions(
      [
        { id: 'q-unknown', kind: 'yes_no', text: 'Are you CPC certified?', knockoutAnswer: 'maybe' },
        { kind: 'text', text: 'Tell us about yourself', knockoutAnswer: 'nothing', choices: ['a'] },
        { kind: 'choice', text: 'Pick one of these', choices: ['Only one'] },
        { kind: 'choice', text: 'Pick again', choices: ['Same', 'same'], knockoutAnswer: 'Other' },
      ],
      [saved],
      ids(),
    );
    expect(Object.keys(errors).sort()).toEqual([
      'screeningQuestions.0.id',
      'screeningQuestions.0.knockoutAnswer',
      'screeningQuestions.1.choices',
      'screeningQuestions.1.knockoutAnswer',
      'screeningQuestions.2.choices',
      'screeningQuestions.3.choices',
      'screeningQuestions.3.knockoutAnswer',
    ]);
    expect(errors['screeningQuestions.3.knockoutAnswer']).toEqual(['The answer to flag must be one of the choices.']);
  });

  it('refuses the same saved id twice', () => {
    const { questions, errors } = normalizeScreeningQuestions(
      [
        { id: 'q-1', kind: 'yes_no', text: 'First copy of it' },
        { id: 'q-1', kind: 'yes_no', text: 'Second copy of it' },
      ],
      [saved],
      ids(),
    );
    expect(errors['screeningQuestions.1.id']).toHaveLength(1);
    expect(new Set(questions.map((q) => q.id)).size).toBe(2);
  });

  it('hides which answer is flagged from applicants', () => {
    expect(withoutKnockouts([saved])).toEqual([{ id: 'q-1', kind: 'yes_no', text: 'Do you hold an active CPC?', required: true }]);
  });
});
