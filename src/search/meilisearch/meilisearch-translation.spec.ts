import fc from 'fast-check';
import type { MultiSearchResult } from 'meilisearch';
import { EngineQuery, FACETS, HIGHLIGHT_END, HIGHLIGHT_START, JobSearchDocument, MAX_RESULT_WINDOW, SearchFilters } from '../job-search.port';
import { parseQuery } from '../query-syntax';
import { synonymGroups } from '../synonyms';
import {
  FACET_ATTRIBUTES,
  meiliDocument,
  meiliFilter,
  meiliQueryText,
  meiliResult,
  meiliSearchRequests,
  meiliSettings,
  meiliWordFilters,
  NO_EXPIRY,
  quoteFilterValue,
} from './meilisearch-translation';

const NOW = new Date('2026-03-02T12:00:00Z');
const DAY = 86_400_000;

const noFilters = (): SearchFilters => ({
  credential: [],
  specialty: [],
  setting: [],
  workplace: [],
  state: [],
  employmentType: [],
  salaryMin: null,
  apprentice: false,
  postedWithin: null,
  organizationIds: [],
});

const query = (overrides: Partial<EngineQuery> = {}, filters: Partial<SearchFilters> = {}): EngineQuery => ({
  clauses: [],
  text: '',
  filters: { ...noFilters(), ...filters },
  sort: 'newest',
  offset: 0,
  limit: 20,
  now: NOW,
  ...overrides,
});

const textQuery = (text: string, overrides: Partial<EngineQuery> = {}, filters: Partial<SearchFilters> = {}) =>
  query({ clauses: parseQuery(text), text, sort: 'relevance', ...overrides }, filters);

const document = (overrides: Partial<JobSearchDocument> = {}): JobSearchDocument => ({
  id: '6f1c2b1e-0000-4000-8000-000000000001',
  organizationId: '6f1c2b1e-0000-4000-8000-0000000000aa',
  organizationName: 'Clínica São José',
  title: 'Outpatient Coder II',
  description: 'Code E/M visits for a busy clinic.',
  credentialNames: ['CPC Certified Professional Coder'],
  specialtyNames: ['Evaluation and Management'],
  cities: ['Austin'],
  tools: ['Epic'],
  credentials: ['CPC'],
  specialties: ['cpt-evaluation-management', 'cpt'],
  settings: ['pro-fee'],
  workplace: 'hybrid',
  employmentType: 'FULL_TIME',
  states: ['TX'],
  salaryYearly: 64000,
  apprentice: true,
  publishedAt: NOW.getTime() - DAY,
  validThrough: NOW.getTime() + 30 * DAY,
  version: NOW.getTime() - DAY,
  ...overrides,
});

/**
 * How Meilisearch reads a double-quoted filter value (filter-parser's
 * `quoted_by`, then its unescaping): a backslash protects the next
 * character, an unprotected quote ends the value. Returns the value and
 * what follows the closing quote.
 */
function readQuoted(text: string): { value: string; rest: string } {
  if (text[0] !== '"') throw new Error(`not quoted: ${text}`);
  let i = 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  if (i >= text.length) throw new Error(`unterminated: ${text}`);
  const raw = text.slice(1, i);
  return { value: raw.replace(/\\(.)/gsu, '$1'), rest: text.slice(i + 1) };
}

describe('quoteFilterValue', () => {
  it.each([
    ['CPC', '"CPC"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['C:\\path\\', '"C:\\\\path\\\\"'],
    ['\\"', '"\\\\\\""'],
    ['Clínica São José 診療所 🩺', '"Clínica São José 診療所 🩺"'],
    ['" OR credentials EXISTS', '"\\" OR credentials EXISTS"'],
    [64000, '"64000"'],
    [true, '"true"'],
  ])('quotes %p as %s', (value, quoted) => {
    expect(quoteFilterValue(value)).toBe(quoted);
  });

  it('always reads back as exactly the value, with nothing after the closing quote', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        expect(readQuoted(quoteFilterValue(value))).toEqual({ value, rest: '' });
      }),
    );
  });
});

