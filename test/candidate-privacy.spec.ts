import { Clock } from '../src/common/clock';
import { insertApplication } from './support/applicant-fixtures';
import { Browser } from './support/browser';
import { docxWithText, DOCX_TYPE, PDF_TYPE, pdfWithText, signedInBrowser, uploadResume } from './support/candidate-fixtures';
import { insertJob, signUp, SignedUp } from './support/factories';
import { api, GOOD_PASSWORD } from './support/http';
import { createTestApp, TestApp } from './support/test-app';

/** Attempts at a rate-limited action (deleting the account, signing in) each account gets in the window. */
const ATTEMPTS_PER_ACCOUNT = 3;

describe('a candidate’s data: export and account deletion', () => {
  let t: TestApp;
  let employer: SignedUp;

  beforeAll(async () => {
    // Every test uses its own candidates, so the per-account limit is low enough to reach, and the per-address one out of the way.
    t = await createTestApp({ RATE_LIMIT_AUTH_PER_IP: '1000', RATE_LIMIT_AUTH_PER_ACCOUNT: String(ATTEMPTS_PER_ACCOUNT) });
    employer = await signUp(t.baseUrl, 'employer', t.dataSource, 'Northpoint Revenue Cycle');
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  const client = () => api(t.baseUrl);
  const count = async (sql: string, params: unknown[]) => ((await t.dataSource.query(sql, params)) as Array<{ n: number }>)[0].n;

  /** A candidate with a profile, two resumes (one sent with an application), a saved job, an application with a note, a view and an invitation. */
  async function busyCandidate() {
    const coder = await signUp(t.baseUrl, 'candidate', t.dataSource);
    const job = await insertJob(t.dataSource, employer.organizationId!, { title: 'Risk Adjustment Coder' });
    await client().call('PUT', '/api/me/profile', {
      token: coder.token,
      body: { headline: 'CRC coder', credentials: [{ code: 'CRC', certificateNumber: 'C-42' }], specialties: [{ slug: 'risk-adjustment-hcc', years: 4 }] },
    });
    const pdf = pdfWithText('Dana Rivera CRC');
    const sent = await uploadResume(t.baseUrl, coder.token, { bytes: pdf, name: 'dana.pdf', type: PDF_TYPE });
    await uploadResume(t.baseUrl, coder.token, { bytes: await docxWithText(['Dana Rivera']), name: 'dana.docx', type: DOCX_TYPE });
    await client().call('PUT', `/api/me/saved-jobs/${job.id}`, { token: coder.token });
    const application = await insertApplication(
      t.dataSource,
      job,
      { id: coder.id, email: coder.email },
      {
        name: 'Dana Rivera',
        coverLetter: 'I have coded HCCs for four years.',
        resumeId: sent.id,
        answers: [{ questionId: 'q1', question: 'Do you hold a CRC?', answer: 'yes', knockout: false }],
      },
    );
    await t.dataSource.query(
      `INSERT INTO application_events (application_id, status, actor_id, message) VALUES ($1, 'reviewed', $2, 'Thanks, we are reading it.')`,
      [application.id, employer.id],
    );
    await t.dataSource.query(`INSERT INTO application_notes (application_id, author_id, body) VALUES ($1, $2, 'Strong HCC background')`, [
      application.id,
      employer.id,
    ]);
    await t.dataSource.query(`INSERT INTO candidate_views (candidate_id, organization_id, viewer_id, kind) VALUES ($1, $2, $3, 'profile')`, [
      coder.id,
      employer.organizationId,
      employer.id,
    ]);
    await t.dataSource.query(
      `INSERT INTO candidate_invitations (organization_id, job_id, candidate_id, invited_by, message) VALUES ($1, $2, $3, $4, 'We would love your application')`,
      [employer.organizationId, job.id, coder.id, employer.id],
    );
    return { coder, job, application, pdf, sent };
  }

  describe('GET /api/me/export', () => {
    it('returns everything held about the candidate as a JSON download, resumes included', async () => {
      const { coder, job, application, pdf, sent } = await busyCandidate();
      const bystander = await busyCandidate();
      const res = await fetch(`${t.baseUrl}/api/me/export`, { headers: { authorization: `Bearer ${coder.token}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="careercenter-data-\d{4}-\d{2}-\d{2}\.json"$/);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const data = (await res.json()) as any;

      expect(data.account).toMatchObject({ id: coder.id, email: coder.email, role: 'candidate' });
      expect(data.profile).toMatchObject({
        headline: 'CRC coder',
        credentials: [{ code: 'CRC', certificateNumber: 'C-42' }],
        specialties: [{ slug: 'risk-adjustment-hcc', years: 4 }],
      });
      expect(data.resumes.map((r: any) => r.fileName)).toEqual(['dana.pdf', 'dana.docx']);
      const exported = data.resumes.find((r: any) => r.id === sent.id);
      expect(Buffer.compare(Buffer.from(exported.contentBase64, 'base64'), pdf)).toBe(0);
      expect(exported.text).toBe('Dana Rivera CRC');
      expect(data.savedJobs).toEqual([
        { jobId: job.id, title: 'Risk Adjustment Coder', organization: 'Northpoint Revenue Cycle', savedAt: expect.any(String) },
      ]);
      expect(data.applications).toEqual([
        {
          id: application.id,
          job: { id: job.id, title: 'Risk Adjustment Coder', organization: 'Northpoint Revenue Cycle' },
          status: 'new',
          name: 'Dana Rivera',
          email: coder.email,
          resumeId: sent.id,
          coverLetter: 'I have coded HCCs for four years.',
          answers: [{ questionId: 'q1', question: 'Do you hold a CRC?', answer: 'yes', knockout: false }],
          appliedAt: expect.any(String),
          timeline: [
            { status: 'new', at: expect.any(String), message: null },
            { status: 'reviewed', at: expect.any(String), message: 'Thanks, we are reading it.' },
          ],
        },
      ]);
      expect(data.invitations).toEqual([
        expect.objectContaining({ organization: 'Northpoint Revenue Cycle', job: { id: job.id, title: 'Risk Adjustment Coder' }, status: 'sent' }),
      ]);
      expect(data.profileViews).toEqual([
        { organization: { name: 'Northpoint Revenue Cycle', slug: expect.any(String) }, kind: 'profile', at: expect.any(String) },
      ]);
      expect(data.emails.map((e: any) => e.subject)).toContain('Verify your email address for CareerCenter');
      // The employer's private notes are theirs; nothing of another candidate is included.
      const text = JSON.stringify(data);
      expect(text).not.toContain('Strong HCC background');
      expect(text).not.toContain(bystander.coder.email);
      expect(text).not.toContain(bystander.application.id);
    });

    it('is for candidates only', async () => {
      expect((await client().get('/api/me/export', employer.token)).status).toBe(403);
      expect((await client().get('/api/me/export')).status).toBe(401);
    });
  });

  describe('deleting the account', () => {
    it('refuses a wrong password (422) and changes nothing', async () => {
      const { coder } = await busyCandidate();
      const res = await client().post('/api/me/delete', { password: 'not my password at all' }, coder.token);
      expect(res.status).toBe(422);
      expect(res.body.details.password).toEqual(['Your password is not correct.']);
      expect(await count(`SELECT count(*)::int AS n FROM users WHERE id = $1`, [coder.id])).toBe(1);
      expect(await count(`SELECT count(*)::int AS n FROM resumes WHERE user_id = $1`, [coder.id])).toBe(2);
      expect((await client().get('/api/me/profile', coder.token)).status).toBe(200);
    });

    it('is rate limited per account: past the limit even the right password gets 429, on the API and the web form, and nothing is deleted', async () => {
      const { coder } = await busyCandidate();
      const statuses: number[] = [];
      for (let i = 0; i <= ATTEMPTS_PER_ACCOUNT; i++)
        statuses.push((await client().post('/api/me/delete', { password: `wrong password ${i}` }, coder.token)).status);
      expect(statuses).toEqual([...Array(ATTEMPTS_PER_ACCOUNT).fill(422), 429]);

      const blocked = await client().post('/api/me/delete', { password: GOOD_PASSWORD }, coder.token);
      expect(blocked.status).toBe(429);
      expect(blocked.body.message).toBe('Too many attempts. Wait a while and try again.');
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
      const browser = await signedInBrowser(t.baseUrl, coder.email);
      expect((await browser.submit('/me/delete', '/me/delete', { password: GOOD_PASSWORD })).status).toBe(429);

      expect(await count(`SELECT count(*)::int AS n FROM users WHERE id = $1`, [coder.id])).toBe(1);
      expect(await count(`SELECT count(*)::int AS n FROM resumes WHERE user_id = $1`, [coder.id])).toBe(2);
      expect(await count(`SELECT count(*)::int AS n FROM applications WHERE candidate_id = $1 AND anonymized_at IS NULL`, [coder.id])).toBe(1);
      expect((await client().get('/api/me/profile', coder.token)).body.headline).toBe('CRC coder');
      // The limit is the account's own: another candidate still gets an answer about the password.
      const { coder: other } = await busyCandidate();
      expect((await client().post('/api/me/delete', { password: 'not my password at all' }, other.token)).status).toBe(422);
    });

    it('removes the account and everything of the candidate, and anonymizes the applications the employers keep', async () => {
      const { coder, application } = await busyCandidate();
      const bystander = await busyCandidate();
      const now = new Date('2026-04-01T12:00:00Z');
      jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(now);

      const res = await client().post('/api/me/delete', { password: GOOD_PASSWORD }, coder.token);
      expect(res.status).toBe(204);

      for (const table of [
        'users WHERE id',
        'candidate_profiles WHERE user_id',
        'candidate_credentials WHERE user_id',
        'candidate_specialties WHERE user_id',
      ]) {
        expect(await count(`SELECT count(*)::int AS n FROM ${table} = $1`, [coder.id])).toBe(0);
      }
      for (const table of [
        'resumes WHERE user_id',
        'saved_jobs WHERE user_id',
        'candidate_views WHERE candidate_id',
        'candidate_invitations WHERE candidate_id',
      ]) {
        expect(await count(`SELECT count(*)::int AS n FROM ${table} = $1`, [coder.id])).toBe(0);
      }
      expect(await count(`SELECT count(*)::int AS n FROM resumes WHERE file_name LIKE 'dana.%' AND user_id IS NULL`, [])).toBe(0);
      expect(await count(`SELECT count(*)::int AS n FROM emails WHERE to_address = $1`, [coder.email])).toBe(0);

      const [kept] = await t.dataSource.query(`SELECT * FROM applications WHERE id = $1`, [application.id]);
      expect(kept).toMatchObject({
        candidate_id: null,
        candidate_name: 'Former candidate',
        candidate_email: null,
        cover_letter: null,
        resume_id: null,
        status: 'new',
        anonymized_at: now,
        answers: [{ questionId: 'q1', question: 'Do you hold a CRC?', answer: 'yes', knockout: false }],
      });
      expect(await count(`SELECT count(*)::int AS n FROM application_events WHERE application_id = $1`, [application.id])).toBe(2);
      expect(await count(`SELECT count(*)::int AS n FROM application_notes WHERE application_id = $1`, [application.id])).toBe(1);

      // The other candidate's data is untouched.
      const [untouched] = await t.dataSource.query(`SELECT candidate_id, candidate_name, resume_id FROM applications WHERE id = $1`, [
        bystander.application.id,
      ]);
      expect(untouched).toEqual({ candidate_id: bystander.coder.id, candidate_name: 'Dana Rivera', resume_id: bystander.sent.id });
      expect(await count(`SELECT count(*)::int AS n FROM resumes WHERE user_id = $1`, [bystander.coder.id])).toBe(2);

      // The account is gone: its token and its password no longer work.
      expect((await client().get('/api/me/profile', coder.token)).status).toBe(401);
      expect((await client().post('/api/auth/login', { email: coder.email, password: GOOD_PASSWORD })).status).toBe(401);
    });

    it('is for candidates only', async () => {
      expect((await client().post('/api/me/delete', { password: GOOD_PASSWORD }, employer.token)).status).toBe(403);
      expect(await count(`SELECT count(*)::int AS n FROM users WHERE id = $1`, [employer.id])).toBe(1);
    });

    it('works from the web form, which asks for the password again after a wrong one and signs out after', async () => {
      const { coder } = await busyCandidate();
      const browser = await signedInBrowser(t.baseUrl, coder.email);
      const page = await browser.get('/me/delete');
      expect(page.text).toContain('This cannot be undone.');

      const wrong = await browser.submit('/me/delete', '/me/delete', { password: 'definitely wrong password' });
      expect(wrong.status).toBe(422);
      expect(wrong.html).toMatch(/id="password-error">Your password is not correct\./);
      expect(wrong.html).not.toContain('definitely wrong password');

      const deleted = await browser.submit('/me/delete', '/me/delete', { password: GOOD_PASSWORD });
      expect(deleted.status).toBe(303);
      expect(deleted.location).toBe('/');
      expect(await count(`SELECT count(*)::int AS n FROM users WHERE id = $1`, [coder.id])).toBe(0);
      const home = await browser.get('/');
      expect(home.text).toContain('Your account is deleted.');
      expect(home.text).toContain('Sign in');
      expect((await browser.get('/me/profile')).status).toBe(303);
    });

    it('refuses the web form without its token (403)', async () => {
      const { coder } = await busyCandidate();
      const browser = await signedInBrowser(t.baseUrl, coder.email);
      expect((await browser.post('/me/delete', { password: GOOD_PASSWORD })).status).toBe(403);
      expect(await count(`SELECT count(*)::int AS n FROM users WHERE id = $1`, [coder.id])).toBe(1);
    });

    it('lets a visitor reach nothing', async () => {
      expect((await new Browser(t.baseUrl).get('/me/delete')).location).toBe('/login?next=%2Fme%2Fdelete');
    });
  });
});
