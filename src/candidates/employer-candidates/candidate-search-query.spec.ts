import { DomainError } from '../../common/domain-error';
import { buildCandidateSearchQuery, CandidateSearchParams, candidateSearchParams } from './candidate-search-query';

const vocabulary = { credentials: ['CPC', 'CCS', 'CRC'], specialties: ['cpt-surgery', 'surgery-musculoskeletal', 'cpt-evaluation-management'] };
const build = (params: CandidateSearchParams) => buildCandidateSearchQuery(params, vocabulary);

function refusal(params: CandidateSearchParams): DomainError {
  try {
    build(params);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected the parameters to be refused');
}

describe('buildCandidateSearchQuery', () => {
  it('has no filters and sorts by recent updates when nothing is asked', () => {
    expect(build({})).toEqual({ q: '', credential: [], specialty: [], minYears: null, state: [], workplace: [], sort: 'updated', page: 1, perPage: 20 });
  });

  it('normalizes case, repeated and comma-separated values, and drops duplicates', () => {
    const query = build({ credential: ['cpc', 'CCS,cpc'], specialty: 'CPT-Surgery', state: 'tx,Ok', workplace: ['Remote', 'hybrid'], minYears: ' 3 ' });
    expect(query).toMatchObject({ credential: ['CPC', 'CCS'], specialty: ['cpt-surgery'], state: ['TX', 'OK'], workplace: ['remote', 'hybrid'], minYears: 3 });
  });

  it('sorts by relevance when there are words, and falls back to updates when relevance is asked without words', () => {
    expect(build({ q: '  inpatient   DRG ' })).toMatchObject({ q: 'inpatient DRG', sort: 'relevance' });
    expect(build({ sort: 'relevance' }).sort).toBe('updated');
    expect(build({ q: 'epic', sort: 'experience' }).sort).toBe('experience');
  });

  it('refuses unknown parameters and values with what is allowed, naming each field', () => {
    const error = refusal({ credential: 'CPC,XYZ', workplace: 'moon', state: 'ZZ', sort: 'random', email: 'x' } as CandidateSearchParams);
    expect(error.code).toBe('bad_request');
    expect(error.fields).toEqual({
      email: ['Unknown parameter. Use: q, credential, specialty, minYears, state, workplace, sort, page, perPage.'],
      credential: ['Unknown value XYZ. Use one of: CPC, CCS, CRC.'],
      workplace: ['Unknown value moon. Use one of: onsite, hybrid, remote.'],
      state: [expect.stringContaining('Unknown value ZZ. Use one of: AL, AK')],
      sort: ['Use one of: relevance, updated, experience.'],
    });
  });

  it('accepts whole years from 0 to 60 only', () => {
    expect(build({ minYears: '0' }).minYears).toBe(0);
    expect(build({ minYears: '60' }).minYears).toBe(60);
    for (const minYears of ['-1', '61', '2.5', 'two', '1e1'])
      expect(refusal({ minYears }).fields).toEqual({ minYears: ['Use a whole number of years from 0 to 60.'] });
  });

  it('keeps words to 200 characters', () => {
    expect(build({ q: 'a'.repeat(200) }).q).toHaveLength(200);
    expect(refusal({ q: 'a'.repeat(201) }).fields).toEqual({ q: ['Keep the search to 200 characters or fewer.'] });
  });

  it('pages within the first 500 results only', () => {
    expect(build({ page: '25' }).page).toBe(25);
    expect(build({ page: '10', perPage: '50' })).toMatchObject({ page: 10, perPage: 50 });
    expect(refusal({ page: '26' }).fields).toEqual({ page: ['Use a page from 1 to 25; add a filter or a word to narrow the search.'] });
    expect(refusal({ page: '0' }).fields?.page).toBeDefined();
    expect(refusal({ perPage: '51' }).fields).toEqual({ perPage: ['Use a number from 1 to 50.'] });
  });

  it('writes a query back as URL parameters without its defaults', () => {
    const query = build({ q: 'epic', credential: 'CPC,CCS', minYears: '0', page: '2' });
    expect(candidateSearchParams(query).toString()).toBe('q=epic&credential=CPC&credential=CCS&minYears=0&page=2');
    expect(candidateSearchParams(query, { sort: 'updated', page: 1 }).toString()).toBe('q=epic&credential=CPC&credential=CCS&minYears=0&sort=updated');
    expect(candidateSearchParams(build({})).toString()).toBe('');
  });
});
