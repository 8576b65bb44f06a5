import { DomainError } from '../common/domain-error';
import { buildSearchQuery, JobSearchParams, pageOffset } from './job-search-query';

const vocabulary = {
  credentials: ['CPC', 'CCS', 'CRC'],
  specialties: ['cpt-surgery', 'cardiology'],
  settings: ['pro-fee'],
  organizations: async (slugs: string[]) => new Map(slugs.filter((s) => s === 'acme').map((s) => [s, '00000000-0000-4000-8000-000000000001'])),
};

const build = (params: JobSearchParams) => buildSearchQuery(params, vocabulary);

async function errorsOf(params: JobSearchParams): Promise<Record<string, string[]>> {
  try {
    await build(params);
  } catch (e) {
    if (e instanceof DomainError && e.code === 'bad_request') return e.fields!;
    throw e;
  }
  throw new Error('expected a 400');
}

describe('buildSearchQuery', () => {
  it('normalizes repeated and comma-separated values, case and duplicates', async () => {
    const query = await build({ credential: ['cpc', 'CCS,CPC'], state: 'tx', workplace: 'Remote', organization: 'ACME' });
    expect(query.filters).toMatchObject({
      credential: ['CPC', 'CCS'],
      state: ['TX'],
      workplace: ['remote'],
      organizationIds: ['00000000-0000-4000-8000-000000000001'],
    });
    expect(query.selected.organization).toEqual(['acme']);
  });

  it('turns filter words into filters, keeping the rest as text', async () => {
    const query = await build({ q: 'CPC remote Texas cardiology' });
    expect(query.text).toBe('cardiology');
    expect(query.filters).toMatchObject({ credential: ['CPC'], workplace: ['remote'], state: ['TX'] });
    expect(query.inferred.map((f) => f.words)).toEqual(['remote', 'Texas', 'CPC']);
    expect(query.sort).toBe('relevance');
  });

  it('searches every word as typed with literal=1', async () => {
    const query = await build({ q: 'CPC remote Texas', literal: '1' });
    expect(query.text).toBe('CPC remote Texas');
    expect(query.inferred).toEqual([]);
    expect(query.filters.credential).toEqual([]);
  });

  it('does not repeat a filter the user already chose', async () => {
    const query = await build({ q: 'CPC coder', credential: 'CPC' });
    expect(query.inferred).toEqual([]);
    expect(query.filters.credential).toEqual(['CPC']);
  });

  it('sorts newest first without words, whatever was asked', async () => {
    expect((await build({})).sort).toBe('newest');
    expect((await build({ sort: 'relevance' })).sort).toBe('newest');
    expect((await build({ sort: 'salary' })).sort).toBe('salary');
  });

  it('names every bad parameter and what is allowed', async () => {
    const errors = await errorsOf({
      credential: 'NOPE',
      specialty: 'brain',
      setting: 'moon',
      workplace: 'office',
      state: 'ZZ',
      employmentType: 'FOREVER',
      salaryMin: '-5',
      apprentice: 'maybe',
      postedWithin: '3',
      sort: 'cheapest',
      perPage: '51',
      page: '0',
      organization: 'nobody',
      colour: 'red',
    } as JobSearchParams);
    expect(Object.keys(errors).sort()).toEqual(
      [
        'apprentice',
        'colour',
        'credential',
        'employmentType',
        'organization',
        'page',
        'perPage',
        'postedWithin',
        'salaryMin',
        'setting',
        'sort',
        'specialty',
        'state',
        'workplace',
      ].sort(),
    );
    expect(errors.credential[0]).toBe('Unknown value NOPE. Use one of: CPC, CCS, CRC.');
    expect(errors.sort[0]).toBe('Use one of: relevance, newest, salary.');
  });

  it('refuses a query over 200 characters', async () => {
    expect((await errorsOf({ q: 'x'.repeat(201) })).q).toHaveLength(1);
  });

  it('caps how deep a page can be', () => {
    expect(pageOffset({ page: 50, perPage: 20 })).toBe(980);
    expect(pageOffset({ page: 51, perPage: 20 })).toBeNull();
  });
});
