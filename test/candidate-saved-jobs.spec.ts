import { SavedJobsService } from '../src/candidates/saved-jobs.service';
import { Job } from '../src/jobs/job.entity';
import { Browser, csrfOf } from './support/browser';
import { signedInBrowser } from './support/candidate-fixtures';
import { insertJob, signUp, SignedUp } from './support/factories';
import { api } from './support/http';
import { createTestApp, TestApp } from './support/test-app';

describe('saved jobs', () => {
  let t: TestApp;
  let employer: SignedUp;
  let open: Job;
  let other: Job;

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_AUTH_PER_IP: '1000', RATE_LIMIT_AUTH_PER_ACCOUNT: '1000' });
    employer = await signUp(t.baseUrl, 'employer', t.dataSource, 'Prairie Meridian Health');
    open = await insertJob(t.dataSource, employer.organizationId!, { title: 'Pro-fee Coder (CPC)' });
    other = await insertJob(t.dataSource, employer.organizationId!, { title: 'HCC Chart Reviewer' });
  });
  afterAll(() => t.close());

  const client = () => api(t.baseUrl);
  const save = (coder: SignedUp, jobId: string) => client().call('PUT', `/api/me/saved-jobs/${jobId}`, { token: coder.token });
  const unsave = (coder: SignedUp, jobId: string) => client().call('DELETE', `/api/me/saved-jobs/${jobId}`, { token: coder.token });
  const savedRows = (userId: string) => t.dataSource.query(`SELECT job_id FROM saved_jobs WHERE user_id = $1 ORDER BY created_at`, [userId]);

  describe('over the API', () => {
    it('saves a job once however often it is saved, lists it, and unsaves it', async () => {
      const coder = await signUp(t.baseUrl, 'candidate', t.dataSource);
      const first = await save(coder, open.id);
      expect(first.status).toBe(200);
      expect(first.body).toEqual({ jobId: open.id, savedAt: expect.any(String) });
      const again = await save(coder, open.id);
      expect(again.body.savedAt).toBe(first.body.savedAt);
      expect(await savedRows(coder.id)).toEqual([{ job_id: open.id }]);

      const list = await client().get('/api/me/saved-jobs', coder.token);
      expect(list.body).toEqual([
        {
          jobId: open.id,
          savedAt: first.body.savedAt,
          open: true,
          job: {
            id: open.id,
            title: 'Pro-fee Coder (CPC)',
            url: expect.stringMatching(new RegExp(`^/jobs/${open.id}/`)),
            status: 'published',
            organization: { name: 'Prairie Meridian Health', slug: expect.any(String) },
            where: expect.stringContaining('Austin, TX'),
            salary: '$52,000 – $64,000 per year',
          },
        },
      ]);

      expect((await unsave(coder, open.id)).status).toBe(204);
      expect((await unsave(coder, open.id)).status).toBe(204);
      expect(await savedRows(coder.id)).toEqual([]);
    });

    it('keeps each candidate’s saved jobs their own', async () => {
      const [dana, lee] = await Promise.all([signUp(t.baseUrl, 'candidate', t.dataSource), signUp(t.baseUrl, 'candidate', t.dataSource)]);
      await save(dana, open.id);
      await save(lee, other.id);
      expect((await unsave(lee, open.id)).status).toBe(204);
      expect(await savedRows(dana.id)).toEqual([{ job_id: open.id }]);
      expect((await client().get('/api/me/saved-jobs', lee.token)).body.map((s: any) => s.jobId)).toEqual([other.id]);
      const ids = await t.app.get(SavedJobsService).savedIds(dana.id, [open.id, other.id, 'not-a-uuid']);
      expect([...ids]).toEqual([open.id]);
    });

    it('answers 404 for a draft or an unknown job, 409 for a closed one, and keeps a saved job that closes, marked', async () => {
      const coder = await signUp(t.baseUrl, 'candidate', t.dataSource);
      const draft = await insertJob(t.dataSource, employer.organizationId!, { status: 'draft', publishedAt: null });
      const closed = await insertJob(t.dataSource, employer.organizationId!, { status: 'closed', closeReason: 'filled', closedAt: new Date() });
      const closing = await insertJob(t.dataSource, employer.organizationId!, { title: 'Closing soon' });
      expect((await save(coder, draft.id)).status).toBe(404);
      expect((await save(coder, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
      expect((await save(coder, 'nope')).status).toBe(404);
      expect((await save(coder, closed.id)).status).toBe(409);
      expect((await save(coder, closing.id)).status).toBe(200);
      await t.dataSource.query(`UPDATE jobs SET status = 'closed', close_reason = 'closed', closed_at = now() WHERE id = $1`, [closing.id]);
      expect((await save(coder, closing.id)).status).toBe(200);
      expect((await client().get('/api/me/saved-jobs', coder.token)).body.map((s: any) => [s.job.title, s.open])).toEqual([['Closing soon', false]]);
    });

    it('is for candidates only', async () => {
      expect((await save(employer, open.id)).status).toBe(403);
      expect((await client().get('/api/me/saved-jobs')).status).toBe(401);
    });
  });

  describe('on the web', () => {
    /** The save or unsave form of `jobId` on `html`: its action and whether it is pressed. */
    const button = (html: string, jobId: string) => {
      const match = new RegExp(`action="/me/saved-jobs/${jobId}(/delete)?"[\\s\\S]*?aria-pressed="(true|false)"`).exec(html);
      return match ? { unsave: match[1] === '/delete', pressed: match[2] === 'true' } : null;
    };

    it('puts a save button on each search result, which saves and comes back to the same results', async () => {
      const coder = await signUp(t.baseUrl, 'candidate', t.dataSource);
      const browser = await signedInBrowser(t.baseUrl, coder.email);
      const results = await browser.get('/jobs?q=coder');
      expect(button(results.html, open.id)).toEqual({ unsave: false, pressed: false });
      expect(results.html).toContain('name="next" value="/jobs?q&#x3D;coder"');

      const saved = await browser.post(`/me/saved-jobs/${open.id}`, { _csrf: csrfOf(results.html), next: '/jobs?q=coder' });
      expect(saved.status).toBe(303);
      expect(saved.location).toBe('/jobs?q=coder');
      const again = await browser.get('/jobs?q=coder');
      expect(again.text).toContain('Job saved.');
      expect(button(again.html, open.id)).toEqual({ unsave: true, pressed: true });
      expect(button(again.html, other.id)).toEqual({ unsave: false, pressed: false });

      const removed = await browser.post(`/me/saved-jobs/${open.id}/delete`, { _csrf: csrfOf(again.html), next: '/jobs?q=coder' });
      expect(removed.location).toBe('/jobs?q=coder');
      expect(await savedRows(coder.id)).toEqual([]);
    });

    it('sends a visitor to sign in first, and shows employers no button', async () => {
      const visitor = await new Browser(t.baseUrl).get('/jobs');
      expect(visitor.html).toMatch(new RegExp(`href="/login\\?next=/jobs/${open.id}/[^"]+">Save`));
      const employerPage = await (await signedInBrowser(t.baseUrl, employer.email)).get('/jobs');
      expect(employerPage.html).not.toContain('save-job');
    });

    it('never sends the candidate to another site after saving', async () => {
      const coder = await signUp(t.baseUrl, 'candidate', t.dataSource);
      const browser = await signedInBrowser(t.baseUrl, coder.email);
      const page = await browser.get('/jobs');
      const res = await browser.post(`/me/saved-jobs/${open.id}`, { _csrf: csrfOf(page.html), next: '//evil.example/phish' });
      expect(res.location).toBe('/');
    });

    it('lists saved jobs on /me/saved, closed ones marked, each with a remove button', async () => {
      const coder = await signUp(t.baseUrl, 'candidate', t.dataSource);
      const closing = await insertJob(t.dataSource, employer.organizationId!, { title: 'Inpatient DRG Coder' });
      await save(coder, open.id);
      await save(coder, closing.id);
      await t.dataSource.query(`UPDATE jobs SET status = 'closed', close_reason = 'filled', closed_at = now() WHERE id = $1`, [closing.id]);
      const browser = await signedInBrowser(t.baseUrl, coder.email);
      const page = await browser.get('/me/saved');
      expect(page.status).toBe(200);
      expect(page.text).toMatch(/Inpatient DRG Coder .* No longer open .* Pro-fee Coder \(CPC\)/);
      const removed = await browser.post(`/me/saved-jobs/${closing.id}/delete`, { _csrf: csrfOf(page.html), next: '/me/saved' });
      expect(removed.location).toBe('/me/saved');
      expect((await browser.get('/me/saved')).text).not.toContain('Inpatient DRG Coder');
    });

    it('shows an empty page with a way to find jobs', async () => {
      const coder = await signUp(t.baseUrl, 'candidate', t.dataSource);
      const page = await (await signedInBrowser(t.baseUrl, coder.email)).get('/me/saved');
      expect(page.text).toContain('No saved jobs yet');
    });
  });
});