describe('meiliFilter', () => {
  it('keeps only jobs still valid at the query time when nothing else is chosen', () => {
    expect(meiliFilter(noFilters(), NOW)).toEqual([`validThrough > "${NOW.getTime()}"`]);
  });

  it('turns every filter into one quoted expression', () => {
    const filters: SearchFilters = {
      credential: ['CPC', 'CCS'],
      specialty: ['cpt-surgery'],
      setting: ['inpatient'],
      workplace: ['remote', 'hybrid'],
      state: ['TX'],
      employmentType: ['FULL_TIME'],
      salaryMin: 50000,
      apprentice: true,
      postedWithin: 7,
      organizationIds: ['6f1c2b1e-0000-4000-8000-0000000000aa'],
    };
    expect(meiliFilter(filters, NOW)).toEqual([
      `validThrough > "${NOW.getTime()}"`,
      'credentials IN ["CPC", "CCS"]',
      'specialties IN ["cpt-surgery"]',
      'settings IN ["inpatient"]',
      'workplace IN ["remote", "hybrid"]',
      'states IN ["TX", "*"]',
      'employmentType IN ["FULL_TIME"]',
      'salaryYearly >= "50000"',
      'apprentice = "true"',
      `publishedAt >= "${NOW.getTime() - 7 * DAY}"`,
      'organizationId IN ["6f1c2b1e-0000-4000-8000-0000000000aa"]',
    ]);
  });

  it('leaves out only the facet’s own filter', () => {
    const filters = { ...noFilters(), credential: ['CPC'], state: ['TX'], salaryMin: 40000 };
    expect(meiliFilter(filters, NOW, 'credential')).toEqual([`validThrough > "${NOW.getTime()}"`, 'states IN ["TX", "*"]', 'salaryYearly >= "40000"']);
    expect(meiliFilter(filters, NOW, 'salary')).toEqual([`validThrough > "${NOW.getTime()}"`, 'credentials IN ["CPC"]', 'states IN ["TX", "*"]']);
  });

  it('escapes values a filter cannot otherwise hold', () => {
    const [, expression] = meiliFilter({ ...noFilters(), credential: ['A"B', 'C\\', 'Ü'] }, NOW);
    expect(expression).toBe('credentials IN ["A\\"B", "C\\\\", "Ü"]');
  });
});

describe('meiliQueryText and meiliWordFilters', () => {
  it('sends words, phrases and exclusions as Meilisearch query text', () => {
    expect(meiliQueryText(parseQuery('inpatient "risk adjustment" -travel -e/m coder'))).toBe('inpatient "risk adjustment" -travel -"e/m" coder');
  });

  it('matches an `or` on the documents’ words, with synonyms, instead of the query text', () => {
    const clauses = parseQuery('remote auditor or ortho');
    expect(meiliQueryText(clauses)).toBe('remote');
    const [filter] = meiliWordFilters(clauses);
    expect(filter.split(' OR ')).toEqual(
      expect.arrayContaining(['(words = "auditor")', '(words = "ortho")', '(words = "orthopedic")', '(words = "orthopaedics")']),
    );
    expect(meiliWordFilters(parseQuery('"risk adjustment" or cdi'))[0]).toContain('(words = "risk" AND words = "adjustment")');
  });

  it('asks for no word filter without an `or`', () => {
    expect(meiliWordFilters(parseQuery('coder remote'))).toEqual([]);
  });
});

describe('meiliDocument', () => {
  it('adds the salary bands the salary reaches and normalized words', () => {
    const doc = meiliDocument(document({ salaryYearly: 64000 }));
    expect(doc.salaryBands).toEqual([30000, 40000, 50000, 60000]);
    expect(doc.salaryYearly).toBe(64000);
    expect(doc.words).toEqual(expect.arrayContaining(['outpatient', 'clinica', 'sao', 'jose', 'e', 'm', 'cpc', 'austin']));
    expect(doc.words).not.toContain('Outpatient');
  });

  it('leaves out a missing salary (so it sorts last and passes no minimum) and stores no expiry as a far-future time', () => {
    const doc = meiliDocument(document({ salaryYearly: null, validThrough: null }));
    expect('salaryYearly' in doc).toBe(false);
    expect(doc.salaryBands).toEqual([]);
    expect(doc.validThrough).toBe(NO_EXPIRY);
    expect(NO_EXPIRY).toBeGreaterThan(new Date('9999-12-31').getTime());
  });
});

