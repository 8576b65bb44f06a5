import { ScreeningQuestion } from '../job.entity';
import { parseScreeningQuestionRows, screeningQuestionField, screeningQuestionValues } from './screening-question-form';

describe('the screening questions of the posting form', () => {
  const saved: ScreeningQuestion[] = [
    { id: 'q-1', kind: 'choice', text: 'Years of E/M coding?', choices: ['None', '3+'], required: false, knockoutAnswer: 'None' },
  ];

  it('fills the first row with a saved question and reads it back the same', () => {
    const values = screeningQuestionValues(saved);
    expect(values).toEqual({
      question1Id: 'q-1',
      question1Kind: 'choice',
      question1Text: 'Years of E/M coding?',
      question1Choices: 'None\n3+',
      question1Knockout: 'None',
      question1Optional: 'yes',
    });
    const { questions, rows } = parseScreeningQuestionRows((name) => values[name] ?? '');
    expect(rows).toEqual([1]);
    expect(questions).toEqual([{ id: 'q-1', kind: 'choice', text: 'Years of E/M coding?', choices: ['None', '3+'], required: false, knockoutAnswer: 'None' }]);
  });

  it('skips empty rows and remembers the row of each question for its messages', () => {
    const form: Record<string, string> = { question1Kind: 'yes_no', question3Kind: 'text', question3Text: 'Which encoders?', question3Choices: '\r\n' };
    const { questions, rows } = parseScreeningQuestionRows((name) => form[name] ?? '');
    expect(questions).toEqual([{ kind: 'text', text: 'Which encoders?', choices: [], required: true }]);
    expect(rows).toEqual([3]);
    expect(screeningQuestionField('screeningQuestions.0.knockoutAnswer', rows)).toBe('question3Knockout');
    expect(screeningQuestionField('screeningQuestions.0.choices.1', rows)).toBe('question3Choices');
    expect(screeningQuestionField('screeningQuestions.0', rows)).toBe('question3Text');
    expect(screeningQuestionField('screeningQuestions', rows)).toBe('screeningQuestions');
    expect(screeningQuestionField('salary.max', rows)).toBeUndefined();
  });
});
