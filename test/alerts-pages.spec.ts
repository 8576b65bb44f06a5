import { searchFieldOf } from '../src/alerts/alert-form';
import { Job } from '../src/jobs/job.entity';
import { Browser, csrfOf, textOf } from './support/browser';
import { signedInBrowser } from './support/candidate-fixtures';
import { insertJob, signUp, SignedUp } from './support/factories';
import { api } from './support/http';
import { createTestApp, TestApp } from './support/test-app';

const DAY = 86400_000;

/** The alert form posting to `action` on a page: its hidden search, and whether it asks for an email address. */
function alertForm(html: string, action: string): { search: string; next: string | null; email: boolean } | null {
  const form = new RegExp(`<form method="post" action="${action}" class="alert-form[^"]*">([\\s\\S]*?)</form>`).exec(html)?.[1];
  if (form === undefined) return null;
  const hidden = (name: string) => {
    const value = new RegExp(`name="${name}" value="([^"]*)"`).exec(form)?.[1];
    return value === undefined ? null : textOf(value);
  };
  return { search: hidden('search')!, next: hidden('next'), email: form.includes('name="email"') };
}

describe('job alerts on the web', () => {
  let t: TestApp;
  let employer: SignedUp;
  let job: Job;

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_AUTH_PER_IP: '1000', RATE_LIMIT_AUTH_PER_ACCOUNT: '1000' });
    employer = await signUp(t.baseUrl, 'employer', t.dataSource, 'Alder Creek Multispecialty');
    job = await insertJob(t.dataSource, employer.organizationId!, {
      title: 'Hybrid pro-fee coder',
      workplace: 'hybrid',
      locations: [
        { city: 'Austin', state: 'TX' },
        { city: 'Tulsa', state: 'OK' },
      ],
      locationStates: ['TX', 'OK'],
      credentialCodes: ['CPC', 'CCS'],
      specialtySlugs: ['cpt-evaluation-management'],
    });
    await insertJob(t.dataSource, employer.organizationId!, {
      title: 'Remote HCC reviewer',
      workplace: 'remote',
      locations: [],
      locationStates: [],
      credentialCodes: ['CRC'],
    });
  });
  afterAll(() => t.close());

  async function coderBrowser(): Promise<{ coder: SignedUp; browser: Browser }> {
    const coder = await signUp(t.baseUrl, 'candidate', t.dataSource);
    return { coder, browser: await signedInBrowser(t.baseUrl, coder.email) };
  }
  const alertsOf = (userId: string) => t.dataSource.query(`SELECT * FROM alerts WHERE user_id = $1 ORDER BY created_at`, [userId]) as Promise<any[]>;
  /** The job page's canonical path (its short address redirects there). */
  const jobPath = async () => (await new Browser(t.baseUrl).get(`/jobs/${job.id}`)).location!;
  const hitIds = async (query: string) => (await api(t.baseUrl).get(`/api/jobs?${query}`)).body.hits.map((h: any) => h.id);

  describe('"Create an alert for this search" on the search page', () => {
    it('saves a coder’s search at once, without its sort and page, and the alert runs the same search', async () => {
      const { coder, browser } = await coderBrowser();
      const page = await browser.get('/jobs?q=coder&credential=ccs&state=TX&sort=newest&perPage=10');
      expect(page.status).toBe(200);
      const form = alertForm(page.html, '/me/alerts');
      expect(form).toEqual({ search: 'q=coder&credential=CCS&state=TX', next: null, email: false });
      expect(page.text).toContain('Create an alert for this search');

      const created = await browser.post('/me/alerts', { _csrf: csrfOf(page.html), search: form!.search, frequency: 'instant' });
      expect(created.status).toBe(303);
      expect(created.location).toBe('/me/alerts');
      const [alert] = await alertsOf(coder.id);
      expect(alert).toMatchObject({ params: { q: 'coder', credential: 'CCS', state: 'TX' }, frequency: 'instant', name: '“coder” · CCS · Texas' });

      // The stored parameters are the search: the same jobs as the page's search.
      const stored = searchFieldOf(alert.params);
      expect(await hitIds(stored)).toEqual(await hitIds('q=coder&credential=ccs&state=TX'));
      expect(await hitIds(stored)).toEqual([job.id]);

      const list = await browser.get('/me/alerts');
      expect(list.text).toContain('Your alert ““coder” · CCS · Texas” is saved: new matching jobs come to you by email as soon as they are posted.');
      expect(list.text).toContain('Verify your email address to start getting it');
      expect(list.text).toContain('Your alerts start once your email address is verified');
      expect(list.html).toContain(`<a href="/jobs?q&#x3D;coder&amp;credential&#x3D;CCS&amp;state&#x3D;TX">“coder” · CCS · Texas</a>`);
    });

    it('asks a visitor for an email address, and shows employers no form', async () => {
      const visitor = await new Browser(t.baseUrl).get('/jobs?workplace=remote&sort=salary');
      expect(alertForm(visitor.html, '/alerts')).toEqual({ search: 'workplace=remote', next: '/jobs?workplace=remote&sort=salary', email: true });
      expect(alertForm(visitor.html, '/me/alerts')).toBeNull();

      const boss = await signedInBrowser(t.baseUrl, employer.email);
      const page = await boss.get('/jobs?workplace=remote');
      expect(page.html).not.toContain('alert-form');
    });

    it('shows a refused alert again with the message, keeping the search', async () => {
      const { coder, browser } = await coderBrowser();
      const page = await browser.get('/jobs?state=TX');
      const refused = await browser.post('/me/alerts', { _csrf: csrfOf(page.html), search: 'state=TX&credential=NOPE', frequency: 'daily' });
      expect(refused.status).toBe(422);
      expect(refused.text).toContain('Unknown value NOPE. Use one of:');
      expect(refused.html).toContain('<input type="hidden" name="search" value="state&#x3D;TX&amp;credential&#x3D;NOPE">');
      expect(await alertsOf(coder.id)).toEqual([]);
    });
  });

  describe('"Alert me to jobs like this" on a job page', () => {
    it('watches the job’s credentials, specialties, workplace and states', async () => {
      const { coder, browser } = await coderBrowser();
      const shown = await browser.get(await jobPath());
      expect(shown.text).toContain('Get jobs like this by email');
      const form = alertForm(shown.html, '/me/alerts')!;
      expect(new URLSearchParams(form.search).getAll('credential')).toEqual(['CPC', 'CCS']);

      await browser.post('/me/alerts', { _csrf: csrfOf(shown.html), search: form.search, frequency: 'weekly' });
      const [alert] = await alertsOf(coder.id);
      expect(alert).toMatchObject({ frequency: 'weekly', specialty_keys: ['cpt-evaluation-management'], workplace_keys: ['hybrid'] });
      expect([...alert.credential_keys].sort()).toEqual(['CCS', 'CPC']);
      expect([...alert.state_keys].sort()).toEqual(['OK', 'TX']);
      expect(await hitIds(searchFieldOf(alert.params))).toEqual([job.id]);
    });

    it('offers visitors the email form too', async () => {
      const path = await jobPath();
      const shown = await new Browser(t.baseUrl).get(path);
      expect(alertForm(shown.html, '/alerts')).toMatchObject({ email: true, next: path });
    });
  });

  describe('/me/alerts', () => {
    async function withAlert(name = 'Texas CCS') {
      const { coder, browser } = await coderBrowser();
      const res = await api(t.baseUrl).post('/api/alerts', { name, filters: { credential: 'CCS', state: 'TX' }, frequency: 'daily' }, coder.token);
      return { coder, browser, id: res.body.id as string };
    }

    it('renames an alert and changes how often and when it comes; a refused change comes back with its message', async () => {
      const { browser, id } = await withAlert();
      const edit = await browser.get(`/me/alerts/${id}/edit`);
      expect(edit.status).toBe(200);
      expect(edit.html).toContain('<option value="daily" selected>');
      expect(edit.html).toContain('<option value="America/New_York" selected>');

      const refused = await browser.post(`/me/alerts/${id}`, {
        _csrf: csrfOf(edit.html),
        name: 'x'.repeat(101),
        frequency: 'weekly',
        timeZone: 'America/Denver',
      });
      expect(refused.status).toBe(422);
      expect(refused.text).toContain('Keep the name to 100 characters or fewer.');
      expect(refused.html).toContain('<option value="weekly" selected>');
      expect(refused.html).toContain('<option value="America/Denver" selected>');

      const saved = await browser.post(`/me/alerts/${id}`, {
        _csrf: csrfOf(edit.html),
        name: 'Denver weekly',
        frequency: 'weekly',
        timeZone: 'America/Denver',
      });
      expect(saved.status).toBe(303);
      const list = await browser.get('/me/alerts');
      expect(list.text).toContain('Your alert “Denver weekly” is saved.');
      expect(list.text).toContain('Denver weekly Once a week, on Mondays · On');
      expect((await t.dataSource.query(`SELECT time_zone FROM alerts WHERE id = $1`, [id]))[0].time_zone).toBe('America/Denver');
    });

    it('pauses, resumes and deletes an alert', async () => {
      const { browser, id } = await withAlert();
      let list = await browser.get('/me/alerts');
      expect(list.html).toContain(`action="/me/alerts/${id}/pause"`);

      await browser.post(`/me/alerts/${id}/pause`, { _csrf: csrfOf(list.html) });
      list = await browser.get('/me/alerts');
      expect(list.text).toContain('“Texas CCS” is paused: no emails until you resume it.');
      expect(list.text).toContain('Texas CCS Once a day · Paused');
      expect(list.html).toContain(`action="/me/alerts/${id}/resume"`);
      expect(list.html).not.toContain(`action="/me/alerts/${id}/pause"`);

      await browser.post(`/me/alerts/${id}/resume`, { _csrf: csrfOf(list.html) });
      list = await browser.get('/me/alerts');
      expect(list.text).toContain('Texas CCS Once a day · On');

      const deleted = await browser.post(`/me/alerts/${id}/delete`, { _csrf: csrfOf(list.html) });
      expect(deleted.location).toBe('/me/alerts');
      list = await browser.get('/me/alerts');
      expect(list.text).toContain('The alert “Texas CCS” is deleted.');
      expect(list.text).toContain('No job alerts yet');
    });

    it('previews what an alert would have sent in the last 7 days', async () => {
      const { browser, id } = await withAlert();
      await insertJob(t.dataSource, employer.organizationId!, {
        title: 'Old Texas CCS job',
        credentialCodes: ['CCS'],
        publishedAt: new Date(Date.now() - 9 * DAY),
      });
      const preview = await browser.get(`/me/alerts/${id}/preview`);
      expect(preview.status).toBe(200);
      expect(preview.text).toContain('“Texas CCS”: what it would have sent you');
      expect(preview.text).toContain('1 job in the past 7 days, newest first.');
      expect(preview.text).toContain('Hybrid pro-fee coder');
      expect(preview.text).not.toContain('Old Texas CCS job');
    });

    it('shows another coder’s alert as not found', async () => {
      const { id } = await withAlert();
      const { browser } = await coderBrowser();
      expect((await browser.get(`/me/alerts/${id}/edit`)).status).toBe(404);
      expect((await browser.get(`/me/alerts/${id}/preview`)).status).toBe(404);
      const list = await browser.get('/me/alerts');
      expect((await browser.post(`/me/alerts/${id}/delete`, { _csrf: csrfOf(list.html) })).status).toBe(404);
      expect(await t.dataSource.query(`SELECT id FROM alerts WHERE id = $1`, [id])).toHaveLength(1);
    });
  });
});
