import fc from 'fast-check';
import { buildSearchQuery, JobSearchParams, JobSearchQuery, SearchVocabulary } from './job-search-query';
import {
  asLiteral,
  atPage,
  searchParams,
  searchPath,
  sortedBy,
  withInference,
  withoutFilter,
  withoutFilters,
  withoutInferred,
  withoutValue,
  withValue,
} from './search-url';

const VOCABULARY: SearchVocabulary = {
  credentials: ['CPC', 'CPC-A', 'CCS', 'CRC'],
  specialties: ['cpt-surgery', 'surgery-digestive', 'cpt-radiology'],
  settings: ['pro-fee', 'inpatient-facility'],
  organizations: async (slugs) => new Map(slugs.filter((s) => s.startsWith('known-')).map((s) => [s, `id-${s}`])),
};

const query = (params: JobSearchParams) => buildSearchQuery(params, VOCABULARY);

/** What the query builder receives when a browser asks for `path`. */
function paramsOf(path: string): JobSearchParams {
  const url = new URL(path, 'http://127.0.0.1');
  const params: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    params[key] = all.length > 1 ? all : all[0];
  }
  return params as JobSearchParams;
}

const reread = (path: string): Promise<JobSearchQuery> => query(paramsOf(path));

describe('searchPath', () => {
  it('is plain /jobs for the default search', async () => {
    expect(searchPath(await query({}))).toBe('/jobs');
    expect(searchPath(await query({ page: '1', perPage: '20', sort: 'newest', q: '  ', apprentice: 'false', salaryMin: '0' }))).toBe('/jobs');
  });

  it('writes parameters in one fixed order, values sorted and repeated, whatever order they came in', async () => {
    const q = await query({
      perPage: '50',
      page: '2',
      sort: 'salary',
      organization: 'known-b,known-a',
      postedWithin: '7',
      apprentice: 'on',
      salaryMin: '50000',
      employmentType: ['part_time', 'FULL_TIME'],
      state: ['tx', 'AL'],
      workplace: 'remote',
      setting: 'pro-fee',
      specialty: ['surgery-digestive', 'cpt-radiology'],
      credential: ['crc', 'CCS', 'CPC'],
      q: 'inpatient   coder',
    });
    expect(searchPath(q)).toBe(
      '/jobs?q=inpatient+coder&credential=CCS&credential=CPC&credential=CRC&specialty=cpt-radiology&specialty=surgery-digestive&setting=pro-fee' +
        '&workplace=remote&state=AL&state=TX&employmentType=FULL_TIME&employmentType=PART_TIME&salaryMin=50000&apprentice=true&postedWithin=7' +
        '&organization=known-a&organization=known-b&sort=salary&page=2&perPage=50',
    );
  });

  it('leaves filters read from the words in the words', async () => {
    const q = await query({ q: 'CPC remote Texas' });
    expect(q.inferred).toHaveLength(3);
    expect(searchPath(q)).toBe('/jobs?q=CPC+remote+Texas');
  });

  it('writes the sort only when it is not the default for the words (relevance with words, newest without)', async () => {
    expect(searchPath(await query({ q: 'coder', sort: 'relevance' }))).toBe('/jobs?q=coder');
    expect(searchPath(await query({ q: 'coder', sort: 'newest' }))).toBe('/jobs?q=coder&sort=newest');
    // Relevance without words to rank by is newest: the same search, so the same URL.
    expect(searchPath(await query({ q: 'CPC', sort: 'relevance' }))).toBe('/jobs?q=CPC');
  });

  it('encodes the words so they come back unchanged', async () => {
    const q = await query({ q: `a&b #c "d e" 100% <x>` });
    const path = searchPath(q);
    expect(path).toBe('/jobs?q=a%26b+%23c+%22d+e%22+100%25+%3Cx%3E');
    expect((await reread(path)).q).toBe(q.q);
  });

  it('reads back as the same search, for any combination of filters', async () => {
    const subset = <T>(values: T[]) => fc.subarray(values);
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          credential: subset(['cpc', 'CCS', 'CRC', 'CPC-A']),
          state: subset(['TX', 'ok', 'AL']),
          workplace: subset(['remote', 'HYBRID']),
          q: fc.constantFrom('', 'coder', 'CPC remote', 'e/m "pro fee" -audit'),
          salaryMin: fc.constantFrom(undefined, '40000', '55000'),
          sort: fc.constantFrom(undefined, 'relevance', 'newest', 'salary'),
          page: fc.constantFrom(undefined, '1', '3'),
          literal: fc.constantFrom(undefined, '1'),
        }),
        async (raw) => {
          const params = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && !(Array.isArray(v) && !v.length))) as JobSearchParams;
          const first = await query(params);
          const second = await reread(searchPath(first));
          expect(second.selected).toEqual({ ...first.selected, ...sortedLists(first) });
          expect(second.filters.credential.sort()).toEqual(first.filters.credential.sort());
          expect([second.q, second.sort, second.page, second.literal && !!second.q]).toEqual([first.q, first.sort, first.page, first.literal && !!first.q]);
          expect(searchPath(second)).toBe(searchPath(first));
        },
      ),
      { numRuns: 60 },
    );
  });
});

