import { DataSource } from 'typeorm';
import { Job } from '../../src/jobs/job.entity';
import { MAX_RESULT_WINDOW } from '../../src/search/job-search.port';
import { insertJob } from './factories';
import { api } from './http';
import { TestApp } from './test-app';

/**
 * What every search engine must do, checked through GET /api/jobs so the
 * whole path (query object, engine, hydration) is covered. Each engine's
 * spec calls `searchContract` with how to start an app that uses it and how
 * to bring its index up to date after the fixtures are written.
 */
export interface SearchContractSetup {
  engine: 'postgres' | 'meilisearch';
  createApp(): Promise<TestApp>;
  /** Called once the fixture jobs are in Postgres. */
  indexed(app: TestApp): Promise<void>;
}

const DAY = 86400_000;

/** The open jobs of the fixture, by key; closed, expired and draft ones are added beside them. */
async function insertFixtures(dataSource: DataSource): Promise<Record<string, Job>> {
  const org = async (name: string, slug: string) =>
    (await dataSource.query<{ id: string }[]>(`INSERT INTO organizations (name, slug) VALUES ($1, $2) RETURNING id`, [name, slug]))[0].id;
  const heart = await org('Heartland Physicians Group', 'heartland-physicians-group');
  const gulf = await org('Gulf Coast Medical Center', 'gulf-coast-medical-center');
  const sable = await org('Sable Ridge Risk Analytics', 'sable-ridge-risk-analytics');
  const now = Date.now();
  const job = (organizationId: string, daysAgo: number, overrides: Partial<Job>) =>
    insertJob(dataSource, organizationId, { publishedAt: new Date(now - daysAgo * DAY), validThrough: new Date(now + 20 * DAY), ...overrides });
  const remote = { workplace: 'remote' as const, locations: [], locationStates: [] };

  const jobs: Record<string, Job> = {
    cardiology: await job(heart, 1, {
      title: 'Remote CPC Coder – Cardiology',
      description: 'Code cardiology office visits and echo reads for our cardiologists.',
      ...remote,
      remoteStates: [],
      credentialCodes: ['CPC'],
      specialtySlugs: ['cardiology'],
      settingSlugs: ['pro-fee'],
      salaryMin: 50000,
      salaryMax: 60000,
      salaryPeriod: 'YEAR',
    }),
    inpatient: await job(gulf, 2, {
      title: 'Inpatient Coding Specialist',
      description: 'Assign ICD-10-CM and ICD-10-PCS codes to inpatient records; DRG validation. Some charts are cardiology admissions.',
      locations: [{ city: 'Houston', state: 'TX' }],
      locationStates: ['TX'],
      credentialCodes: ['CCS'],
      specialtySlugs: ['icd-10-pcs'],
      settingSlugs: ['inpatient-facility'],
      salaryMin: 30,
      salaryMax: 35,
      salaryPeriod: 'HOUR',
    }),
    riskAdjustment: await job(sable, 3, {
      title: 'Risk Adjustment Coder',
      description: 'Review charts for hierarchical condition categories and MEAT support.',
      ...remote,
      remoteStates: ['FL', 'GA'],
      credentialCodes: ['CRC'],
      specialtySlugs: ['risk-adjustment-hcc'],
      settingSlugs: [],
      salaryMin: null,
      salaryMax: null,
      salaryPeriod: null,
      employmentType: 'PART_TIME',
    }),
    emAuditor: await job(heart, 4, {
      title: 'E/M Auditor',
      description: 'Audit office visit leveling against the 2021 guidelines and educate providers.',
      workplace: 'hybrid',
      locations: [{ city: 'Denver', state: 'CO' }],
      locationStates: ['CO'],
      credentialCodes: ['CPMA', 'CPC'],
      specialtySlugs: ['cpt-evaluation-management'],
      settingSlugs: ['pro-fee'],
      salaryMin: 70000,
      salaryMax: 80000,
      salaryPeriod: 'YEAR',
      employmentType: 'CONTRACTOR',
    }),
    orthopedic: await job(gulf, 5, {
      title: 'Orthopedic Surgery Coder',
      description: 'Fractures, joint replacements and arthroscopy for a busy surgical group.',
      locations: [{ city: 'Austin', state: 'TX' }],
      locationStates: ['TX'],
      credentialCodes: ['COSC'],
      specialtySlugs: ['surgery-musculoskeletal'],
      settingSlugs: ['outpatient-facility'],
      salaryMin: 58000,
      salaryMax: 66000,
      salaryPeriod: 'YEAR',
    }),
    apprentice: await job(sable, 10, {
      title: 'Apprentice Coder at Café Clínica',
      description: 'A first coding job with mentoring: charge entry and simple office visits.',
      locations: [{ city: 'Miami', state: 'FL' }],
      locationStates: ['FL'],
      credentialCodes: ['CPC-A'],
      apprenticeFriendly: true,
      specialtySlugs: ['primary-care'],
      settingSlugs: ['pro-fee'],
      salaryMin: 38000,
      salaryMax: 42000,
      salaryPeriod: 'YEAR',
    }),
    workFromHome: await job(heart, 6, {
      title: 'Work From Home Billing Coder',
      description: 'Claims follow-up and denial work for a physician group.',
      ...remote,
      remoteStates: ['TX'],
      credentialCodes: ['CPB'],
      specialtySlugs: [],
      settingSlugs: [],
      salaryMin: 45000,
      salaryMax: 52000,
      salaryPeriod: 'YEAR',
    }),
  };
  // Never found, whatever the search.
  await job(gulf, 1, { title: 'Closed Cardiology Coder', status: 'closed', closedAt: new Date(), credentialCodes: ['CPC'] });
  await job(gulf, 40, { title: 'Expired Cardiology Coder', validThrough: new Date(now - DAY), credentialCodes: ['CPC'] });
  await job(gulf, 0, { title: 'Draft Cardiology Coder', status: 'draft', publishedAt: null, credentialCodes: ['CPC'] });
  await job(gulf, 0, { title: 'Pending Cardiology Coder', status: 'pending_review', publishedAt: null, credentialCodes: ['CPC'] });
  return jobs;
}

