import { DomainError } from '../../common/domain-error';
import { buildApplicantsQuery, DEFAULT_APPLICANTS_PER_PAGE } from './applicants-query';

const CREDENTIALS = ['CPC', 'CCS', 'CRC'];

function refusal(params: Record<string, string | string[]>): DomainError {
  try {
    buildApplicantsQuery(params, CREDENTIALS);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected the query to be refused');
}

describe('buildApplicantsQuery', () => {
  it('defaults to every stage, newest first, the first page', () => {
    expect(buildApplicantsQuery({}, CREDENTIALS)).toEqual({
      status: null,
      credential: null,
      q: '',
      sort: 'newest',
      page: 1,
      perPage: DEFAULT_APPLICANTS_PER_PAGE,
    });
  });

  it('normalizes case and spaces, and takes the last of a repeated parameter', () => {
    expect(
      buildApplicantsQuery(
        { status: ' Interviewing ', credential: 'cpc', q: '  Ada   Park ', sort: ['oldest', 'NAME'], page: '2', perPage: '10' },
        CREDENTIALS,
      ),
    ).toEqual({
      status: 'interviewing',
      credential: 'CPC',
      q: 'Ada Park',
      sort: 'name',
      page: 2,
      perPage: 10,
    });
  });

  it('treats empty parameters, as a form sends them, as absent', () => {
    expect(buildApplicantsQuery({ status: '', credential: '', q: '', sort: '' }, CREDENTIALS)).toMatchObject({
      status: null,
      credential: null,
      q: '',
      sort: 'newest',
    });
  });

  it('refuses unknown values and parameters with 400, one message per parameter', () => {
    const error = refusal({ status: 'maybe', credential: 'XYZ', sort: 'best', page: '0', perPage: '101', q: 'x'.repeat(101), colour: 'red' });
    expect(error.status).toBe(400);
    expect(Object.keys(error.fields!).sort()).toEqual(['colour', 'credential', 'page', 'perPage', 'q', 'sort', 'status']);
    expect(error.fields!.credential).toEqual(['Unknown credential XYZ. Use one of: CPC, CCS, CRC.']);
    expect(error.fields!.sort).toEqual(['Use one of: newest, oldest, name, status.']);
  });

  it.each(['1.5', '-1', 'two', '1e3'])('refuses the page %s', (page) => {
    expect(refusal({ page }).fields!.page).toEqual(['Use a page number from 1.']);
  });
});
