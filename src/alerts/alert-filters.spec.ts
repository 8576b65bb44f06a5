import { DomainError } from '../common/domain-error';
import { filtersOf, inAlertTerms, searchParamsOf } from './alert-filters';

describe('searchParamsOf', () => {
  it('reads the API’s query and filters as URL parameters, numbers and booleans as text', () => {
    expect(searchParamsOf('coder', { credential: ['CPC', 'CRC'], state: 'TX', salaryMin: 50000, apprentice: true, postedWithin: 7 })).toEqual({
      q: 'coder',
      credential: ['CPC', 'CRC'],
      state: 'TX',
      salaryMin: '50000',
      apprentice: 'true',
      postedWithin: '7',
    });
    expect(searchParamsOf(undefined, undefined)).toEqual({});
  });

  it('refuses what is not a filter, and values that are not text, numbers or flags, by field', () => {
    const refuse = () => searchParamsOf('', { q: 'x', page: '2', state: [{ code: 'TX' }], workplace: null });
    expect(refuse).toThrow(DomainError);
    try {
      refuse();
    } catch (error) {
      expect((error as DomainError).fields).toEqual({
        'filters.q': [
          expect.stringMatching(/^Unknown filter\. Use: credential, specialty, setting, workplace, state, employmentType, organization, salaryMin/),
        ],
        'filters.page': [expect.stringMatching(/^Unknown filter/)],
        'filters.state': ['Use a string, a number, true or false, or a list of them.'],
        'filters.workplace': ['Use a string, a number, true or false, or a list of them.'],
      });
    }
  });
});

describe('filtersOf', () => {
  it('types stored parameters for the API, and reads back as the same parameters', () => {
    const params = { q: 'coder', credential: 'CPC', state: ['OK', 'TX'], salaryMin: '50000', apprentice: 'true', postedWithin: '30', literal: '1' };
    const filters = filtersOf(params);
    expect(filters).toEqual({ credential: ['CPC'], state: ['OK', 'TX'], salaryMin: 50000, apprentice: true, postedWithin: 30, literal: true });
    expect(searchParamsOf('coder', filters)).toEqual({ ...params, credential: ['CPC'], literal: 'true' });
  });
});

describe('inAlertTerms', () => {
  it('names the search’s fields as the alerts API does', () => {
    const error = inAlertTerms(new DomainError('bad_request', 'Bad search.', { q: ['Too long.'], credential: ['Unknown value.'] })) as DomainError;
    expect(error).toBeInstanceOf(DomainError);
    expect([error.code, error.message, error.fields]).toEqual([
      'bad_request',
      'Bad search.',
      { query: ['Too long.'], 'filters.credential': ['Unknown value.'] },
    ]);
    const other = new Error('boom');
    expect(inAlertTerms(other)).toBe(other);
  });
});
