import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { In } from 'typeorm';
import { PasswordService } from '../src/auth/passwords/password.service';
import { Clock } from '../src/common/clock';
import { DEMO_EMAIL_DOMAIN, DEMO_JOBS, DEMO_ORGANIZATIONS, DEMO_PASSWORD, DEMO_USERS } from '../src/demo/demo-content';
import { DemoDataService, demoDate, demoJobId } from '../src/demo/demo-data.service';
import { Job } from '../src/jobs/job.entity';
import { api } from './support/http';
import { createTestApp, TestApp } from './support/test-app';

interface Membership {
  organization: string;
  slug: string;
  email: string;
  user_role: string;
  member_role: string;
}

const DAY_MS = 86_400_000;
const NOTHING_ADDED =
  'Demo data: 10 users (created 0, already there 10), 4 organizations (created 0, already there 4), 50 jobs (created 0, already there 50), 5 candidate profiles (created 0, already there 5), 4 applications (created 0, already there 4).';
const DEMO_ORGANIZATION_NAMES = DEMO_ORGANIZATIONS.map((o) => o.name);

describe('the demo dataset', () => {
  let t: TestApp;
  /** The time the first load in this block ran at (the clock is held there for it). */
  const loadedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
  const memberships = (): Promise<Membership[]> =>
    t.dataSource.query(
      `SELECT o.name AS organization, o.slug, u.email, u.role AS user_role, m.role AS member_role
         FROM organizations o JOIN organization_members m ON m.organization_id = o.id JOIN users u ON u.id = m.user_id
        ORDER BY o.name, m.role, u.email`,
    );
  const demoUsers = () =>
    t.dataSource.query(`SELECT id, email, name, role, email_verified, password_hash, updated_at FROM users WHERE email LIKE $1 ORDER BY email`, [
      `%@${DEMO_EMAIL_DOMAIN}`,
    ]);

  const demoOrganizations = () =>
    t.dataSource.query(
      `SELECT id, name, slug, website, about, about_html, headquarters_city, headquarters_state, size_band, verified_at, updated_at
         FROM organizations WHERE name = ANY($1) ORDER BY name`,
      [DEMO_ORGANIZATION_NAMES],
    );
  const demoJobs = () => t.dataSource.getRepository(Job).find({ where: { id: In(DEMO_JOBS.map((j) => demoJobId(j.key))) }, order: { id: 'ASC' } });
  /** Every row of `table` whose `userColumn` is a demo account, in a fixed order. */
  const ofDemoAccounts = (table: string, userColumn: string, orderBy: string) =>
    t.dataSource.query(`SELECT x.* FROM ${table} x JOIN users u ON u.id = x.${userColumn} WHERE u.email LIKE $1 ORDER BY u.email, ${orderBy}`, [
      `%@${DEMO_EMAIL_DOMAIN}`,
    ]);
  /** The demo coders' profiles, resumes and applications, all of each row. */
  const coderData = async () => ({
    profiles: await ofDemoAccounts('candidate_profiles', 'user_id', 'x.user_id'),
    credentials: await ofDemoAccounts('candidate_credentials', 'user_id', 'x.credential_code'),
    specialties: await ofDemoAccounts('candidate_specialties', 'user_id', 'x.specialty_slug'),
    resumes: await ofDemoAccounts('resumes', 'user_id', 'x.id'),
    applications: await ofDemoAccounts('applications', 'candidate_id', 'x.job_id'),
    events: await ofDemoAccounts('application_events', 'actor_id', 'x.application_id, x.created_at'),
  });
  const signIn = async (localPart: string): Promise<string> => {
    const res = await api(t.baseUrl).post('/api/auth/login', { email: `${localPart}@${DEMO_EMAIL_DOMAIN}`, password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    return res.body.accessToken;
  };

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('loads four employers with an owner each, one recruiter, five candidates and fifty jobs; loading again changes nothing', async () => {
    const log: string[] = [];
    const clock = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(loadedAt);
    await t.app.get(DemoDataService).load((m) => log.push(m));
    clock.mockRestore();
    const users = await demoUsers();
    const members = await memberships();
    const organizations = await demoOrganizations();
    const jobs = await demoJobs();
    const coders = await coderData();

    await t.app.get(DemoDataService).load((m) => log.push(m));

    expect(log).toEqual([
      'Demo data: 10 users (created 10, already there 0), 4 organizations (created 4, already there 0), 50 jobs (created 50, already there 0), 5 candidate profiles (created 5, already there 0), 4 applications (created 4, already there 0).',
      NOTHING_ADDED,
    ]);
    expect(await demoUsers()).toEqual(users);
    expect(await memberships()).toEqual(members);
    expect(await demoOrganizations()).toEqual(organizations);
    expect(await demoJobs()).toEqual(jobs);
    expect(await coderData()).toEqual(coders);
    expect(jobs).toHaveLength(50);
    expect(users.filter((u: { role: string }) => u.role === 'candidate')).toHaveLength(5);
    expect(members).toEqual([
      {
        organization: 'Alder Creek Multispecialty Group',
        slug: 'alder-creek-multispecialty-group',
        email: `priya.raman@${DEMO_EMAIL_DOMAIN}`,
        user_role: 'employer',
        member_role: 'owner',
      },
      {
        organization: 'Northpoint Revenue Cycle Partners',
        slug: 'northpoint-revenue-cycle-partners',
        email: `tom.kowalski@${DEMO_EMAIL_DOMAIN}`,
        user_role: 'employer',
        member_role: 'owner',
      },
      {
        organization: 'Prairie Meridian Health System',
        slug: 'prairie-meridian-health-system',
        email: `denise.okafor@${DEMO_EMAIL_DOMAIN}`,
        user_role: 'employer',
        member_role: 'owner',
      },
      {
        organization: 'Prairie Meridian Health System',
        slug: 'prairie-meridian-health-system',
        email: `marcus.bell@${DEMO_EMAIL_DOMAIN}`,
        user_role: 'employer',
        member_role: 'recruiter',
      },
      {
        organization: 'Sable Ridge Risk Analytics',
        slug: 'sable-ridge-risk-analytics',
        email: `angela.ruiz@${DEMO_EMAIL_DOMAIN}`,
        user_role: 'employer',
        member_role: 'owner',
      },
    ]);
  });

  it('gives every demo organization a verified profile: web site on a reserved domain, rendered about, headquarters and size', async () => {
    await t.app.get(DemoDataService).load(() => undefined);
    const organizations = await demoOrganizations();
    expect(organizations.map((o: Record<string, unknown>) => [o.name, o.website, o.headquarters_city, o.headquarters_state, o.size_band])).toEqual([
      ['Alder Creek Multispecialty Group', 'https://www.aldercreekgroup.example', 'Boise', 'ID', '1001-5000'],
      ['Northpoint Revenue Cycle Partners', 'https://www.northpointrcp.example', 'Nashville', 'TN', '201-1000'],
      ['Prairie Meridian Health System', 'https://www.prairiemeridian.example', 'Omaha', 'NE', '5001+'],
      ['Sable Ridge Risk Analytics', 'https://www.sableridgeanalytics.example', 'Denver', 'CO', '201-1000'],
    ]);
    for (const o of organizations) {
      expect(o.verified_at).toBeInstanceOf(Date);
      expect(o.about).toBe(DEMO_ORGANIZATIONS.find((d) => d.name === o.name)!.profile.about);
      expect(o.about_html).toMatch(/^<p>.+<\/p>\n?<p>.+<\/p>\n?$/s);
    }
    const prairie = organizations.find((o: { name: string }) => o.name === 'Prairie Meridian Health System');
    expect(prairie.about_html).toContain('We code in <strong>Epic</strong> with <strong>3M 360 Encompass</strong>');
  });

  it('publishes 46 of the jobs over the 25 days before loading, each valid for 30 days, and keeps two drafts, one filled and one expired', async () => {
    await t.app.get(DemoDataService).load(() => undefined);
    const jobs = await demoJobs();
    const counts = await t.dataSource.query(
      `SELECT o.name, j.status, count(*)::int AS jobs FROM jobs j JOIN organizations o ON o.id = j.organization_id
        WHERE o.name = ANY($1) GROUP BY o.name, j.status ORDER BY o.name, j.status`,
      [DEMO_ORGANIZATION_NAMES],
    );
    expect(counts).toEqual([
      { name: 'Alder Creek Multispecialty Group', status: 'closed', jobs: 1 },
      { name: 'Alder Creek Multispecialty Group', status: 'draft', jobs: 1 },
      { name: 'Alder Creek Multispecialty Group', status: 'published', jobs: 12 },
      { name: 'Northpoint Revenue Cycle Partners', status: 'expired', jobs: 1 },
      { name: 'Northpoint Revenue Cycle Partners', status: 'published', jobs: 10 },
      { name: 'Prairie Meridian Health System', status: 'draft', jobs: 1 },
      { name: 'Prairie Meridian Health System', status: 'published', jobs: 13 },
      { name: 'Sable Ridge Risk Analytics', status: 'published', jobs: 11 },
    ]);
    const open = jobs.filter((j) => j.status === 'published');
    expect(open).toHaveLength(46);
    for (const job of open) {
      expect(loadedAt.getTime() - job.publishedAt!.getTime()).toBeLessThanOrEqual(25 * DAY_MS + DEMO_JOBS.length * 60_000);
      expect(job.validThrough!.getTime() - job.publishedAt!.getTime()).toBe(30 * DAY_MS);
    }
    // Every publishing time is different, so "newest first" has one order.
    expect(new Set(jobs.filter((j) => j.publishedAt).map((j) => j.publishedAt!.getTime())).size).toBe(48);

    const [filled] = jobs.filter((j) => j.status === 'closed');
    expect(filled).toMatchObject({
      title: 'Spine and Pain Management Coder (COSC or CPC)',
      closeReason: 'filled',
      closedAt: new Date(loadedAt.getTime() - 2 * DAY_MS),
    });
    const [expired] = jobs.filter((j) => j.status === 'expired');
    expect(expired.validThrough!.getTime()).toBeLessThan(loadedAt.getTime());
    expect(jobs.filter((j) => j.status === 'draft').map((j) => [j.title, j.publishedAt, j.validThrough])).toEqual(
      expect.arrayContaining([
        ['Inpatient Rehabilitation Coder (CCS)', null, null],
        ['General Surgery Coder (CGSC)', null, null],
      ]),
    );
  });

  it('stores each job as the posting form would: rendered description, location states, the owner as author', async () => {
    await t.app.get(DemoDataService).load(() => undefined);
    const jobs = await demoJobs();
    const [owner] = await t.dataSource.query(`SELECT id FROM users WHERE email = $1`, [`denise.okafor@${DEMO_EMAIL_DOMAIN}`]);
    const critical = jobs.find((j) => j.id === demoJobId('prairie-critical-access-coder'))!;
    expect(critical).toMatchObject({
      status: 'published',
      title: 'HIM Coding Specialist – Critical Access Hospitals',
      createdBy: owner.id,
      employmentType: 'FULL_TIME',
      workplace: 'onsite',
      locations: [
        { city: 'Kearney', state: 'NE', postalCode: '68845' },
        { city: 'Grand Island', state: 'NE', postalCode: '68803' },
      ],
      locationStates: ['NE'],
      remoteStates: [],
      salaryMin: 50000,
      salaryMax: 58000,
      salaryCurrency: 'USD',
      salaryPeriod: 'YEAR',
      credentialCodes: ['CCA', 'CPC', 'COC', 'RHIT'],
      settingSlugs: ['outpatient-facility', 'emergency-department', 'inpatient-facility'],
      applyMethod: 'onsite',
      applyUrl: null,
      applyEmail: null,
    });
    expect(critical.descriptionHtml).toContain('<h3>What you will do</h3>\n<ul>\n<li>Code ED, clinic, observation and short-stay encounters</li>');
    expect(critical.descriptionHtml).toContain('<h3>Working at Prairie Meridian Health System</h3>');

    const remote = jobs.find((j) => j.id === demoJobId('northpoint-denials-appeals'))!;
    expect(remote).toMatchObject({ workplace: 'remote', locations: [], locationStates: [], remoteStates: ['TN', 'KY', 'AL', 'GA', 'OH', 'IN'] });
    expect(remote.applyUrl).toBe('https://careers.northpointrcp.example/jobs/NRC-2270');
    expect(jobs.find((j) => j.id === demoJobId('sable-ridge-weekend-coder'))).toMatchObject({
      employmentType: 'PART_TIME',
      salaryMin: 28,
      salaryMax: 32,
      salaryPeriod: 'HOUR',
      applyMethod: 'email',
      applyEmail: 'recruiting@sableridgeanalytics.example',
    });
    expect(jobs.filter((j) => j.apprenticeFriendly).map((j) => j.title)).toHaveLength(4);
  });

  it('gives each coder a profile and a PDF resume, which candidate search reads for the three visible to employers', async () => {
    await t.app.get(DemoDataService).load(() => undefined);
    const profiles = await t.dataSource.query(
      `SELECT u.email, p.city, p.state, p.visibility FROM candidate_profiles p JOIN users u ON u.id = p.user_id WHERE u.email LIKE $1 ORDER BY u.email`,
      [`%@${DEMO_EMAIL_DOMAIN}`],
    );
    expect(profiles.map((p: Record<string, string>) => [p.email.split('@')[0], p.city, p.state, p.visibility])).toEqual([
      ['emily.nguyen', 'Nampa', 'ID', 'private'],
      ['jasmine.carter', 'Grand Island', 'NE', 'employers'],
      ['keisha.williams', 'Decatur', 'GA', 'private'],
      ['luis.hernandez', 'Franklin', 'TN', 'employers'],
      ['robert.thompson', 'Kansas City', 'MO', 'employers'],
    ]);
    const resumes = await t.dataSource.query(
      `SELECT u.name, u.email, r.content_type, r.text_status, r.is_default, r.removed_at, r.content, r.text FROM resumes r JOIN users u ON u.id = r.user_id
        WHERE u.email LIKE $1 ORDER BY u.email`,
      [`%@${DEMO_EMAIL_DOMAIN}`],
    );
    expect(resumes).toHaveLength(5);
    for (const resume of resumes) {
      expect(resume).toMatchObject({ content_type: 'application/pdf', text_status: 'extracted', is_default: true, removed_at: null });
      expect(resume.content.subarray(0, 5).toString()).toBe('%PDF-');
      expect(resume.text).toContain(`${resume.name.toUpperCase()},`);
      expect(resume.text).toContain(resume.email);
    }

    // The coder's own view: dates relative to the first load, one credential expired.
    const robert = await signIn('robert.thompson');
    const profile = (await api(t.baseUrl).get('/api/me/profile', robert)).body;
    expect(profile).toMatchObject({
      headline: 'CCS, RHIT: senior inpatient coder for complex surgical and trauma stays',
      yearsExperience: 16,
      visibility: 'employers',
    });
    expect(profile.credentials).toEqual([
      {
        code: 'CCS',
        name: 'Certified Coding Specialist',
        earnedOn: demoDate(loadedAt, -140),
        expiresOn: demoDate(loadedAt, 15),
        expired: false,
        certificateNumber: null,
      },
      { code: 'CDIP', name: expect.any(String), earnedOn: demoDate(loadedAt, -110), expiresOn: demoDate(loadedAt, -7), expired: true, certificateNumber: null },
      {
        code: 'RHIT',
        name: expect.any(String),
        earnedOn: demoDate(loadedAt, -190),
        expiresOn: demoDate(loadedAt, 15),
        expired: false,
        certificateNumber: null,
      },
    ]);
    expect(profile.specialties.map((s: { slug: string; years: number }) => [s.slug, s.years])).toEqual([
      ['icd-10-cm', 16],
      ['icd-10-pcs', 11],
      ['surgery-cardiovascular', 7],
      ['general-surgery', 5],
    ]);
    const [resume] = (await api(t.baseUrl).get('/api/me/resumes', robert)).body;
    expect(resume).toMatchObject({
      fileName: 'Robert Thompson - Inpatient Coder.pdf',
      contentType: 'application/pdf',
      isDefault: true,
      textStatus: 'extracted',
    });

    // A verified demo employer finds the visible coders, by words only their resume holds, and never the private ones.
    const denise = await signIn('denise.okafor');
    const search = async (query: string) => {
      const res = await api(t.baseUrl).get(`/api/candidates?${query}`, denise);
      expect(res.status).toBe(200);
      return res.body.hits.map((h: { displayName: string }) => h.displayName).sort();
    };
    expect(await search('')).toEqual(['Jasmine C.', 'Luis H.', 'Robert T.']);
    expect(await search('q=Marrowstone')).toEqual(['Robert T.']);
    expect(await search('q=Copperleaf')).toEqual(['Luis H.']);
    expect(await search('q=Silverpine')).toEqual([]);
    expect(await search('q=Bramblewood')).toEqual([]);
    expect(await search('credential=CDIP')).toEqual([]);
  });

  it('adds four applications to jobs that take them on this site, at several stages of the pipeline, without sending any email', async () => {
    await t.app.get(DemoDataService).load(() => undefined);
    const applications = await t.dataSource.query(
      `SELECT u.name, j.title, a.status, r.file_name AS resume, a.created_at,
              array_agg(e.status ORDER BY e.created_at) AS timeline, array_agg(actor.name ORDER BY e.created_at) AS actors
         FROM applications a JOIN users u ON u.id = a.candidate_id JOIN jobs j ON j.id = a.job_id
         JOIN resumes r ON r.id = a.resume_id JOIN application_events e ON e.application_id = a.id JOIN users actor ON actor.id = e.actor_id
        WHERE u.email LIKE $1 GROUP BY a.id, u.name, j.title, r.file_name ORDER BY a.created_at`,
      [`%@${DEMO_EMAIL_DOMAIN}`],
    );
    expect(applications).toEqual([
      {
        name: 'Jasmine Carter',
        title: 'HIM Coding Specialist – Critical Access Hospitals',
        status: 'interviewing',
        resume: 'Jasmine Carter - Resume.pdf',
        created_at: new Date(loadedAt.getTime() - 18 * DAY_MS),
        timeline: ['new', 'reviewed', 'shortlisted', 'interviewing'],
        actors: ['Jasmine Carter', 'Denise Okafor', 'Denise Okafor', 'Denise Okafor'],
      },
      {
        name: 'Luis Hernandez',
        title: 'Billing and Coding Specialist (CPC-A welcome)',
        status: 'shortlisted',
        resume: 'Luis_Hernandez_CPC_CPB.pdf',
        created_at: new Date(loadedAt.getTime() - 17 * DAY_MS),
        timeline: ['new', 'reviewed', 'shortlisted'],
        actors: ['Luis Hernandez', 'Tom Kowalski', 'Tom Kowalski'],
      },
      {
        name: 'Emily Nguyen',
        title: 'Outpatient Coder I – Ancillary and Diagnostic (CPC-A welcome)',
        status: 'rejected',
        resume: 'Emily Nguyen CPC-A.pdf',
        created_at: new Date(loadedAt.getTime() - 4 * DAY_MS),
        timeline: ['new', 'reviewed', 'rejected'],
        actors: ['Emily Nguyen', 'Denise Okafor', 'Denise Okafor'],
      },
      {
        name: 'Emily Nguyen',
        title: 'Entry-Level Coder – Primary Care (CPC-A welcome)',
        status: 'new',
        resume: 'Emily Nguyen CPC-A.pdf',
        created_at: new Date(loadedAt.getTime() - DAY_MS),
        timeline: ['new'],
        actors: ['Emily Nguyen'],
      },
    ]);

    // The employer's pipeline and the coder's list show them like any application.
    const denise = await signIn('denise.okafor');
    const pipeline = (await api(t.baseUrl).get(`/api/jobs/${demoJobId('prairie-critical-access-coder')}/applications`, denise)).body;
    expect(pipeline.applications.map((a: { candidate: { name: string }; status: string }) => [a.candidate.name, a.status])).toEqual([
      ['Jasmine Carter', 'interviewing'],
    ]);
    const mine = (await api(t.baseUrl).get('/api/me/applications', await signIn('emily.nguyen'))).body;
    expect(mine.map((a: { job: { title: string }; statusLabel: string }) => [a.job.title, a.statusLabel])).toEqual([
      ['Entry-Level Coder – Primary Care (CPC-A welcome)', 'Applied'],
      ['Outpatient Coder I – Ancillary and Diagnostic (CPC-A welcome)', 'Not selected'],
    ]);
    expect(await t.dataSource.query(`SELECT to_address FROM emails WHERE to_address LIKE $1`, [`%@${DEMO_EMAIL_DOMAIN}`])).toEqual([]);
  });

  it('leaves what a coder changed on a later load, and gives no resume again to one who removed theirs', async () => {
    await t.app.get(DemoDataService).load(() => undefined);
    const robert = await signIn('robert.thompson');
    const http = api(t.baseUrl);
    expect((await http.call('PUT', '/api/me/profile', { token: robert, body: { headline: 'Inpatient coder', visibility: 'private' } })).status).toBe(200);
    const [resume] = (await http.get('/api/me/resumes', robert)).body;
    expect((await http.call('DELETE', `/api/me/resumes/${resume.id}`, { token: robert })).status).toBe(204);

    const log: string[] = [];
    await t.app.get(DemoDataService).load((m) => log.push(m));

    expect(log).toEqual([NOTHING_ADDED]);
    expect((await http.get('/api/me/profile', robert)).body).toMatchObject({
      headline: 'Inpatient coder',
      visibility: 'private',
      credentials: [],
      specialties: [],
    });
    expect((await http.get('/api/me/resumes', robert)).body).toEqual([]);
  });

  it('leaves what an employer changed on a later load, and fills in only the profile fields that are empty', async () => {
    await t.app.get(DemoDataService).load(() => undefined);
    const [alder] = await t.dataSource.query(`SELECT id FROM organizations WHERE name = 'Alder Creek Multispecialty Group'`);
    await t.dataSource.query(
      `UPDATE organizations SET website = 'https://jobs.alder-edited.example', about = 'We are hiring.', about_html = '<p>We are hiring.</p>', size_band = NULL WHERE id = $1`,
      [alder.id],
    );
    const edited = demoJobId('alder-creek-em-coder');
    await t.dataSource.query(`UPDATE jobs SET title = 'E/M Coder', salary_max = 65000 WHERE id = $1`, [edited]);
    const others = (await demoOrganizations()).filter((o: { id: string }) => o.id !== alder.id);

    const log: string[] = [];
    await t.app.get(DemoDataService).load((m) => log.push(m));

    expect(log).toEqual([NOTHING_ADDED]);
    const [after] = await t.dataSource.query(`SELECT website, about, about_html, headquarters_city, size_band FROM organizations WHERE id = $1`, [alder.id]);
    expect(after).toEqual({
      website: 'https://jobs.alder-edited.example',
      about: 'We are hiring.',
      about_html: '<p>We are hiring.</p>',
      headquarters_city: 'Boise',
      size_band: '1001-5000',
    });
    expect((await demoOrganizations()).filter((o: { id: string }) => o.id !== alder.id)).toEqual(others);
    expect(await t.dataSource.getRepository(Job).findOneByOrFail({ id: edited })).toMatchObject({ title: 'E/M Coder', salaryMax: 65000 });
  });

  it('signs every demo account in with the documented password, its email already verified', async () => {
    await t.app.get(DemoDataService).load(() => undefined);
    const http = api(t.baseUrl);
    for (const user of DEMO_USERS) {
      const res = await http.post('/api/auth/login', { email: user.email, password: DEMO_PASSWORD });
      expect(res.status).toBe(200);
      expect(res.body.user).toEqual({ id: expect.any(String), email: user.email, name: user.name, role: user.role, emailVerified: true });
    }
    expect(new PasswordService().problems(DEMO_PASSWORD)).toEqual([]);
  });
});

describe('the demo dataset beside real data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('makes its own organization when a real one already has the same name, and finds it on the next load', async () => {
    const [owner] = await t.dataSource.query(
      `INSERT INTO users (email, password_hash, name, role) VALUES ('hr@prairie.example', 'x', 'Real Owner', 'employer') RETURNING id`,
    );
    const [real] = await t.dataSource.query(
      `INSERT INTO organizations (name, slug) VALUES ('Prairie Meridian Health System', 'prairie-meridian-health-system') RETURNING id`,
    );
    await t.dataSource.query(`INSERT INTO organization_members (organization_id, user_id, role) VALUES ($1, $2, 'owner')`, [real.id, owner.id]);

    await t.app.get(DemoDataService).load(() => undefined);
    await t.app.get(DemoDataService).load(() => undefined);

    const rows = await t.dataSource.query(
      `SELECT o.slug, array_agg(u.email ORDER BY u.email) AS members
         FROM organizations o JOIN organization_members m ON m.organization_id = o.id JOIN users u ON u.id = m.user_id
        WHERE o.name = 'Prairie Meridian Health System' GROUP BY o.slug ORDER BY o.slug`,
    );
    expect(rows).toEqual([
      { slug: 'prairie-meridian-health-system', members: ['hr@prairie.example'] },
      { slug: 'prairie-meridian-health-system-2', members: [`denise.okafor@${DEMO_EMAIL_DOMAIN}`, `marcus.bell@${DEMO_EMAIL_DOMAIN}`] },
    ]);
    // The real organization gets neither the demo profile nor the demo jobs.
    const profiles = await t.dataSource.query(
      `SELECT o.slug, o.website, o.verified_at IS NOT NULL AS verified, count(j.id)::int AS jobs
         FROM organizations o LEFT JOIN jobs j ON j.organization_id = o.id
        WHERE o.name = 'Prairie Meridian Health System' GROUP BY o.id ORDER BY o.slug`,
    );
    expect(profiles).toEqual([
      { slug: 'prairie-meridian-health-system', website: null, verified: false, jobs: 0 },
      { slug: 'prairie-meridian-health-system-2', website: 'https://www.prairiemeridian.example', verified: true, jobs: 14 },
    ]);
  });
});

describe('the common-password list', () => {
  const lines = readFileSync(join(__dirname, '..', 'data', 'common-passwords.txt'), 'utf8').split('\n');
  const entries = lines.filter((l) => l !== '' && !l.startsWith('#'));

  it('says what it is in a header and holds at least 300 distinct lower-case passwords of 12+ characters', () => {
    expect(lines[0]).toMatch(/^# Common passwords/);
    expect(entries.length).toBeGreaterThanOrEqual(300);
    expect(new Set(entries).size).toBe(entries.length);
    expect(entries.filter((p) => [...p].length < 12 || p !== p.toLowerCase() || p !== p.trim())).toEqual([]);
  });

  it('is what the password policy refuses, whatever the case', () => {
    const passwords = new PasswordService();
    expect(passwords.problems('Password1234')).toEqual(['This password is too common; choose one that is harder to guess.']);
    expect(passwords.problems('QWERTYUIOP123')).toEqual(['This password is too common; choose one that is harder to guess.']);
  });
});
