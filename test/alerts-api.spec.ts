import { MAX_MEMBER_ALERTS } from '../src/alerts/alerts.service';
import { insertJob, signUp, SignedUp } from './support/factories';
import { api, GOOD_PASSWORD } from './support/http';
import { createTestApp, TestApp } from './support/test-app';

const DAY = 86400_000;

/** The weekday and time `date` shows in `timeZone`. */
function localTime(date: Date, timeZone: string): { weekday: string; hour: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'long', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' }).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return { weekday: part('weekday'), hour: Number(part('hour')), minute: Number(part('minute')) };
}

describe('job alerts over the API', () => {
  let t: TestApp;
  let employer: SignedUp;

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_AUTH_PER_IP: '1000', RATE_LIMIT_AUTH_PER_ACCOUNT: '1000', APP_URL: 'https://coders.example.org' });
    employer = await signUp(t.baseUrl, 'employer', t.dataSource, 'Prairie Meridian Health');
  });
  afterAll(() => t.close());

  const client = () => api(t.baseUrl);
  const coder = () => signUp(t.baseUrl, 'candidate', t.dataSource);
  const create = (who: SignedUp, body: Record<string, unknown>) => client().post('/api/alerts', body, who.token);
  const row = async (id: string) =>
    (
      (await t.dataSource.query(
        `SELECT a.*, s.next_digest_at, s.digest_since, s.last_digest_at FROM alerts a JOIN alert_schedules s ON s.alert_id = a.id WHERE a.id = $1`,
        [id],
      )) as any[]
    )[0];

  describe('POST /api/alerts', () => {
    it('saves the search as the search page builds it, confirmed at once, with a name made from its filters', async () => {
      const dana = await coder();
      const res = await create(dana, { query: '', filters: { credential: 'cpc', workplace: ['remote'], state: 'tx' }, frequency: 'daily' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        name: 'CPC · Remote · Texas',
        query: '',
        filters: { credential: ['CPC'], workplace: ['remote'], state: ['TX'] },
        frequency: 'daily',
        timeZone: 'America/New_York',
        paused: false,
        unsubscribed: false,
        confirmed: true,
        createdAt: expect.any(String),
        searchUrl: 'https://coders.example.org/jobs?credential=CPC&workplace=remote&state=TX',
      });
      const stored = await row(res.body.id);
      expect(stored).toMatchObject({
        user_id: dana.id,
        guest_email: null,
        params: { credential: 'CPC', workplace: 'remote', state: 'TX' },
        credential_keys: ['CPC'],
        specialty_keys: ['*'],
        workplace_keys: ['remote'],
        state_keys: ['TX'],
        tsquery: null,
        last_digest_at: null,
      });
      expect(stored.confirmed_at).toBeInstanceOf(Date);
      // The next 7:00 in New York.
      expect(stored.next_digest_at.getTime()).toBeGreaterThan(Date.now());
      expect(stored.next_digest_at.getTime() - Date.now()).toBeLessThanOrEqual(DAY);
      expect(localTime(stored.next_digest_at, 'America/New_York')).toMatchObject({ hour: 7, minute: 0 });
    });

    it('keeps filter words in the query, as the search page does, and matches on the filters they stand for', async () => {
      const res = await create(await coder(), { query: 'CPC remote Texas outpatient', frequency: 'instant' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ name: '“outpatient” · CPC · Remote · Texas', query: 'CPC remote Texas outpatient', filters: {} });
      const stored = await row(res.body.id);
      expect(stored).toMatchObject({ credential_keys: ['CPC'], workplace_keys: ['remote'], state_keys: ['TX'], next_digest_at: null });
      expect(stored.tsquery).toEqual(expect.any(String));
    });

    it('takes a name on one line and a time zone', async () => {
      const res = await create(await coder(), {
        name: '  Remote\r\nBcc: x@example.com  ',
        filters: { workplace: 'remote' },
        frequency: 'weekly',
        timeZone: 'America/Chicago',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ name: 'Remote Bcc: x@example.com', timeZone: 'America/Chicago', frequency: 'weekly' });
      const stored = await row(res.body.id);
      expect(localTime(stored.next_digest_at, 'America/Chicago')).toEqual({ weekday: 'Monday', hour: 7, minute: 0 });
    });

    it('refuses what the search refuses with the allowed values, and a bad frequency, name or time zone, by field', async () => {
      const dana = await coder();
      const unknown = await create(dana, { query: 'coder', filters: { credential: ['CPC', 'XYZ'], workplace: 'moon' }, frequency: 'daily' });
      expect(unknown.status).toBe(400);
      expect(unknown.body.details['filters.credential']).toEqual([expect.stringMatching(/^Unknown value XYZ\. Use one of: .*CPC.*CRC/)]);
      expect(unknown.body.details['filters.workplace']).toEqual(['Unknown value moon. Use one of: onsite, hybrid, remote.']);

      const notAFilter = await create(dana, { filters: { sort: 'newest', postedWithin: { days: 7 } }, frequency: 'daily' });
      expect(notAFilter.status).toBe(400);
      expect(notAFilter.body.details).toEqual({
        'filters.sort': [expect.stringContaining('Unknown filter. Use: credential, specialty')],
        'filters.postedWithin': ['Use a string, a number, true or false, or a list of them.'],
      });

      const badQuery = await create(dana, { query: 'x'.repeat(201), frequency: 'daily' });
      expect(badQuery.status).toBe(400);
      expect(badQuery.body.details).toEqual({ query: ['Keep the search to 200 characters or fewer.'] });

      const frequency = await create(dana, { filters: {}, frequency: 'hourly' });
      expect(frequency.status).toBe(400);
      expect(frequency.body.details).toEqual({ frequency: ['Use one of: instant, daily, weekly.'] });

      const name = await create(dana, { name: 'n'.repeat(101), frequency: 'daily' });
      expect(name.status).toBe(400);
      expect(name.body.details).toEqual({ name: ['Keep the name to 100 characters or fewer.'] });

      const zone = await create(dana, { frequency: 'daily', timeZone: 'Mars/Olympus_Mons' });
      expect(zone.status).toBe(400);
      expect(zone.body.details).toEqual({ timeZone: ['Use an IANA time zone, e.g. America/Chicago.'] });

      expect(await t.dataSource.query(`SELECT id FROM alerts WHERE user_id = $1`, [dana.id])).toEqual([]);
    });

    it(`stops at ${MAX_MEMBER_ALERTS} alerts a member keeps, unsubscribed ones aside`, async () => {
      const dana = await coder();
      const first = await create(dana, { filters: { credential: 'CPC' }, frequency: 'daily' });
      await t.dataSource.query(
        `INSERT INTO alerts (user_id, name, params, frequency, credential_keys, specialty_keys, setting_keys, workplace_keys, state_keys, employment_type_keys, organization_keys, confirmed_at)
         SELECT user_id, name, params, frequency, credential_keys, specialty_keys, setting_keys, workplace_keys, state_keys, employment_type_keys, organization_keys, confirmed_at
           FROM alerts, generate_series(2, $2) WHERE id = $1`,
        [first.body.id, MAX_MEMBER_ALERTS],
      );
      const refused = await create(dana, { filters: { credential: 'CCS' }, frequency: 'daily' });
      expect(refused.status).toBe(409);
      expect(refused.body.message).toBe(`You have ${MAX_MEMBER_ALERTS} job alerts already, the most there can be. Delete one you no longer need first.`);

      await t.dataSource.query(`UPDATE alerts SET unsubscribed_at = now() WHERE id = $1`, [first.body.id]);
      expect((await create(dana, { filters: { credential: 'CCS' }, frequency: 'daily' })).status).toBe(201);
      // Resuming the unsubscribed one would make 26.
      expect((await client().patch(`/api/alerts/${first.body.id}`, { paused: false }, dana.token)).status).toBe(409);
    });

    it('is for coders', async () => {
      expect((await create(employer, { frequency: 'daily' })).status).toBe(403);
      expect((await client().post('/api/alerts', { frequency: 'daily' })).status).toBe(401);
    });
  });

  describe('GET, PATCH and DELETE /api/alerts/:id', () => {
    it('lists a member’s own alerts, newest first', async () => {
      const [dana, lee] = await Promise.all([coder(), coder()]);
      const older = await create(dana, { filters: { credential: 'CPC' }, frequency: 'daily' });
      const newer = await create(dana, { filters: { credential: 'CRC' }, frequency: 'weekly' });
      await create(lee, { filters: { credential: 'CCS' }, frequency: 'daily' });
      const list = await client().get('/api/alerts', dana.token);
      expect(list.status).toBe(200);
      expect(list.body.map((a: any) => [a.id, a.name])).toEqual([
        [newer.body.id, 'CRC'],
        [older.body.id, 'CPC'],
      ]);
    });

    it('renames, re-times, pauses, resumes and changes the search', async () => {
      const dana = await coder();
      const { body: alert } = await create(dana, { filters: { credential: 'CPC', state: 'TX' }, frequency: 'daily' });

      const renamed = await client().patch(`/api/alerts/${alert.id}`, { name: 'Texas pro-fee', frequency: 'instant' }, dana.token);
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ name: 'Texas pro-fee', frequency: 'instant' });
      expect((await row(alert.id)).next_digest_at).toBeNull();

      const paused = await client().patch(`/api/alerts/${alert.id}`, { paused: true }, dana.token);
      expect(paused.body.paused).toBe(true);
      expect((await row(alert.id)).paused_at).toBeInstanceOf(Date);
      const resumed = await client().patch(`/api/alerts/${alert.id}`, { paused: false, frequency: 'weekly' }, dana.token);
      expect(resumed.body).toMatchObject({ paused: false, frequency: 'weekly' });
      expect((await row(alert.id)).next_digest_at).toBeInstanceOf(Date);

      // New words keep the filters; new filters replace them all.
      const words = await client().patch(`/api/alerts/${alert.id}`, { query: 'inpatient' }, dana.token);
      expect(words.body).toMatchObject({ query: 'inpatient', filters: { credential: ['CPC'], state: ['TX'] }, name: 'Texas pro-fee' });
      const filters = await client().patch(
        `/api/alerts/${alert.id}`,
        { filters: { specialty: 'risk-adjustment-hcc', salaryMin: 50000, apprentice: true } },
        dana.token,
      );
      expect(filters.body).toMatchObject({ query: 'inpatient', filters: { specialty: ['risk-adjustment-hcc'], salaryMin: 50000, apprentice: true } });
      expect(await row(alert.id)).toMatchObject({
        credential_keys: ['*'],
        state_keys: ['*'],
        specialty_keys: ['risk-adjustment-hcc'],
        salary_min: 50000,
        apprentice: true,
      });

      // A blank name is made from the search again.
      const unnamed = await client().patch(`/api/alerts/${alert.id}`, { name: ' ' }, dana.token);
      expect(unnamed.body.name).toBe('“inpatient” · Risk adjustment (HCC) coding · $50,000+ a year · Apprentice-friendly');

      const refused = await client().patch(`/api/alerts/${alert.id}`, { filters: { state: 'ZZ' }, frequency: 'yearly' }, dana.token);
      expect(refused.status).toBe(400);
      expect(refused.body.details).toEqual({ frequency: ['Use one of: instant, daily, weekly.'] });
    });

    it('answers 404 for another member’s alert, and changes nothing', async () => {
      const [dana, lee] = await Promise.all([coder(), coder()]);
      const { body: alert } = await create(dana, { filters: { credential: 'CPC' }, frequency: 'daily' });
      expect((await client().patch(`/api/alerts/${alert.id}`, { name: 'Mine now' }, lee.token)).status).toBe(404);
      expect((await client().get(`/api/alerts/${alert.id}/preview`, lee.token)).status).toBe(404);
      expect((await client().call('DELETE', `/api/alerts/${alert.id}`, { token: lee.token })).status).toBe(404);
      expect((await client().call('DELETE', '/api/alerts/not-a-uuid', { token: lee.token })).status).toBe(404);
      expect(await row(alert.id)).toMatchObject({ name: 'CPC', user_id: dana.id });

      expect((await client().call('DELETE', `/api/alerts/${alert.id}`, { token: dana.token })).status).toBe(204);
      expect(await row(alert.id)).toBeUndefined();
      expect((await client().call('DELETE', `/api/alerts/${alert.id}`, { token: dana.token })).status).toBe(404);
    });

    it('previews the jobs of the last 7 days the alert would have sent, newest first', async () => {
      const dana = await coder();
      const now = Date.now();
      const recent = await insertJob(t.dataSource, employer.organizationId!, {
        title: 'Preview: CRC coder, recent',
        credentialCodes: ['CRC'],
        publishedAt: new Date(now - 2 * DAY),
      });
      const newest = await insertJob(t.dataSource, employer.organizationId!, {
        title: 'Preview: CRC coder, newest',
        credentialCodes: ['CRC'],
        publishedAt: new Date(now - DAY),
      });
      await insertJob(t.dataSource, employer.organizationId!, {
        title: 'Preview: CRC coder, old',
        credentialCodes: ['CRC'],
        publishedAt: new Date(now - 10 * DAY),
      });
      await insertJob(t.dataSource, employer.organizationId!, { title: 'Preview: CPC coder', credentialCodes: ['CPC'], publishedAt: new Date(now - DAY) });
      const { body: alert } = await create(dana, { query: 'preview', filters: { credential: 'CRC' }, frequency: 'daily' });
      const preview = await client().get(`/api/alerts/${alert.id}/preview`, dana.token);
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({ days: 7, total: 2 });
      expect(preview.body.jobs.map((j: any) => j.id)).toEqual([newest.id, recent.id]);
    });
  });

  describe('the member’s data', () => {
    it('exports the alerts, and deleting the account deletes them and the address’s guest alerts', async () => {
      const dana = await coder();
      const { body: alert } = await create(dana, { filters: { credential: 'CPC' }, frequency: 'weekly' });
      const exported = await client().get('/api/me/export', dana.token);
      expect(exported.status).toBe(200);
      expect(exported.body.alerts).toEqual([alert]);

      await t.dataSource.query(
        `INSERT INTO alerts (guest_email, name, params, frequency, credential_keys, specialty_keys, setting_keys, workplace_keys, state_keys, employment_type_keys, organization_keys)
         VALUES ($1, 'Guest', '{}', 'daily', '{*}', '{*}', '{*}', '{*}', '{*}', '{*}', '{*}')`,
        [dana.email],
      );
      const deleted = await client().post('/api/me/delete', { password: GOOD_PASSWORD }, dana.token);
      expect(deleted.status).toBe(204);
      expect(await t.dataSource.query(`SELECT id FROM alerts WHERE user_id = $1 OR guest_email = $2`, [dana.id, dana.email])).toEqual([]);
    });
  });
});