describe('meiliSettings', () => {
  const settings = meiliSettings(synonymGroups([{ code: 'CPC', name: 'Certified Professional Coder' }]));

  it('searches the title first, then taxonomy names, employer, description, cities and tools', () => {
    expect(settings.searchableAttributes).toEqual(['title', 'credentialNames', 'specialtyNames', 'organizationName', 'description', 'cities', 'tools']);
  });

  it('maps every synonym to the others of its group', () => {
    expect(settings.synonyms!['e/m'].sort()).toEqual(['e&m', 'evaluation and management']);
    expect(settings.synonyms!['evaluation and management'].sort()).toEqual(['e&m', 'e/m']);
    expect(settings.synonyms!.cpc).toEqual(['certified professional coder']);
    expect(settings.synonyms!['certified professional coder']).toEqual(['cpc']);
  });

  it('can filter on every attribute a filter or facet uses, and sort on every sort', () => {
    const everyFilter = meiliFilter(
      { ...noFilters(), credential: ['x'], specialty: ['x'], setting: ['x'], workplace: ['remote'], state: ['TX'], employmentType: ['FULL_TIME'] },
      NOW,
    ).concat(
      meiliFilter({ ...noFilters(), salaryMin: 1, apprentice: true, postedWithin: 1, organizationIds: ['x'] }, NOW),
      meiliWordFilters(parseQuery('a or b')),
    );
    const attributes = everyFilter.flatMap((expression) => [...expression.matchAll(/(?:^|\(| AND | OR )(\w+) (?:IN|>=|>|=)/g)].map((m) => m[1]));
    expect(settings.filterableAttributes).toEqual(expect.arrayContaining([...new Set([...attributes, ...Object.values(FACET_ATTRIBUTES)])]));
    const sorts = (['newest', 'salary'] as const).flatMap((sort) => meiliSearchRequests(query({ sort }), 'jobs')[0].sort ?? []);
    expect(settings.sortableAttributes).toEqual(expect.arrayContaining([...new Set(sorts.map((s) => s.split(':')[0]))]));
  });

  it('ranks by sort first, caps results at the window and lists every facet value', () => {
    expect(settings.rankingRules![0]).toBe('sort');
    expect(settings.rankingRules).toEqual(expect.arrayContaining(['words', 'typo', 'proximity', 'attribute', 'exactness', 'publishedAt:desc']));
    expect(settings.pagination).toEqual({ maxTotalHits: MAX_RESULT_WINDOW });
    expect(settings.faceting!.maxValuesPerFacet).toBeGreaterThanOrEqual(100);
    expect(settings.typoTolerance).toMatchObject({ enabled: true, disableOnNumbers: true });
  });
});

describe('meiliSearchRequests', () => {
  it('asks one search with every facet when no facet has a filter', () => {
    const requests = meiliSearchRequests(query(), 'jobs');
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      indexUid: 'jobs',
      q: '',
      filter: [`validThrough > "${NOW.getTime()}"`],
      facets: FACETS.map((f) => FACET_ATTRIBUTES[f]),
      sort: ['publishedAt:desc', 'id:desc'],
      offset: 0,
      limit: 20,
      attributesToRetrieve: ['id'],
    });
    expect(requests[0].attributesToHighlight).toBeUndefined();
  });

  it('adds a count-only search per facet with a filter, without that filter but with the others', () => {
    const requests = meiliSearchRequests(query({}, { credential: ['CPC'], state: ['TX'], apprentice: true }), 'jobs');
    expect(requests).toHaveLength(3);
    const [, credential, state] = requests;
    expect(credential).toMatchObject({ limit: 0, facets: ['credentials'] });
    expect(credential.filter).toEqual([`validThrough > "${NOW.getTime()}"`, 'states IN ["TX", "*"]', 'apprentice = "true"']);
    expect(state).toMatchObject({ limit: 0, facets: ['states'] });
    expect(state.filter).toEqual([`validThrough > "${NOW.getTime()}"`, 'credentials IN ["CPC"]', 'apprentice = "true"']);
  });

  it('ranks text by relevance and highlights the cropped description', () => {
    const [main] = meiliSearchRequests(textQuery('inpatient coder'), 'jobs');
    expect(main).toMatchObject({
      q: 'inpatient coder',
      matchingStrategy: 'all',
      attributesToCrop: ['description'],
      attributesToHighlight: ['description'],
      highlightPreTag: HIGHLIGHT_START,
      highlightPostTag: HIGHLIGHT_END,
    });
    expect(main.sort).toBeUndefined();
  });

  it('sorts by salary, then newest', () => {
    expect(meiliSearchRequests(query({ sort: 'salary' }), 'jobs')[0].sort).toEqual(['salaryYearly:desc', 'publishedAt:desc', 'id:desc']);
  });

  it('never asks past the result window', () => {
    expect(meiliSearchRequests(query({ offset: MAX_RESULT_WINDOW - 10, limit: 50 }), 'jobs')[0].limit).toBe(10);
    expect(meiliSearchRequests(query({ offset: MAX_RESULT_WINDOW, limit: 50 }), 'jobs')[0].limit).toBe(0);
  });
});