/** The list filters of a query with their values in URL order. */
function sortedLists(q: JobSearchQuery) {
  const s = q.selected;
  return {
    credential: [...s.credential].sort(),
    state: [...s.state].sort(),
    workplace: [...s.workplace].sort(),
  };
}

describe('search changes', () => {
  it('adds and removes a value, back to the first page', async () => {
    const q = await query({ credential: 'CPC', state: 'TX', page: '4' });
    expect(searchPath(q, withValue('credential', 'CCS'))).toBe('/jobs?credential=CCS&credential=CPC&state=TX');
    expect(searchPath(q, withValue('credential', 'CPC'))).toBe('/jobs?credential=CPC&state=TX');
    expect(searchPath(q, withoutValue('credential', 'CPC'))).toBe('/jobs?state=TX');
    expect(searchPath(q, withoutValue('state', 'TX'))).toBe('/jobs?credential=CPC');
  });

  it('clears a single-valued filter, or every chosen filter at once', async () => {
    const q = await query({ q: 'coder', salaryMin: '50000', apprentice: 'true', postedWithin: '7', credential: 'CPC', organization: 'known-x' });
    expect(searchPath(q, withoutFilter('salaryMin'))).toBe('/jobs?q=coder&credential=CPC&apprentice=true&postedWithin=7&organization=known-x');
    expect(searchPath(q, withoutFilter('apprentice'))).toBe('/jobs?q=coder&credential=CPC&salaryMin=50000&postedWithin=7&organization=known-x');
    expect(searchPath(q, withoutFilter('postedWithin'))).toBe('/jobs?q=coder&credential=CPC&salaryMin=50000&apprentice=true&organization=known-x');
    expect(searchPath(q, withoutFilters())).toBe('/jobs?q=coder');
  });

  it('undoes an inferred filter by taking its words out of the query', async () => {
    const q = await query({ q: 'inpatient CPC work from home Texas', credential: 'CCS' });
    const texas = q.inferred.find((f) => f.filter === 'state')!;
    const remote = q.inferred.find((f) => f.filter === 'workplace')!;
    expect(searchPath(q, withoutInferred(texas))).toBe('/jobs?q=inpatient+CPC+work+from+home&credential=CCS');
    expect(searchPath(q, withoutInferred(remote))).toBe('/jobs?q=inpatient+CPC+Texas&credential=CCS');
    const withoutTexas = await reread(searchPath(q, withoutInferred(texas)));
    expect(withoutTexas.inferred.map((f) => f.value)).toEqual(['remote', 'CPC']);
    expect(withoutTexas.filters.state).toEqual([]);
  });

  it('searches the words as typed with literal=1, and back', async () => {
    const q = await query({ q: 'CPC remote Texas', page: '2' });
    const literalPath = searchPath(q, asLiteral());
    expect(literalPath).toBe('/jobs?q=CPC+remote+Texas&literal=1');
    const literal = await reread(literalPath);
    expect(literal.inferred).toEqual([]);
    expect(literal.text).toBe('CPC remote Texas');
    expect(searchPath(literal, withInference())).toBe('/jobs?q=CPC+remote+Texas');
  });

  it('keeps a chosen sort that differs from the default once the words are read literally', async () => {
    const q = await query({ q: 'CPC', sort: 'newest' });
    expect(searchPath(q)).toBe('/jobs?q=CPC');
    expect(searchPath(q, asLiteral())).toBe('/jobs?q=CPC&sort=newest&literal=1');
  });

  it('sorts from the first page, leaving the default sort out', async () => {
    const words = await query({ q: 'coder', page: '3' });
    expect(searchPath(words, sortedBy('salary'))).toBe('/jobs?q=coder&sort=salary');
    expect(searchPath(words, sortedBy('relevance'))).toBe('/jobs?q=coder');
    expect(searchPath(await query({ state: 'TX' }), sortedBy('newest'))).toBe('/jobs?state=TX');
  });

  it('goes to a page, keeping the sort and the page size', async () => {
    const q = await query({ state: 'TX', sort: 'salary', perPage: '50' });
    expect(searchPath(q, atPage(3))).toBe('/jobs?state=TX&sort=salary&page=3&perPage=50');
    expect(searchPath(q, atPage(1))).toBe('/jobs?state=TX&sort=salary&perPage=50');
  });

  it('lists the parameters in URL order for the form to carry', async () => {
    const q = await query({ q: 'coder', sort: 'newest', organization: 'known-a', literal: '1' });
    expect(searchParams(q)).toEqual([
      ['q', 'coder'],
      ['organization', 'known-a'],
      ['sort', 'newest'],
      ['literal', '1'],
    ]);
  });
});
