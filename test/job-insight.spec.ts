import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Request } from 'express';
import hbs from 'hbs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { CommonModule } from '../src/common/common.module';
import { Clock } from '../src/common/clock';
import { ConfigModule } from '../src/config/config.module';
import { validateEnv } from '../src/config/env';
import { dataSourceOptions } from '../src/database/data-source';
import { JobInsightCounter } from '../src/insight/job-insight-counter';
import { JobInsightModule } from '../src/insight/job-insight.module';
import { Job } from '../src/jobs/job.entity';
import { jobPath } from '../src/jobs/job-paths';
import { insertApplication, insertCandidate } from './support/applicant-fixtures';
import { Browser } from './support/browser';
import { insertJob, SignedUp, signUp, signUpAdmin } from './support/factories';
import { api, GOOD_PASSWORD } from './support/http';
import { createTestApp, TestApp } from './support/test-app';
import { createTestDatabase } from './support/test-database';

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

const esc = (value: string) => hbs.handlebars.Utils.escapeExpression(value);

interface Visit {
  /** The browser's user agent; '' sends none worth the name. */
  agent?: string;
  /** The client's address, as the trusted proxy reports it. */
  ip?: string;
  cookie?: string;
  token?: string;
  method?: 'GET' | 'HEAD';
}

interface Stats {
  days: Array<{ day: string; views: number; apply_clicks: number; visitors: number }>;
}

