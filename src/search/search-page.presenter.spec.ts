import type { JobDetailsView } from '../jobs/job-presenter';
import type { Credential } from '../taxonomy/credential.entity';
import type { Specialty } from '../taxonomy/specialty.entity';
import { buildSearchQuery, JobSearchParams } from './job-search-query';
import type { JobSearchResult } from './job-search-result';
import { emptyFacets, FacetCounts } from './job-search.port';
import { FacetGroupView, presentSearchPage, SearchPageView } from './search-page.presenter';

const APP_URL = 'https://coders.example.org';

const CREDENTIALS = [
  { code: 'CPC', name: 'Certified Professional Coder' },
  { code: 'CCS', name: 'Certified Coding Specialist' },
  { code: 'CRC', name: 'Certified Risk Adjustment Coder' },
] as Credential[];

// In taxonomy order: subsections come after every section, as in data/specialties.json.
const SPECIALTIES = [
  { slug: 'cpt-surgery', name: 'Surgery', group: 'cpt-section', parent: null },
  { slug: 'cpt-radiology', name: 'Radiology', group: 'cpt-section', parent: null },
  { slug: 'surgery-digestive', name: 'Surgery: Digestive System', group: 'cpt-surgery-subsection', parent: 'cpt-surgery' },
  { slug: 'surgery-urinary', name: 'Surgery: Urinary System', group: 'cpt-surgery-subsection', parent: 'cpt-surgery' },
  { slug: 'pro-fee', name: 'Professional fee (pro-fee / physician)', group: 'setting', parent: null },
  { slug: 'inpatient-facility', name: 'Inpatient facility (hospital IP)', group: 'setting', parent: null },
] as Specialty[];

function job(n: number, organization = { slug: 'lakeside-health', name: 'Lakeside Health Partners' }): JobDetailsView {
  return { id: `job-${n}`, title: `Coder ${n}`, path: `/jobs/job-${n}/coder-${n}`, organization } as JobDetailsView;
}

async function present(
  params: JobSearchParams,
  result: Partial<Omit<JobSearchResult, 'facets'>> & { facets?: Partial<FacetCounts> } = {},
): Promise<SearchPageView> {
  const query = await buildSearchQuery(params, {
    credentials: CREDENTIALS.map((c) => c.code),
    specialties: SPECIALTIES.filter((s) => s.group !== 'setting').map((s) => s.slug),
    settings: SPECIALTIES.filter((s) => s.group === 'setting').map((s) => s.slug),
    organizations: async (slugs) => new Map(slugs.map((s) => [s, `id-${s}`])),
  });
  const hits = result.hits ?? [{ job: job(1), highlightHtml: null }];
  return presentSearchPage(
    {
      query,
      engine: 'postgres',
      degraded: false,
      total: hits.length,
      approximate: false,
      page: query.page,
      perPage: query.perPage,
      pageCount: 1,
      capped: false,
      pastEnd: false,
      taxonomy: { credentials: CREDENTIALS, specialties: SPECIALTIES },
      ...result,
      hits,
      facets: { ...emptyFacets(), ...result.facets },
    },
    APP_URL,
  );
}

const groupOf = (view: SearchPageView, name: string): FacetGroupView | undefined => view.facetGroups.find((g) => g.name === name);
const optionsOf = (view: SearchPageView, name: string) =>
  groupOf(view, name)!.options.map((o) => [
    o.label,
    o.count,
    o.checked,
    ...(o.detail ? [o.detail] : []),
    ...(o.child ? ['child'] : []),
    ...(o.inferred ? ['inferred'] : []),
  ]);

