import hbs from 'hbs';
import { Job } from '../src/jobs/job.entity';
import { MAX_RESULT_WINDOW } from '../src/search/job-search.port';
import { textOf } from './support/browser';
import { insertJob } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

const DAY = 86400_000;
const APP_URL = 'https://coders.example.org';

/** What Handlebars makes of a value in {{ }} (an href keeps its & and = escaped). */
const esc = (value: string) => hbs.handlebars.Utils.escapeExpression(value);

interface Page {
  status: number;
  html: string;
  text: string;
  /** Titles of the result cards, in order. */
  titles: string[];
}

async function fetchPage(t: TestApp, path: string): Promise<Page> {
  const res = await fetch(`${t.baseUrl}${path}`, { redirect: 'manual' });
  const html = await res.text();
  const titles = [...html.matchAll(/<h3 class="job-card-title"><a href="[^"]+">([^<]+)<\/a>/g)].map((m) => textOf(m[1]));
  return { status: res.status, html, text: textOf(html), titles };
}

describe('the /jobs search page', () => {
  let t: TestApp;
  const jobs: Record<string, Job> = {};

  const page = (path: string) => fetchPage(t, path);

  /** The label text of a facet checkbox or radio, by its input id. */
  const option = (html: string, id: string) => {
    const input = new RegExp(`<input id="${id}"[^>]*>`).exec(html)?.[0] ?? null;
    const label = new RegExp(`<label for="${id}">([\\s\\S]*?)</label>`).exec(html)?.[1];
    return { input, label: label === undefined ? null : textOf(label), checked: !!input?.includes(' checked') };
  };

  beforeAll(async () => {
    t = await createTestApp({ APP_URL });
    const org = async (name: string, slug: string) =>
      (await t.dataSource.query<{ id: string }[]>(`INSERT INTO organizations (name, slug) VALUES ($1, $2) RETURNING id`, [name, slug]))[0].id;
    const lakeside = await org('Lakeside Health Partners', 'lakeside-health-partners');
    const prairie = await org('Prairie Coding Services', 'prairie-coding-services');
    const now = Date.now();
    const job = (organizationId: string, daysAgo: number, overrides: Partial<Job>) =>
      insertJob(t.dataSource, organizationId, { publishedAt: new Date(now - daysAgo * DAY), ...overrides });
    const remote = { workplace: 'remote' as const, locations: [], locationStates: [] };

    jobs.riskAdjustment = await job(prairie, 1, {
      title: 'Risk Adjustment Coder',
      description: 'Review charts for hierarchical condition categories and document MEAT support.',
      ...remote,
      remoteStates: [],
      credentialCodes: ['CRC'],
      specialtySlugs: ['risk-adjustment-hcc'],
      settingSlugs: [],
      salaryMin: 60000,
      salaryMax: 70000,
    });
    jobs.inpatient = await job(lakeside, 2, {
      title: 'Inpatient Coding Specialist',
      description: 'Assign ICD-10-CM and ICD-10-PCS codes to inpatient records.',
      locations: [{ city: 'Dallas', state: 'TX' }],
      locationStates: ['TX'],
      credentialCodes: ['CCS'],
      specialtySlugs: ['icd-10-pcs'],
      settingSlugs: ['inpatient-facility'],
      salaryMin: 65000,
      salaryMax: 80000,
    });
    jobs.proFee = await job(lakeside, 3, {
      title: 'Pro-Fee Coder',
      description: 'Code office visits for a family practice.',
      locations: [{ city: 'Tulsa', state: 'OK' }],
      locationStates: ['OK'],
      credentialCodes: ['CPC'],
      salaryMin: 45000,
      salaryMax: 52000,
    });
    jobs.remoteTexas = await job(prairie, 4, {
      title: 'Remote CPC Coder for Texas clinics',
      description: 'Code cardiology office visits for clinics across the state.',
      ...remote,
      remoteStates: ['TX'],
      credentialCodes: ['CPC'],
      salaryMin: 25,
      salaryMax: 30,
      salaryPeriod: 'HOUR',
      employmentType: 'PART_TIME',
    });
    jobs.surgery = await job(lakeside, 5, {
      title: 'Surgery Coder',
      description: 'Code general surgery and GI procedures.',
      workplace: 'hybrid',
      credentialCodes: ['CPC'],
      specialtySlugs: ['surgery-digestive'],
      salaryMin: 55000,
      salaryMax: 60000,
    });
    // Never listed: closed, a draft, and one past its date.
    await job(lakeside, 6, { title: 'Filled Coder', status: 'closed', closeReason: 'filled', closedAt: new Date() });
    await job(lakeside, 6, { title: 'Draft Coder', status: 'draft', publishedAt: null });
    await job(lakeside, 40, { title: 'Expired Coder', validThrough: new Date(now - DAY) });
  });
  afterAll(() => t.close());

  it('lists every open job, newest first, with the total, a canonical link and one GET form', async () => {
    const { status, html, text, titles } = await page('/jobs');
    expect(status).toBe(200);
    expect(titles).toEqual(['Risk Adjustment Coder', 'Inpatient Coding Specialist', 'Pro-Fee Coder', 'Remote CPC Coder for Texas clinics', 'Surgery Coder']);
    expect(text).toContain('5 jobs');
    expect(text).toContain('Sort by Newest Highest salary');
    expect(html).toContain('<title>Jobs for medical coders · CareerCenter</title>');
    expect(html).toContain(`<link rel="canonical" href="${APP_URL}/jobs">`);
    expect(html).toMatch(/<meta name="description" content="Jobs for medical coders: 5 jobs open now\./);
    expect(html).toContain('<form id="job-search" class="search-filters" method="get" action="/jobs"');
    expect(html).toContain('<input id="search-q" name="q" type="search" value="" maxlength="200" form="job-search"');
    // Cards: company, where, salary, credential badges, posted date.
    expect(text).toContain('Remote CPC Coder for Texas clinics Prairie Coding Services Remote · Texas Part-time $25 – $30 per hour CPC');
    expect(html).toContain(`<time datetime="${jobs.surgery.publishedAt!.toISOString()}">`);
    expect(html).toContain('<a href="/jobs.rss">Follow all new jobs with the RSS feed</a>');
    expect(text).toContain('Create an alert for this search');
  });

  it('counts every facet value, with labels a coder reads', async () => {
    const { html } = await page('/jobs');
    expect(option(html, 'filter-credential-CPC').label).toBe('CPC Certified Professional Coder (3)');
    expect(option(html, 'filter-credential-CCS').label).toBe('CCS Certified Coding Specialist (1)');
    expect(option(html, 'filter-credential-CCA').input).toBeNull();
    // The remote job open to any state counts in every state.
    expect(option(html, 'filter-state-TX').label).toBe('Texas (4)');
    expect(option(html, 'filter-state-AK').label).toBe('Alaska (1)');
    expect(option(html, 'filter-workplace-remote').label).toBe('Remote (2)');
    expect(option(html, 'filter-employmentType-PART_TIME').label).toBe('Part-time (1)');
    expect(option(html, 'filter-specialty-cpt-surgery').label).toBe('Surgery (1)');
    expect(option(html, 'filter-specialty-surgery-digestive').label).toBe('Surgery: Digestive System (1)');
    expect(html).toContain('<li class="choice facet-child">\n      <input id="filter-specialty-surgery-digestive"');
    expect(option(html, 'filter-setting-inpatient-facility').label).toBe('Inpatient facility (hospital IP) (1)');
    expect(option(html, 'filter-salaryMin-50000').label).toBe('$50,000+ (5)');
    expect(option(html, 'filter-salaryMin-70000').label).toBe('$70,000+ (2)');
    expect(option(html, 'filter-salaryMin-any')).toEqual({
      input: expect.stringContaining('type="radio" name="salaryMin" value=""'),
      label: 'Any salary',
      checked: true,
    });
    expect(option(html, 'filter-postedWithin-7').label).toBe('Past 7 days');
    expect(option(html, 'filter-apprentice-true').label).toBe('Apprentice-friendly (CPC-A welcome)');
  });

  it('narrows by a ticked facet and still counts the other values of that facet', async () => {
    const { html, text, titles } = await page('/jobs?credential=CPC');
    expect(titles).toEqual(['Pro-Fee Coder', 'Remote CPC Coder for Texas clinics', 'Surgery Coder']);
    expect(text).toContain('3 jobs');
    expect(option(html, 'filter-credential-CPC')).toMatchObject({ checked: true, label: 'CPC Certified Professional Coder (3)' });
    expect(option(html, 'filter-credential-CCS')).toMatchObject({ checked: false, label: 'CCS Certified Coding Specialist (1)' });
    expect(option(html, 'filter-credential-CRC')).toMatchObject({ checked: false, label: 'CRC Certified Risk Adjustment Coder (1)' });
    // Other facets count within the chosen credential.
    expect(option(html, 'filter-state-OK').label).toBe('Oklahoma (1)');
    expect(option(html, 'filter-state-AK').input).toBeNull();

    const both = await page('/jobs?credential=CPC&credential=CCS');
    expect(both.titles).toHaveLength(4);
    expect(option(both.html, 'filter-credential-CCS').checked).toBe(true);
  });

  it('shows each active filter as a chip whose link removes it', async () => {
    const { html, text, titles } = await page('/jobs?state=OK&credential=CPC&salaryMin=42000');
    expect(titles).toEqual(['Pro-Fee Coder']);
    const chip = (label: string, path: string) => `<a class="chip" href="${esc(path)}"><span class="visually-hidden">Remove filter: </span>${esc(label)} `;
    expect(html).toContain(chip('Credential CPC', '/jobs?state=OK&salaryMin=42000'));
    expect(html).toContain(chip('State Oklahoma', '/jobs?credential=CPC&salaryMin=42000'));
    expect(html).toContain(chip('Salary $42,000+ a year', '/jobs?credential=CPC&state=OK'));
    expect(html).toContain(`<a href="${esc('/jobs')}">Clear all filters</a>`);
    // An amount that is no salary band still shows on the form, chosen, so sending the form keeps it.
    expect(option(html, 'filter-salaryMin-42000')).toMatchObject({ checked: true, label: '$42,000+' });
    expect(text).toContain('Search jobs');

    const widened = await page('/jobs?state=OK&salaryMin=42000');
    // Without the credential, the remote job open to any state is in Oklahoma too.
    expect(widened.titles).toEqual(['Risk Adjustment Coder', 'Pro-Fee Coder']);
    expect(widened.text).not.toContain('Credential CPC');
  });

  it('reads "CPC remote Texas" as three filters, says so, and offers the words back', async () => {
    const { html, text, titles } = await page('/jobs?q=CPC+remote+Texas');
    expect(titles).toEqual(['Remote CPC Coder for Texas clinics']);
    expect(html).toContain('<h1>Remote CPC jobs in Texas</h1>');
    expect(text).toContain('Some words of “CPC remote Texas” became filters: Workplace Remote, State Texas, Credential CPC.');
    const literalPath = '/jobs?q=CPC+remote+Texas&literal=1';
    expect(html).toContain(`<a href="${esc(literalPath)}">Search for “CPC remote Texas” as words instead</a>`);
    expect(html).toContain(
      `<a class="chip chip-inferred" href="${esc('/jobs?q=CPC+remote')}"><span class="visually-hidden">Remove filter: </span>State Texas (from your search) `,
    );
    // Ticked but not sent by the form: the words stay where the filter lives.
    expect(option(html, 'filter-credential-CPC')).toMatchObject({ checked: true, label: 'CPC Certified Professional Coder (from your search) (1)' });
    expect(option(html, 'filter-credential-CPC').input).toContain(' disabled');
    expect(html).toContain(`<link rel="canonical" href="${APP_URL}${esc('/jobs?q=CPC+remote+Texas')}">`);

    const withoutTexas = await page('/jobs?q=CPC+remote');
    expect(withoutTexas.titles).toEqual(['Remote CPC Coder for Texas clinics']);
    expect(withoutTexas.text).toContain('became filters: Workplace Remote, Credential CPC.');

    const literal = await page(literalPath);
    expect(literal.text).not.toContain('became filters');
    expect(literal.text).toContain('“CPC remote Texas” is searched as words, exactly as typed.');
    expect(literal.html).toContain(`<a href="${esc('/jobs?q=CPC+remote+Texas')}">Use its credential, workplace and state words as filters</a>`);
    expect(literal.html).toContain('<input type="hidden" name="literal" value="1">');
  });

  it('highlights the matched words in each result', async () => {
    const { html, titles } = await page('/jobs?q=cardiology');
    expect(titles).toEqual(['Remote CPC Coder for Texas clinics']);
    expect(html).toMatch(/<p class="job-card-snippet">[^<]*<mark>cardiology<\/mark>[^<]*<\/p>/);
    expect(html).toContain(`<link rel="canonical" href="${APP_URL}${esc('/jobs?q=cardiology')}">`);
  });

  it('pages through results with canonical links, and says when a page is out of reach', async () => {
    const second = await page('/jobs?perPage=2&page=2');
    expect(second.titles).toEqual(['Pro-Fee Coder', 'Remote CPC Coder for Texas clinics']);
    expect(second.text).toContain('5 jobs Showing 3–4');
    expect(second.html).toContain(`<a href="${esc('/jobs?perPage=2')}" rel="prev">Previous</a>`);
    expect(second.html).toContain('<span aria-current="page">2</span>');
    expect(second.html).toContain(`<a href="${esc('/jobs?page=3&perPage=2')}" rel="next">Next</a>`);
    expect(second.html).toContain(`<link rel="canonical" href="${APP_URL}${esc('/jobs?page=2&perPage=2')}">`);
    expect(second.html).toContain('<input type="hidden" name="perPage" value="2">');
    expect(second.html).toContain(`<a href="${esc('/jobs?sort=salary&perPage=2')}">Highest salary</a>`);

    const bySalary = await page('/jobs?sort=salary');
    expect(bySalary.titles.slice(0, 2)).toEqual(['Inpatient Coding Specialist', 'Risk Adjustment Coder']);
    expect(bySalary.html).toContain('<span aria-current="true">Highest salary</span>');

    const pastEnd = await page('/jobs?perPage=2&page=4');
    expect(pastEnd.status).toBe(404);
    expect(pastEnd.titles).toEqual([]);
    expect(pastEnd.text).toContain('There is no page 4: this search has 3 pages.');

    // Past the deepest reachable result too, when there are fewer results than that.
    const deep = await page('/jobs?perPage=2&page=501');
    expect(deep.status).toBe(404);
    expect(deep.titles).toEqual([]);
    expect(deep.text).toContain('There is no page 501: this search has 3 pages.');
    expect(deep.text).not.toContain('Only the first');
  });

  it('suggests ways out of an empty result', async () => {
    const { status, html, text, titles } = await page('/jobs?q=zzqxv&state=AK');
    expect(status).toBe(200);
    expect(titles).toEqual([]);
    expect(text).toContain('0 jobs');
    expect(text).toContain('No open jobs match this search.');
    expect(html).toContain(`Remove a filter: <a href="${esc('/jobs?q=zzqxv')}">State Alaska</a>`);
    expect(text).toContain('Check the spelling of “zzqxv”.');
    expect(html).toContain('<a href="/jobs">Browse all open jobs</a>');
    // A chosen value with no jobs stays on the form, ticked, so it can be unticked.
    expect(option(html, 'filter-state-AK')).toMatchObject({ checked: true, label: 'Alaska (0)' });
  });

  it('refuses an unknown filter value with a 400 naming the allowed values', async () => {
    const { status, text } = await page('/jobs?credential=NOPE');
    expect(status).toBe(400);
    expect(text).toContain('Unknown value NOPE. Use one of: CPC, CPC-A,');
  });

  it('escapes the query wherever it shows', async () => {
    const q = '<script>alert(1)</script> "coder"';
    const { status, html } = await page(`/jobs?q=${encodeURIComponent(q)}`);
    expect(status).toBe(200);
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain(`value="${esc(q)}"`);
    expect(html).toContain(`Check the spelling of “${esc(q)}”.`);
  });
});

describe('the /jobs search page with more results than can be paged to', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    const [org] = await t.dataSource.query<{ id: string }[]>(`INSERT INTO organizations (name, slug) VALUES ('Summit Coding', 'summit-coding') RETURNING id`);
    const first = await insertJob(t.dataSource, org.id, { title: 'Outpatient Coder' });
    // MAX_RESULT_WINDOW more open jobs, copied from the first in one statement.
    await t.dataSource.query(
      `INSERT INTO jobs (organization_id, status, title, description, description_html, employment_type, workplace, locations, location_states,
                         credential_codes, apply_method, apply_url, published_at, valid_through)
       SELECT organization_id, status, title, description, description_html, employment_type, workplace, locations, location_states,
              credential_codes, apply_method, apply_url, published_at - n * interval '1 minute', valid_through
         FROM jobs, generate_series(1, $2::int) AS n
        WHERE id = $1`,
      [first.id, MAX_RESULT_WINDOW],
    );
  });
  afterAll(() => t.close());

  it('says only the first 1,000 can be shown, and links the deepest page that can', async () => {
    const lastPage = MAX_RESULT_WINDOW / 50;
    const reachable = await fetchPage(t, `/jobs?perPage=50&page=${lastPage}`);
    expect(reachable.titles).toHaveLength(50);
    expect(reachable.text).toContain('1,001 jobs Showing 951–1,000');

    const { html, text, titles } = await fetchPage(t, `/jobs?perPage=50&page=${lastPage + 1}`);
    expect(titles).toEqual([]);
    expect(text).toContain('Only the first 1,000 results can be shown. Add a filter or a word to narrow the search.');
    expect(html).toContain(`<a href="${esc(`/jobs?page=${lastPage}&perPage=50`)}">Go to page ${lastPage}, the last one shown</a>`);
    expect(html).toContain(`<a href="${esc(`/jobs?page=${lastPage}&perPage=50`)}">${lastPage}</a>`);
  });
});
