import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { In } from 'typeorm';
import { PasswordService } from '../src/auth/passwords/password.service';
import { Clock } from '../src/common/clock';
import { DEMO_EMAIL_DOMAIN, DEMO_JOBS, DEMO_ORGANIZATIONS, DEMO_PASSWORD, DEMO_USERS } from '../src/demo/demo-content';
import { DemoDataService, demoJobId } from '../src/demo/demo-data.service';
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

    await t.app.get(DemoDataService).load((m) => log.push(m));

    expect(log).toEqual([
      'Demo data: 10 users (created 10, already there 0), 4 organizations (created 4, already there 0), 50 jobs (created 50, already there 0).',
      'Demo data: 10 users (created 0, already there 10), 4 organizations (created 0, already there 4), 50 jobs (created 0, already there 50).',
    ]);
    expect(await demoUsers()).toEqual(users);
    expect(await memberships()).toEqual(members);
    expect(await demoOrganizations()).toEqual(organizations);
    expect(await demoJobs()).toEqual(jobs);
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

    expect(log).toEqual([
      'Demo data: 10 users (created 0, already there 10), 4 organizations (created 0, already there 4), 50 jobs (created 0, already there 50).',
    ]);
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
