import { ScreeningQuestion } from '../jobs/job.entity';
import { checkAnswers } from './screening-answers';

const questions: ScreeningQuestion[] = [
  { id: 'cpc', kind: 'yes_no', text: 'Do you hold an active CPC?', required: true, knockoutAnswer: 'no' },
  { id: 'years', kind: 'choice', text: 'Years of E/M coding?', choices: ['None', '1–2', '3+'], required: true, knockoutAnswer: 'None' },
  { id: 'tools', kind: 'text', text: 'Which encoders have you used?', required: false },
];

describe('checkAnswers', () => {
  it('keeps answers in the questions’ order, as the question spells them, with the text asked and the knockout flag', () => {
    const result = checkAnswers(questions, [
      { questionId: 'years', answer: ' none ' },
      { questionId: 'cpc', answer: 'YES' },
    ]);
    expect(result.errors).toEqual({});
    expect(result.answers).toEqual([
      { questionId: 'cpc', question: 'Do you hold an active CPC?', answer: 'yes', knockout: false },
      { questionId: 'years', question: 'Years of E/M coding?', answer: 'None', knockout: true },
    ]);
    expect(result.knockout).toBe(true);
  });

  it('flags nothing when no knockout answer is given', () => {
    const result = checkAnswers(questions, [
      { questionId: 'cpc', answer: 'yes' },
      { questionId: 'years', answer: '3+' },
      { questionId: 'tools', answer: '3M, Optum' },
    ]);
    expect(result.knockout).toBe(false);
    expect(result.answers.map((a) => a.answer)).toEqual(['yes', '3+', '3M, Optum']);
  });

  it('asks for required answers, refuses answers outside the choices and questions the job does not have', () => {
    const { errors } = checkAnswers(questions, [
      { questionId: 'cpc', answer: 'perhaps' },
      { questionId: 'other', answer: 'yes' },
      { questionId: 'tools', answer: 'x'.repeat(1001) },
    ]);
    expect(errors).toEqual({
      'answers.cpc': ['Answer yes or no.'],
      'answers.years': ['Answer this question.'],
      'answers.tools': ['Keep your answer to 1,000 characters.'],
      answers: ['There is no question other on this job.'],
    });
  });

  it('refuses two answers to one question', () => {
    const { errors } = checkAnswers(questions, [
      { questionId: 'cpc', answer: 'yes' },
      { questionId: 'cpc', answer: 'no' },
      { questionId: 'years', answer: '3+' },
    ]);
    expect(errors).toEqual({ 'answers.cpc': ['Answer each question once.'] });
  });

  it('accepts no answers to a job without questions', () => {
    expect(checkAnswers([], [])).toEqual({ answers: [], knockout: false, errors: {} });
  });
});