export function searchContract(setup: SearchContractSetup): void {
  let app: TestApp;
  let jobs: Record<string, Job>;
  let openIds: Set<string>;

  const search = async (query: string, expectStatus = 200) => {
    const res = await api(app.baseUrl).get(`/api/jobs${query ? `?${query}` : ''}`);
    if (res.status !== expectStatus) throw new Error(`GET /api/jobs?${query} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const titles = async (query: string) => ((await search(query)).hits as { title: string }[]).map((h) => h.title);
  const ids = async (query: string) => new Set(((await search(`${query}&perPage=50`)).hits as { id: string }[]).map((h) => h.id));
  const idsOf = (...keys: string[]) => new Set(keys.map((k) => jobs[k].id));

  beforeAll(async () => {
    app = await setup.createApp();
    jobs = await insertFixtures(app.dataSource);
    openIds = new Set(Object.values(jobs).map((j) => j.id));
    await setup.indexed(app);
  });
  afterAll(async () => {
    await app?.close();
  });

  describe('basics', () => {
    it(`answers with the ${setup.engine} engine, open jobs only, newest first without words`, async () => {
      const body = await search('');
      expect(body.engine).toBe(setup.engine);
      expect(body.total).toBe(openIds.size);
      expect(new Set(body.hits.map((h: { id: string }) => h.id))).toEqual(openIds);
      const posted = body.hits.map((h: { postedAt: string }) => h.postedAt);
      expect(posted).toEqual([...posted].sort().reverse());
    });

    it('ranks a title match above a description match, and highlights the words', async () => {
      const body = await search('q=cardiology');
      expect(body.hits.map((h: { id: string }) => h.id)).toEqual([jobs.cardiology.id, jobs.inpatient.id]);
      expect(body.hits[0].highlight).toContain('<mark>');
      expect(body.hits[0].highlight.toLowerCase()).toContain('cardiology</mark>');
    });

    it('never returns closed, expired, draft or pending jobs, even for their exact title', async () => {
      for (const q of ['Closed Cardiology Coder', 'Expired Cardiology Coder', 'Draft Cardiology Coder', 'Pending', 'coder']) {
        const found = await ids(`q=${encodeURIComponent(q)}&literal=1`);
        for (const id of found) expect(openIds.has(id)).toBe(true);
      }
      expect(await titles('q=%22closed%20cardiology%22')).toEqual([]);
    });

    it('drops a job from the results the moment it closes or expires', async () => {
      await app.dataSource.query(`UPDATE jobs SET status = 'closed', closed_at = now() WHERE id = $1`, [jobs.orthopedic.id]);
      await setup.indexed(app);
      expect(await ids('q=orthopedic')).toEqual(new Set());
      await app.dataSource.query(`UPDATE jobs SET status = 'published', closed_at = NULL WHERE id = $1`, [jobs.orthopedic.id]);
      await app.dataSource.query(`UPDATE jobs SET valid_through = now() - interval '1 minute' WHERE id = $1`, [jobs.workFromHome.id]);
      await setup.indexed(app);
      expect(await ids('q=billing')).toEqual(new Set());
      await app.dataSource.query(`UPDATE jobs SET valid_through = now() + interval '20 days' WHERE id = $1`, [jobs.workFromHome.id]);
      await setup.indexed(app);
      expect(await ids('q=orthopedic')).toEqual(idsOf('orthopedic'));
      expect(await ids('q=billing')).toEqual(idsOf('workFromHome'));
    });
  });

  describe('query syntax', () => {
    it('needs every word', async () => {
      expect(await ids('q=coder%20cardiology&literal=1')).toEqual(idsOf('cardiology'));
    });

    it('matches a quoted phrase in order only', async () => {
      expect(await ids('q=%22risk%20adjustment%22')).toEqual(idsOf('riskAdjustment'));
      expect(await ids('q=%22adjustment%20risk%22')).toEqual(new Set());
    });

    it('excludes -words', async () => {
      expect(await ids('q=cardiology%20-inpatient')).toEqual(idsOf('cardiology'));
    });

    it('accepts either side of `or`', async () => {
      expect(await ids('q=arthroscopy%20or%20denial')).toEqual(idsOf('orthopedic', 'workFromHome'));
    });

    it('matches the last word as a prefix', async () => {
      expect(await ids('q=orthop')).toEqual(idsOf('orthopedic'));
    });

    it('ignores accents', async () => {
      expect(await ids('q=cafe%20clinica')).toEqual(idsOf('apprentice'));
    });

    it('tolerates a typo', async () => {
      expect(await ids('q=cardiolgy%20coder&literal=1')).toEqual(idsOf('cardiology'));
      const certified = await ids('q=certifed%20coder&literal=1');
      expect(certified.has(jobs.cardiology.id)).toBe(true);
    });
  });

  describe('synonyms', () => {
    it('E/M, E&M and evaluation and management find each other', async () => {
      for (const q of ['E%2FM', 'E%26M', 'evaluation%20and%20management']) expect(await ids(`q=${q}`)).toEqual(idsOf('emAuditor'));
    });

    it('HCC finds risk adjustment', async () => {
      expect(await ids('q=HCC')).toEqual(idsOf('riskAdjustment'));
    });

    it('ortho finds orthopedic', async () => {
      expect(await ids('q=ortho%20surgery')).toEqual(idsOf('orthopedic'));
    });

    it('WFH as words finds work from home', async () => {
      expect(await ids('q=wfh%20billing&literal=1')).toEqual(idsOf('workFromHome'));
    });

    it('a credential code finds its name and the name its code', async () => {
      expect(await ids('q=%22certified%20risk%20adjustment%20coder%22')).toEqual(idsOf('riskAdjustment'));
      expect(await ids('q=COSC&literal=1')).toEqual(idsOf('orthopedic'));
    });
  });

  describe('filters', () => {
    it('credential: any of', async () => {
      expect(await ids('credential=CRC&credential=COSC')).toEqual(idsOf('riskAdjustment', 'orthopedic'));
      expect(await ids('credential=CRC,COSC')).toEqual(idsOf('riskAdjustment', 'orthopedic'));
    });

    it('specialty: a parent matches its subsections', async () => {
      expect(await ids('specialty=cpt-surgery')).toEqual(idsOf('orthopedic'));
      expect(await ids('specialty=surgery-musculoskeletal')).toEqual(idsOf('orthopedic'));
    });

    it('setting, workplace and employment type', async () => {
      expect(await ids('setting=inpatient-facility')).toEqual(idsOf('inpatient'));
      expect(await ids('workplace=hybrid')).toEqual(idsOf('emAuditor'));
      expect(await ids('employmentType=PART_TIME&employmentType=CONTRACTOR')).toEqual(idsOf('riskAdjustment', 'emAuditor'));
    });

    it('state: located there, or remote and open to it', async () => {
      expect(await ids('state=TX')).toEqual(idsOf('cardiology', 'inpatient', 'orthopedic', 'workFromHome'));
      expect(await ids('state=GA')).toEqual(idsOf('cardiology', 'riskAdjustment'));
    });

    it('minimum salary compares yearly pay, hourly × 2080', async () => {
      expect(await ids('salaryMin=70000')).toEqual(idsOf('inpatient', 'emAuditor'));
    });

    it('apprentice-friendly, posted within, organization', async () => {
      expect(await ids('apprentice=true')).toEqual(idsOf('apprentice'));
      const recent = await ids('postedWithin=7');
      expect(recent.has(jobs.apprentice.id)).toBe(false);
      expect(recent.size).toBe(openIds.size - 1);
      expect(await ids('organization=sable-ridge-risk-analytics')).toEqual(idsOf('riskAdjustment', 'apprentice'));
    });

    it('turns plain filter words into filters and says so', async () => {
      const body = await search('q=CPC%20remote%20Texas');
      expect(body.appliedFilters).toMatchObject({ credential: ['CPC'], workplace: ['remote'], state: ['TX'], text: '' });
      expect(body.appliedFilters.inferred.map((f: { filter: string; value: string }) => `${f.filter}=${f.value}`)).toEqual(
        expect.arrayContaining(['credential=CPC', 'workplace=remote', 'state=TX']),
      );
      expect(new Set(body.hits.map((h: { id: string }) => h.id))).toEqual(idsOf('cardiology'));
    });

    it('rejects unknown values with the allowed ones', async () => {
      const res = await api(app.baseUrl).get('/api/jobs?credential=NOPE&sort=cheapest&workplace=moon');
      expect(res.status).toBe(400);
      expect(res.body.details.credential[0]).toContain('NOPE');
      expect(res.body.details.credential[0]).toContain('CPC');
      expect(res.body.details.sort[0]).toContain('relevance, newest, salary');
      expect(res.body.details.workplace[0]).toContain('onsite, hybrid, remote');
    });
  });

  describe('facets', () => {
    it('counts every facet over the matches', async () => {
      const { facets } = await search('');
      expect(facets.credential).toMatchObject({ CPC: 2, CCS: 1, CRC: 1, CPMA: 1, COSC: 1, 'CPC-A': 1, CPB: 1 });
      expect(facets.workplace).toEqual({ remote: 3, onsite: 3, hybrid: 1 });
      expect(facets.employmentType).toEqual({ FULL_TIME: 5, PART_TIME: 1, CONTRACTOR: 1 });
      expect(facets.specialty).toMatchObject({ 'cpt-surgery': 1, 'surgery-musculoskeletal': 1, cardiology: 1 });
      expect(facets.setting).toMatchObject({ 'pro-fee': 3, 'inpatient-facility': 1, 'outpatient-facility': 1 });
      // Remote-anywhere jobs count in every state.
      expect(facets.state).toMatchObject({ TX: 4, FL: 3, GA: 2, CO: 2, WY: 1 });
      expect(facets.salary).toMatchObject({ '40000': 6, '60000': 4, '70000': 2, '100000': 0 });
    });

    it('counts a facet without its own filter, so a selection can be widened', async () => {
      const { facets, total } = await search('credential=CPC&workplace=remote');
      expect(total).toBe(1);
      // Credential counts apply the workplace filter only…
      expect(facets.credential).toMatchObject({ CPC: 1, CRC: 1, CPB: 1 });
      // …and workplace counts the credential filter only.
      expect(facets.workplace).toEqual({ remote: 1, hybrid: 1 });
    });
  });

  describe('sorting and pages', () => {
    it('sorts by highest salary, yearly', async () => {
      const hits = (await search('sort=salary&perPage=3')).hits.map((h: { id: string }) => h.id);
      expect(hits).toEqual([jobs.emAuditor.id, jobs.inpatient.id, jobs.orthopedic.id]);
    });

    it('pages without overlap and caps deep pages', async () => {
      const first = await search('perPage=3&page=1');
      const second = await search('perPage=3&page=2');
      const third = await search('perPage=3&page=3');
      expect(first.pageCount).toBe(3);
      const all = [...first.hits, ...second.hits, ...third.hits].map((h: { id: string }) => h.id);
      expect(new Set(all)).toEqual(openIds);
      expect(all).toHaveLength(openIds.size);
      await search('perPage=51', 400);
      const deep = await api(app.baseUrl).get(`/api/jobs?perPage=50&page=${MAX_RESULT_WINDOW / 50 + 1}`);
      expect(deep.status).toBe(400);
      expect(deep.body.message).toContain(`first ${MAX_RESULT_WINDOW} results`);
    });
  });

  describe('hostile input', () => {
    it.each([
      ["' OR 1=1--"],
      ['%'],
      ['_'],
      ['\\'],
      ['\\\\" \''],
      ['"unterminated phrase'],
      ['-'],
      ['or or or'],
      ['coder:* & !cardiology | (x'],
      ['<script>alert(1)</script>'],
      ['😀 coder'],
      ['a'.repeat(200)],
      ['ＣＰＣ Ｃｏｄｅｒ'],
      [
        Array.from({ length: 40 }, (_, i) => `word${i}`)
          .join(' ')
          .slice(0, 200),
      ],
    ])('answers %j without error and with open jobs only', async (q) => {
      const body = await search(`q=${encodeURIComponent(q)}`);
      expect(body.engine).toBe(setup.engine);
      for (const hit of body.hits as { id: string; highlight: string | null }[]) {
        expect(openIds.has(hit.id)).toBe(true);
        expect(hit.highlight ?? '').not.toContain('<script');
      }
    });

    it('refuses an over-long query with a message', async () => {
      const res = await api(app.baseUrl).get(`/api/jobs?q=${'a'.repeat(201)}`);
      expect(res.status).toBe(400);
      expect(res.body.details.q[0]).toContain('200 characters');
    });
  });
}