describe('employer insight', () => {
  let t: TestApp;
  let counter: JobInsightCounter;
  let owner: SignedUp;
  let teammate: SignedUp;
  let otherEmployer: SignedUp;
  let coder: SignedUp;
  let ownerBrowser: Browser;

  beforeAll(async () => {
    // Behind a trusted proxy, so that visits can come from several addresses.
    t = await createTestApp({ TRUST_PROXY: 'true', RATE_LIMIT_AUTH_PER_IP: '1000' });
    counter = t.app.get(JobInsightCounter);
    owner = await signUp(t.baseUrl, 'employer', t.dataSource, 'Lakeside Health Partners');
    teammate = await signUp(t.baseUrl, 'employer', t.dataSource, 'Lakeside temporary org');
    await t.dataSource.query(`INSERT INTO organization_members (organization_id, user_id, role) VALUES ($1, $2, 'recruiter')`, [
      owner.organizationId,
      teammate.id,
    ]);
    otherEmployer = await signUp(t.baseUrl, 'employer', t.dataSource, 'Riverside Health');
    coder = await signUp(t.baseUrl, 'candidate', t.dataSource);
    await t.dataSource.query(`UPDATE users SET email_verified = true WHERE id = $1`, [coder.id]);
    ownerBrowser = new Browser(t.baseUrl);
    const signedIn = await ownerBrowser.submit('/login', '/login', { email: owner.email, password: GOOD_PASSWORD });
    expect(signedIn.status).toBe(303);
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  const job = (overrides: Partial<Job> = {}) => insertJob(t.dataSource, owner.organizationId!, overrides);
  const onsiteJob = (overrides: Partial<Job> = {}) => job({ applyMethod: 'onsite', applyUrl: null, ...overrides });

  /** A request as a browser (Chrome unless told) sends it, from 203.0.113.10 unless told; redirects are not followed. */
  async function visit(path: string, { agent = CHROME, ip = '203.0.113.10', cookie, token, method = 'GET' }: Visit = {}) {
    const headers: Record<string, string> = { accept: 'text/html', 'user-agent': agent, 'x-forwarded-for': ip };
    if (cookie) headers.cookie = cookie;
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(`${t.baseUrl}${path}`, { method, headers, redirect: 'manual' });
    return { status: res.status, location: res.headers.get('location'), html: await res.text() };
  }

  /** What the database holds for `jobId`, by day. */
  async function stats(jobId: string): Promise<Stats> {
    const days = await t.dataSource.query(
      `SELECT s.day::text AS day, s.views, s.apply_clicks, (SELECT count(*)::int FROM job_daily_visitors v WHERE v.job_id = s.job_id AND v.day = s.day) AS visitors
         FROM job_daily_stats s WHERE s.job_id = $1 ORDER BY s.day`,
      [jobId],
    );
    return { days };
  }

  const today = () => new Date().toISOString().slice(0, 10);

  describe('counting views', () => {
    it('adds up views in memory and writes them at a flush; repeat visits are views of one visitor', async () => {
      const posting = await job();
      const path = jobPath(posting);
      for (let i = 0; i < 3; i++) expect((await visit(path)).status).toBe(200);
      expect((await visit(path, { ip: '203.0.113.11' })).status).toBe(200);
      expect((await visit(path, { agent: FIREFOX })).status).toBe(200);
      // The visitor cookie (set by the code pages) names a visitor wherever they are.
      await visit(path, { cookie: 'cc_visitor=visitor-one-aaaaaaaaaaaa', ip: '203.0.113.12' });
      await visit(path, { cookie: 'cc_visitor=visitor-one-aaaaaaaaaaaa', ip: '198.51.100.7' });

      // Nothing is written while the pages are served.
      expect(await stats(posting.id)).toEqual({ days: [] });

      await counter.flush();
      expect(await stats(posting.id)).toEqual({ days: [{ day: today(), views: 7, apply_clicks: 0, visitors: 4 }] });

      // A second flush adds to the day.
      await visit(path);
      await visit(path, { ip: '203.0.113.13' });
      await counter.flush();
      expect(await stats(posting.id)).toEqual({ days: [{ day: today(), views: 9, apply_clicks: 0, visitors: 5 }] });
    });

    it('keeps only keyed hashes of visitors, never an address or a cookie', async () => {
      const posting = await job();
      await visit(jobPath(posting), { ip: '203.0.113.77' });
      await visit(jobPath(posting), { cookie: 'cc_visitor=visitor-two-bbbbbbbbbbbb' });
      await counter.flush();
      const rows: Array<{ visitor: string }> = await t.dataSource.query(`SELECT visitor FROM job_daily_visitors WHERE job_id = $1`, [posting.id]);
      expect(rows).toHaveLength(2);
      for (const { visitor } of rows) {
        expect(visitor).toMatch(/^[A-Za-z0-9_-]{22}$/);
        expect(visitor).not.toContain('203');
        expect(visitor).not.toContain('visitor-two');
      }
    });

    it('ignores crawlers, requests without a user agent, HEAD requests, admins and the job’s own team', async () => {
      const posting = await job();
      const path = jobPath(posting);
      const admin = await signUpAdmin(t.baseUrl, t.dataSource);
      expect((await visit(path, { agent: GOOGLEBOT })).status).toBe(200);
      expect((await visit(path, { agent: 'curl/8.5.0' })).status).toBe(200);
      expect((await visit(path, { agent: '' })).status).toBe(200);
      expect((await visit(path, { method: 'HEAD' })).status).toBe(200);
      expect((await visit(path, { token: admin.token })).status).toBe(200);
      expect((await visit(path, { token: owner.token })).status).toBe(200);
      expect((await visit(path, { token: teammate.token })).status).toBe(200);
      await counter.flush();
      expect(await stats(posting.id)).toEqual({ days: [] });

      // Another organization's recruiter and a coder are interest like any other.
      await visit(path, { token: otherEmployer.token });
      await visit(path, { token: coder.token });
      await visit(path, { token: coder.token, ip: '198.51.100.8' });
      await counter.flush();
      expect(await stats(posting.id)).toEqual({ days: [{ day: today(), views: 3, apply_clicks: 0, visitors: 2 }] });
    });

    it('counts by UTC day', async () => {
      const posting = await job();
      const clock = t.app.get(Clock);
      jest.spyOn(clock, 'now').mockReturnValue(new Date('2026-03-10T23:59:30Z'));
      await visit(jobPath(posting));
      jest.spyOn(clock, 'now').mockReturnValue(new Date('2026-03-11T00:00:30Z'));
      await visit(jobPath(posting));
      await visit(jobPath(posting), { ip: '203.0.113.14' });
      await counter.flush();
      expect(await stats(posting.id)).toEqual({
        days: [
          { day: '2026-03-10', views: 1, apply_clicks: 0, visitors: 1 },
          { day: '2026-03-11', views: 2, apply_clicks: 0, visitors: 2 },
        ],
      });
    });
  });

  describe('the apply link', () => {
    it('is where the job page’s apply button points', async () => {
      const posting = await job();
      const page = await visit(jobPath(posting));
      expect(page.html).toContain(
        `<a class="button job-apply-button" href="/jobs/${posting.id}/apply" rel="nofollow noopener">Apply on the employer's site</a>`,
      );
      expect(page.html).not.toContain('href="https://careers.example.org/apply/123"');
    });

    it('counts the click and sends the coder to the employer’s application page', async () => {
      const posting = await job({ applyUrl: 'https://careers.example.org/apply/123?source=careercenter' });
      const res = await visit(`/jobs/${posting.id}/apply`);
      expect(res.status).toBe(303);
      expect(res.location).toBe('https://careers.example.org/apply/123?source=careercenter');
      await counter.flush();
      expect(await stats(posting.id)).toEqual({ days: [{ day: today(), views: 0, apply_clicks: 1, visitors: 0 }] });
    });

    it('opens the employer’s address for a job that takes applications by email', async () => {
      const posting = await job({ title: 'Coding Auditor', applyMethod: 'email', applyUrl: null, applyEmail: 'jobs@lakeside.example.org' });
      const page = await visit(jobPath(posting));
      expect(page.html).toContain(`<a class="button job-apply-button" href="/jobs/${posting.id}/apply">Apply by email</a>`);
      const res = await visit(`/jobs/${posting.id}/apply`);
      expect(res.status).toBe(303);
      expect(res.location).toBe('mailto:jobs@lakeside.example.org?subject=Application%3A%20Coding%20Auditor');
      await counter.flush();
      expect((await stats(posting.id)).days).toEqual([{ day: today(), views: 1, apply_clicks: 1, visitors: 1 }]);
    });

    it('asks a visitor to sign in, coming back to the job', async () => {
      const posting = await onsiteJob();
      const page = await visit(jobPath(posting));
      expect(page.html).toContain(`<a class="button job-apply-button" href="/jobs/${posting.id}/apply">Sign in to apply</a>`);
      const res = await visit(`/jobs/${posting.id}/apply`);
      expect(res.status).toBe(303);
      expect(res.location).toBe(`/login?next=${encodeURIComponent(jobPath(posting))}`);
      await counter.flush();
      expect((await stats(posting.id)).days).toEqual([{ day: today(), views: 1, apply_clicks: 1, visitors: 1 }]);
    });

    it('takes a coder to the form on the job page, whose reload is not another view', async () => {
      const posting = await onsiteJob();
      const res = await visit(`/jobs/${posting.id}/apply`, { token: coder.token });
      expect(res.status).toBe(303);
      expect(res.location).toBe(`${jobPath(posting)}?from=apply#apply-form-title`);
      const form = await visit(res.location!.replace(/#.*$/, ''), { token: coder.token });
      expect(form.status).toBe(200);
      expect(form.html).toContain('<h2 id="apply-form-title">Apply for this job</h2>');
      await counter.flush();
      expect((await stats(posting.id)).days).toEqual([{ day: today(), views: 0, apply_clicks: 1, visitors: 0 }]);
    });

    it('sends a closed job’s clicks to its page, does not count crawlers, and knows no other job', async () => {
      const closed = await job({ status: 'closed', closedAt: new Date() });
      const res = await visit(`/jobs/${closed.id}/apply`);
      expect(res.status).toBe(303);
      expect(res.location).toBe(jobPath(closed));

      const open = await job();
      const crawled = await visit(`/jobs/${open.id}/apply`, { agent: GOOGLEBOT });
      expect(crawled.location).toBe('https://careers.example.org/apply/123');
      await counter.flush();
      expect(await stats(open.id)).toEqual({ days: [] });

      expect((await visit('/jobs/00000000-0000-4000-8000-000000000000/apply')).status).toBe(404);
      const draft = await job({ status: 'draft', publishedAt: null });
      expect((await visit(`/jobs/${draft.id}/apply`)).status).toBe(404);
    });

    it('does not give a job titled "Apply" a page at the apply link', async () => {
      const posting = await onsiteJob({ title: 'Apply' });
      expect(jobPath(posting)).toBe(`/jobs/${posting.id}/apply-job`);
      expect((await visit(jobPath(posting))).status).toBe(200);
    });
  });

  describe('the figures', () => {
    /** An onsite job seen over three UTC days (March 9 to 11, 2026), with applications on each. */
    async function seenJob(): Promise<Job> {
      const posting = await onsiteJob({ title: 'Inpatient Coder' });
      const clock = t.app.get(Clock);
      jest.spyOn(clock, 'now').mockReturnValue(new Date('2026-03-09T08:00:00Z'));
      await visit(jobPath(posting), { ip: '203.0.113.20' });
      await visit(jobPath(posting), { ip: '203.0.113.21' });
      await visit(jobPath(posting), { ip: '203.0.113.21' });
      await visit(`/jobs/${posting.id}/apply`, { ip: '203.0.113.21' });
      jest.spyOn(clock, 'now').mockReturnValue(new Date('2026-03-11T16:00:00Z'));
      await visit(jobPath(posting), { ip: '203.0.113.20' });
      await counter.flush();
      for (const createdAt of ['2026-03-09T23:59:00Z', '2026-03-11T00:00:00Z', '2026-03-11T09:30:00Z']) {
        await insertApplication(t.dataSource, posting, await insertCandidate(t.dataSource), { createdAt: new Date(createdAt) });
      }
      return posting;
    }

    it('gives the job’s members each day and the totals over JSON, applications from the applications table', async () => {
      const posting = await seenJob();
      const res = await api(t.baseUrl).get(`/api/jobs/${posting.id}/insight?days=3`, owner.token);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        jobId: posting.id,
        from: '2026-03-09',
        to: '2026-03-11',
        days: [
          { day: '2026-03-09', views: 3, visitors: 2, applyClicks: 1, applications: 1 },
          { day: '2026-03-10', views: 0, visitors: 0, applyClicks: 0, applications: 0 },
          { day: '2026-03-11', views: 1, visitors: 1, applyClicks: 0, applications: 2 },
        ],
        // 203.0.113.20 came back on the 11th: two visitors over the three days.
        totals: { views: 4, visitors: 2, applyClicks: 1, applications: 3, conversion: 0.75 },
      });

      const teammateView = await api(t.baseUrl).get(`/api/jobs/${posting.id}/insight?days=1`, teammate.token);
      expect(teammateView.body.days).toEqual([{ day: '2026-03-11', views: 1, visitors: 1, applyClicks: 0, applications: 2 }]);

      const month = await api(t.baseUrl).get(`/api/jobs/${posting.id}/insight`, owner.token);
      expect(month.body.days).toHaveLength(30);
      expect(month.body.from).toBe('2026-02-10');
      expect(month.body.totals).toEqual({ views: 4, visitors: 2, applyClicks: 1, applications: 3, conversion: 0.75 });
    });

    it('answers 404 for another organization’s job, 403 to coders and 401 when signed out', async () => {
      const posting = await job();
      const path = `/api/jobs/${posting.id}/insight`;
      const http = api(t.baseUrl);
      expect((await http.get(path, otherEmployer.token)).status).toBe(404);
      expect((await http.get('/api/jobs/00000000-0000-4000-8000-000000000000/insight', owner.token)).status).toBe(404);
      expect((await http.get('/api/jobs/not-a-job/insight', owner.token)).status).toBe(404);
      expect((await http.get(path, coder.token)).status).toBe(403);
      expect((await http.get(path)).status).toBe(401);
      for (const days of ['0', '366', 'week']) {
        const refused = await http.get(`${path}?days=${days}`, owner.token);
        expect(refused.status).toBe(400);
        expect(refused.body.details.days).toContain('Use a number of days from 1 to 365.');
      }
    });

    it('shows the employer the totals and a chart of the last 30 days on the job’s page', async () => {
      const posting = await seenJob();
      const page = await ownerBrowser.get(`/employer/jobs/${posting.id}/preview`);
      expect(page.status).toBe(200);
      expect(page.html).toContain('<a href="#insight-title">How this job is doing</a>');
      const start = page.html.indexOf('<section class="insight"');
      const section = page.html.slice(start, page.html.indexOf('</section>', start));
      const text = section.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
      expect(text).toContain('How this job is doing');
      expect(text).toContain('February 10, 2026 to March 11, 2026, by UTC day.');
      expect(text).toContain('Views 4 Unique visitors 2 Apply clicks 1 Applications 3 Views to applications 75%');
      expect(section).toContain('<svg class="insight-chart" viewBox="0 0 640 228" role="img" aria-labelledby="insight-chart-title insight-chart-desc"');
      expect(section).toContain(
        `<desc id="insight-chart-desc">${esc('4 views, 2 unique visitors, 1 apply click and 3 applications from February 10, 2026 to March 11, 2026. Most views in a day: 3, on March 9, 2026.')}</desc>`,
      );
      expect(section.match(/<rect class="insight-views"/g)).toHaveLength(2);
      expect(section.match(/<rect class="insight-clicks"/g)).toHaveLength(1);
      // The numbers for screen readers and anyone who wants them: a row per day.
      expect(section.match(/<tr><th scope="row">/g)).toHaveLength(30);
      expect(text).toContain('March 9, 2026 3 2 1 1');
      expect(text).toContain('March 11, 2026 1 1 0 2');
      // The CSP allows no inline styles.
      expect(section).not.toContain('style=');
    });

    it('leaves the insight out until a job has been published, and for other organizations’ jobs', async () => {
      const draft = await job({ status: 'draft', publishedAt: null });
      const page = await ownerBrowser.get(`/employer/jobs/${draft.id}/preview`);
      expect(page.status).toBe(200);
      expect(page.html).not.toContain('class="insight"');

      const theirs = await insertJob(t.dataSource, otherEmployer.organizationId!);
      expect((await ownerBrowser.get(`/employer/jobs/${theirs.id}/preview`)).status).toBe(404);
    });
  });
});

describe('stopping the app', () => {
  it('writes what was counted before the database closes', async () => {
    const database = await createTestDatabase();
    try {
      const env = validateEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
      const moduleRef = await Test.createTestingModule({
        imports: [ConfigModule.forRoot(env), TypeOrmModule.forRoot(dataSourceOptions(database.url)), CommonModule, JobInsightModule],
      }).compile();
      await moduleRef.init();
      const dataSource = moduleRef.get(DataSource);
      const [organization] = await dataSource.query(`INSERT INTO organizations (name, slug) VALUES ('Summit Coding', 'summit-coding') RETURNING id`);
      const posting = await insertJob(dataSource, organization.id);
      const request = { method: 'GET', query: {}, headers: {}, ip: '203.0.113.30', get: (name: string) => (name === 'user-agent' ? CHROME : undefined) };
      moduleRef.get(JobInsightCounter).view(posting.id, request as unknown as Request);

      await moduleRef.close();

      const client = new Client({ connectionString: database.url });
      await client.connect();
      try {
        const { rows } = await client.query(`SELECT views, apply_clicks FROM job_daily_stats WHERE job_id = $1`, [posting.id]);
        expect(rows).toEqual([{ views: 1, apply_clicks: 0 }]);
      } finally {
        await client.end();
      }
    } finally {
      await database.drop();
    }
  });
});