describe('meiliResult', () => {
  const response = (overrides: Partial<MultiSearchResult<Record<string, unknown>>>): MultiSearchResult<Record<string, unknown>> => ({
    indexUid: 'jobs',
    hits: [],
    query: '',
    processingTimeMs: 1,
    offset: 0,
    limit: 20,
    estimatedTotalHits: 0,
    ...overrides,
  });

  it('takes each filtered facet from its own search, the rest and the total from the main one', () => {
    const q = query({}, { credential: ['CPC'], salaryMin: 50000 });
    const result = meiliResult(
      [
        response({
          hits: [{ id: 'a' }, { id: 'b' }],
          estimatedTotalHits: MAX_RESULT_WINDOW,
          facetDistribution: {
            credentials: { CPC: 1500 },
            workplace: { remote: 1000, onsite: 300, hybrid: 200 },
            states: { TX: 20, '*': 700 },
            salaryBands: { '50000': 1500, '60000': 200 },
          },
        }),
        response({ limit: 0, facetDistribution: { credentials: { CPC: 1500, CCS: 900 } } }),
        response({ limit: 0, facetDistribution: { salaryBands: { '30000': 2000, '50000': 1500, '60000': 200 } } }),
      ],
      q,
    );
    expect(result.total).toBe(1500);
    expect(result.approximate).toBe(false);
    expect(result.hits).toEqual([
      { id: 'a', highlight: null },
      { id: 'b', highlight: null },
    ]);
    expect(result.facets.credential).toEqual({ CPC: 1500, CCS: 900 });
    expect(result.facets.state).toEqual({ TX: 20, '*': 700 });
    expect(result.facets.salary).toEqual({ '30000': 2000, '40000': 0, '50000': 1500, '60000': 200, '70000': 0, '80000': 0, '100000': 0 });
    expect(result.facets.specialty).toEqual({});
  });

  it('returns the highlighted snippet when the query has text', () => {
    const snippet = `…code ${HIGHLIGHT_START}inpatient${HIGHLIGHT_END} charts…`;
    const result = meiliResult(
      [response({ hits: [{ id: 'a', _formatted: { id: 'a', description: snippet } }], facetDistribution: { workplace: { remote: 1 } } })],
      textQuery('inpatient'),
    );
    expect(result.hits).toEqual([{ id: 'a', highlight: snippet }]);
    expect(result.total).toBe(1);
  });
});