describe('presentSearchPage', () => {
  describe('facets', () => {
    it('labels values from the taxonomy, in its order, with counts; values no job has are left out', async () => {
      const view = await present(
        {},
        {
          facets: {
            credential: { CRC: 3, CPC: 1234, CCS: 0 },
            state: { TX: 5, AL: 2, OK: 0 },
            workplace: { remote: 4, onsite: 1 },
            employmentType: { PART_TIME: 2, FULL_TIME: 7 },
            setting: { 'pro-fee': 6 },
          },
        },
      );
      expect(optionsOf(view, 'credential')).toEqual([
        ['CPC', '1,234', false, 'Certified Professional Coder'],
        ['CRC', '3', false, 'Certified Risk Adjustment Coder'],
      ]);
      expect(optionsOf(view, 'state')).toEqual([
        ['Alabama', '2', false],
        ['Texas', '5', false],
      ]);
      expect(optionsOf(view, 'workplace')).toEqual([
        ['On-site', '1', false],
        ['Remote', '4', false],
      ]);
      expect(optionsOf(view, 'employmentType')).toEqual([
        ['Full-time', '7', false],
        ['Part-time', '2', false],
      ]);
      expect(optionsOf(view, 'setting')).toEqual([['Professional fee (pro-fee / physician)', '6', false]]);
      expect(groupOf(view, 'specialty')).toBeUndefined();
      expect(view.facetGroups.map((g) => [g.name, g.legend, g.type])).toEqual([
        ['credential', 'Credentials', 'checkbox'],
        ['workplace', 'Workplace', 'checkbox'],
        ['state', 'State', 'checkbox'],
        ['salaryMin', 'Salary (yearly)', 'radio'],
        ['setting', 'Settings', 'checkbox'],
        ['employmentType', 'Employment type', 'checkbox'],
        ['postedWithin', 'Posted', 'radio'],
        ['apprentice', 'Apprentices', 'checkbox'],
      ]);
    });

    it('indents subsections under their parent', async () => {
      const view = await present({}, { facets: { specialty: { 'cpt-surgery': 9, 'surgery-urinary': 4, 'cpt-radiology': 2 } } });
      expect(optionsOf(view, 'specialty')).toEqual([
        ['Surgery', '9', false],
        ['Surgery: Urinary System', '4', false, 'child'],
        ['Radiology', '2', false],
      ]);
    });

    it('keeps a chosen value with no jobs, ticked, so it can be unticked', async () => {
      const view = await present({ credential: ['CCS', 'CPC'], specialty: 'surgery-digestive' }, { facets: { credential: { CPC: 4 } } });
      expect(optionsOf(view, 'credential')).toEqual([
        ['CPC', '4', true, 'Certified Professional Coder'],
        ['CCS', '0', true, 'Certified Coding Specialist'],
      ]);
      expect(optionsOf(view, 'specialty')).toEqual([['Surgery: Digestive System', '0', true, 'child']]);
    });

    it('offers cumulative salary bands as one choice, and keeps an amount typed in the URL', async () => {
      const plain = await present({}, { facets: { salary: { '30000': 12, '50000': 7, '100000': 0 } } });
      expect(optionsOf(plain, 'salaryMin')).toEqual([
        ['Any salary', null, true],
        ['$30,000+', '12', false],
        ['$50,000+', '7', false],
      ]);
      const typed = await present({ salaryMin: '55000' }, { facets: { salary: { '30000': 12, '60000': 3 } } });
      expect(optionsOf(typed, 'salaryMin')).toEqual([
        ['Any salary', null, false],
        ['$30,000+', '12', false],
        ['$55,000+', null, true],
        ['$60,000+', '3', false],
      ]);
    });

    it('offers posted-within and apprentice choices without counts', async () => {
      const view = await present({ postedWithin: '7', apprentice: 'true' });
      expect(optionsOf(view, 'postedWithin')).toEqual([
        ['Any time', null, false],
        ['Past 24 hours', null, false],
        ['Past 7 days', null, true],
        ['Past 30 days', null, false],
      ]);
      expect(optionsOf(view, 'apprentice')).toEqual([['Apprentice-friendly (CPC-A welcome)', null, true]]);
      expect(groupOf(view, 'postedWithin')!.options.map((o) => [o.id, o.value])).toEqual([
        ['filter-postedWithin-any', ''],
        ['filter-postedWithin-1', '1'],
        ['filter-postedWithin-7', '7'],
        ['filter-postedWithin-30', '30'],
      ]);
    });

    it('marks long lists to scroll', async () => {
      const states = Object.fromEntries(['AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA'].map((s) => [s, 1]));
      const view = await present({}, { facets: { state: states, workplace: { remote: 1 } } });
      expect(groupOf(view, 'state')!.long).toBe(true);
      expect(groupOf(view, 'workplace')!.long).toBe(false);
    });
  });

  describe('filters read from the words', () => {
    it('shows them ticked, says so, and links to undo each one or all of them', async () => {
      const view = await present({ q: 'CPC remote Texas' }, { facets: { credential: { CPC: 3, CCS: 1 }, state: { TX: 3 }, workplace: { remote: 3 } } });
      expect(view.chips).toEqual([
        { label: 'Workplace Remote (from your search)', path: '/jobs?q=CPC+Texas', inferred: true },
        { label: 'State Texas (from your search)', path: '/jobs?q=CPC+remote', inferred: true },
        { label: 'Credential CPC (from your search)', path: '/jobs?q=remote+Texas', inferred: true },
      ]);
      expect(view.inference).toEqual({
        q: 'CPC remote Texas',
        filters: 'Workplace Remote, State Texas, Credential CPC',
        literal: { label: 'Search for “CPC remote Texas” as words instead', path: '/jobs?q=CPC+remote+Texas&literal=1' },
      });
      expect(optionsOf(view, 'credential')).toEqual([
        ['CPC', '3', true, 'Certified Professional Coder', 'inferred'],
        ['CCS', '1', false, 'Certified Coding Specialist'],
      ]);
      expect(view.literalSearch).toBeNull();
      expect(view.heading).toBe('Remote CPC jobs in Texas');
    });

    it('offers the filters back when the words were searched as typed', async () => {
      const view = await present({ q: 'CPC remote Texas', literal: '1' });
      expect(view.inference).toBeNull();
      expect(view.chips).toEqual([]);
      expect(view.literalSearch).toEqual({
        q: 'CPC remote Texas',
        inference: { label: 'Use its credential, workplace and state words as filters', path: '/jobs?q=CPC+remote+Texas' },
      });
      expect(view.hiddenFields).toEqual([{ name: 'literal', value: '1' }]);
      expect((await present({ q: 'inpatient coder', literal: '1' })).literalSearch).toBeNull();
    });
  });

  describe('chips', () => {
    it('names every chosen filter and links to the search without it', async () => {
      const view = await present(
        {
          q: 'coder',
          credential: 'CPC',
          specialty: 'cpt-surgery',
          state: 'OK',
          employmentType: 'PART_TIME',
          salaryMin: '50000',
          postedWithin: '1',
          apprentice: 'true',
        },
        { hits: [{ job: job(1), highlightHtml: null }] },
      );
      expect(view.chips.map((c) => [c.label, c.path])).toEqual([
        ['Credential CPC', '/jobs?q=coder&specialty=cpt-surgery&state=OK&employmentType=PART_TIME&salaryMin=50000&apprentice=true&postedWithin=1'],
        ['Specialty Surgery', '/jobs?q=coder&credential=CPC&state=OK&employmentType=PART_TIME&salaryMin=50000&apprentice=true&postedWithin=1'],
        ['State Oklahoma', '/jobs?q=coder&credential=CPC&specialty=cpt-surgery&employmentType=PART_TIME&salaryMin=50000&apprentice=true&postedWithin=1'],
        ['Employment type Part-time', '/jobs?q=coder&credential=CPC&specialty=cpt-surgery&state=OK&salaryMin=50000&apprentice=true&postedWithin=1'],
        ['Salary $50,000+ a year', '/jobs?q=coder&credential=CPC&specialty=cpt-surgery&state=OK&employmentType=PART_TIME&apprentice=true&postedWithin=1'],
        ['Posted in the past 24 hours', '/jobs?q=coder&credential=CPC&specialty=cpt-surgery&state=OK&employmentType=PART_TIME&salaryMin=50000&apprentice=true'],
        ['Apprentice-friendly', '/jobs?q=coder&credential=CPC&specialty=cpt-surgery&state=OK&employmentType=PART_TIME&salaryMin=50000&postedWithin=1'],
      ]);
      expect(view.clearFiltersPath).toBe('/jobs?q=coder');
    });

    it('names an employer from the jobs shown, and carries it in the form since no facet lists it', async () => {
      const view = await present({ organization: 'lakeside-health' });
      expect(view.chips).toEqual([{ label: 'Employer Lakeside Health Partners', path: '/jobs', inferred: false }]);
      expect(view.hiddenFields).toEqual([{ name: 'organization', value: 'lakeside-health' }]);
      expect(view.clearFiltersPath).toBeNull();
      expect((await present({ organization: 'gone-clinic' }, { hits: [], total: 0 })).chips[0].label).toBe('Employer gone-clinic');
    });
  });

  describe('results', () => {
    it('counts them, exactly or about, and says which are shown', async () => {
      const hits = Array.from({ length: 20 }, (_, i) => ({ job: job(i), highlightHtml: null }));
      const one = await present({}, { total: 1, hits: hits.slice(0, 1) });
      expect([one.summary, one.range]).toEqual(['1 job', null]);
      const page2 = await present({ page: '2' }, { total: 1234, hits, pageCount: 62 });
      expect([page2.summary, page2.range]).toEqual(['1,234 jobs', '21–40']);
      expect((await present({}, { total: 480000, approximate: true, hits, pageCount: 50 })).summary).toBe('about 480,000 jobs');
    });

    it('gives each card its highlighted snippet', async () => {
      const view = await present({ q: 'coder' }, { hits: [{ job: job(7), highlightHtml: 'a <mark>coder</mark> &amp; biller' }] });
      expect(view.cards).toEqual([{ ...job(7), highlightHtml: 'a <mark>coder</mark> &amp; biller' }]);
    });

    it('offers relevance only when there are words to rank by', async () => {
      expect((await present({ state: 'TX' })).sorts).toEqual([
        { label: 'Newest', path: '/jobs?state=TX', current: true },
        { label: 'Highest salary', path: '/jobs?state=TX&sort=salary', current: false },
      ]);
      expect((await present({ q: 'coder', sort: 'salary', page: '2' }, { total: 40, pageCount: 2 })).sorts).toEqual([
        { label: 'Relevance', path: '/jobs?q=coder', current: false },
        { label: 'Newest', path: '/jobs?q=coder&sort=newest', current: false },
        { label: 'Highest salary', path: '/jobs?q=coder&sort=salary', current: true },
      ]);
    });

    it('links the first, the last and the pages around the current one, with gaps', async () => {
      const view = await present({ state: 'TX', page: '6' }, { total: 200, pageCount: 10 });
      const links = view.pagination!.links.map((l) => (l ? `${l.number}${l.current ? '*' : ''}` : '…'));
      expect(links).toEqual(['1', '…', '4', '5', '6*', '7', '8', '…', '10']);
      expect(view.pagination!.links[0]!.path).toBe('/jobs?state=TX');
      expect(view.pagination!.previousPath).toBe('/jobs?state=TX&page=5');
      expect(view.pagination!.nextPath).toBe('/jobs?state=TX&page=7');
      expect((await present({}, { total: 20, pageCount: 1 })).pagination).toBeNull();
    });

    it('says when a page lies past the deepest reachable result', async () => {
      const view = await present({ page: '60' }, { total: 5000, pageCount: 50, capped: true, hits: [] });
      expect(view.capped).toEqual({
        message: 'Only the first 1,000 results can be shown. Add a filter or a word to narrow the search.',
        lastPage: { label: 'Go to page 50, the last one shown', path: '/jobs?page=50' },
      });
      expect(view.pastEnd).toBeNull();
      expect(view.empty).toBeNull();
      expect(view.pagination!.previousPath).toBe('/jobs?page=50');
    });

    it('says when a page lies past the last result', async () => {
      const view = await present({ q: 'coder', page: '4' }, { total: 30, pageCount: 2, pastEnd: true, hits: [] });
      expect(view.pastEnd).toEqual({
        message: 'There is no page 4: this search has 2 pages.',
        firstPage: { label: 'Go to the first page', path: '/jobs?q=coder' },
      });
      expect(view.capped).toBeNull();
      // Past the deepest reachable result of a search with fewer results than that: simply past the end.
      const deep = await present({ page: '60' }, { total: 30, pageCount: 2, capped: true, hits: [] });
      expect([deep.capped, deep.pastEnd?.message]).toEqual([null, 'There is no page 60: this search has 2 pages.']);
    });
  });

  describe('the empty state', () => {
    it('suggests removing each filter, checking the words, fewer words, and browsing everything', async () => {
      const view = await present({ q: 'CPC cardiolgy auditor', state: 'AK' }, { total: 0, hits: [] });
      expect(view.empty).toEqual({
        message: 'No open jobs match this search.',
        suggestions: [
          {
            text: 'Remove a filter:',
            links: [
              { label: 'Credential CPC (from your search)', path: '/jobs?q=cardiolgy+auditor&state=AK' },
              { label: 'State Alaska', path: '/jobs?q=CPC+cardiolgy+auditor' },
            ],
          },
          { text: 'Check the spelling of “cardiolgy auditor”.', links: [] },
          { text: 'Use fewer words, or more general ones such as a credential or a specialty.', links: [] },
          { text: 'Or start again:', links: [{ label: 'Browse all open jobs', path: '/jobs' }] },
        ],
      });
      expect(view.sorts).toEqual([]);
      expect(view.range).toBeNull();
    });

    it('says plainly when no job is open at all', async () => {
      expect((await present({}, { total: 0, hits: [] })).empty).toEqual({
        message: 'No jobs are open right now. New postings appear here as soon as employers publish them.',
        suggestions: [],
      });
    });
  });

  describe('the page itself', () => {
    it('names a simple search by what it finds, anything else "Search jobs"', async () => {
      expect((await present({})).heading).toBe('Jobs for medical coders');
      expect((await present({ credential: 'CPC', state: 'TX' })).heading).toBe('CPC jobs in Texas');
      expect((await present({ workplace: 'hybrid' })).heading).toBe('Hybrid jobs');
      expect((await present({ state: 'NC' })).heading).toBe('Jobs in North Carolina');
      expect((await present({ credential: ['CPC', 'CCS'] })).heading).toBe('Search jobs');
      expect((await present({ q: 'coder' })).heading).toBe('Search jobs');
      expect((await present({ credential: 'CPC', apprentice: 'true' })).heading).toBe('Search jobs');
      const page3 = await present({ credential: 'CPC', page: '3' }, { total: 100, pageCount: 5 });
      expect([page3.heading, page3.title]).toEqual(['CPC jobs', 'CPC jobs, page 3']);
    });

    it('has one canonical URL, the app address and the canonical path', async () => {
      const view = await present({ state: ['TX', 'AL'], q: ' coder ', sort: 'relevance', perPage: '20', page: '2' }, { total: 40, pageCount: 2 });
      expect(view.canonicalUrl).toBe('https://coders.example.org/jobs?q=coder&state=AL&state=TX&page=2');
      expect(view.metaDescription).toBe('Search jobs: 40 jobs open now. Filter by credential, specialty, setting, workplace, state and salary.');
      expect(view.q).toBe('coder');
    });

    it('carries the sort, the page size and the literal switch in the form, never the page', async () => {
      const view = await present({ q: 'coder', sort: 'newest', perPage: '50', page: '2', literal: '1' }, { total: 60, pageCount: 2 });
      expect(view.hiddenFields).toEqual([
        { name: 'sort', value: 'newest' },
        { name: 'perPage', value: '50' },
        { name: 'literal', value: '1' },
      ]);
    });
  });
});
