import { signedInBrowser } from './support/candidate-fixtures';
import { insertJob, signUp, signUpAdmin, SignedUp, verifyOrganization } from './support/factories';
import { api, GOOD_PASSWORD } from './support/http';
import { createJob } from './support/job-fixtures';
import { linkIn, startSmtpServer, TestSmtpServer } from './support/smtp';
import { createTestApp, TestApp } from './support/test-app';
import { jobPath } from '../src/jobs/job-paths';
import { Browser } from './support/browser';

describe('admin and moderation', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let admin: SignedUp;
  let http: ReturnType<typeof api>;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ SMTP_URL: smtp.url, RATE_LIMIT_AUTH_PER_IP: '1000', APP_URL: 'https://jobs.example.org' });
    admin = await signUpAdmin(t.baseUrl, t.dataSource);
    http = api(t.baseUrl);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const statusOf = async (jobId: string): Promise<string> => (await t.dataSource.query(`SELECT status FROM jobs WHERE id = $1`, [jobId]))[0].status;
  const searchIds = async (query: string): Promise<string[]> => (await http.get(`/api/jobs?${query}`)).body.hits.map((h: { id: string }) => h.id);
  const auditActions = async (subjectId: string): Promise<Array<{ action: string; actor_id: string | null; before: unknown; after: unknown }>> =>
    t.dataSource.query(`SELECT action, actor_id, before, after FROM audit_events WHERE subject_id = $1 ORDER BY id`, [subjectId]);

  describe('access', () => {
    it('keeps /api/admin to admins: 401 signed out, 403 for coders and employers', async () => {
      const coder = await signUp(t.baseUrl, 'candidate', t.dataSource);
      const employer = await signUp(t.baseUrl, 'employer', t.dataSource);
      expect((await http.get('/api/admin/dashboard')).status).toBe(401);
      expect((await http.get('/api/admin/dashboard', coder.token)).status).toBe(403);
      expect((await http.post(`/api/admin/organizations/${employer.organizationId}/suspend`, { reason: 'x' }, employer.token)).status).toBe(403);
      expect((await http.get('/api/admin/dashboard', admin.token)).status).toBe(200);
    });

    it('shows the admin pages to admins only', async () => {
      const coder = await signUp(t.baseUrl, 'candidate', t.dataSource);
      const page = await (await signedInBrowser(t.baseUrl, coder.email)).get('/admin');
      expect(page.status).toBe(403);
      const signedOut = await new Browser(t.baseUrl).get('/admin/users');
      expect(signedOut.status).toBe(303);
      expect(signedOut.location).toMatch(/^\/login/);
      const mine = await (await signedInBrowser(t.baseUrl, admin.email)).get('/admin');
      expect(mine.status).toBe(200);
      expect(mine.text).toContain('jobs awaiting review');
      expect(mine.html).toContain('<a href="/admin/audit"');
    });
  });

  describe('the dashboard', () => {
    it('counts users, organizations, jobs, reports, applications, alerts, emails and the queue', async () => {
      const before = (await http.get('/api/admin/dashboard', admin.token)).body;
      const employer = await signUp(t.baseUrl, 'employer', t.dataSource);
      await insertJob(t.dataSource, employer.organizationId!);
      await insertJob(t.dataSource, employer.organizationId!, { status: 'pending_review' });
      await t.dataSource.query(
        `INSERT INTO emails (template, to_address, subject, status, created_at) VALUES ('verify-email', 'x@example.test', 's', 'failed', now())`,
      );
      const after = (await http.get('/api/admin/dashboard', admin.token)).body;
      expect(after.users.total).toBe(before.users.total + 1);
      expect(after.users.employers).toBe(before.users.employers + 1);
      expect(after.organizations.total).toBe(before.organizations.total + 1);
      expect(after.organizations.unverified).toBe(before.organizations.unverified + 1);
      expect(after.jobs.open).toBe(before.jobs.open + 1);
      expect(after.jobs.awaitingReview).toBe(before.jobs.awaitingReview + 1);
      expect(after.emails.failed).toBe(before.emails.failed + 1);
      expect(typeof after.applications.last24Hours).toBe('number');
      expect(typeof after.alerts.active).toBe('number');
      expect(after.queue.byQueue.length).toBeGreaterThan(0);
      expect(after.queue.total).toBe(after.queue.byQueue.reduce((sum: number, q: { waiting: number }) => sum + q.waiting, 0));
    });
  });

  describe('the review queue', () => {
    it('sends a posting back with a reason the employer reads by email and on the job, then approves it when resubmitted', async () => {
      const employer = await signUp(t.baseUrl, 'employer', t.dataSource);
      const job = await createJob(t.baseUrl, employer.token, { title: 'Inpatient DRG Validator', publish: true });
      expect(job.status).toBe('pending_review');
      const queue = (await http.get('/api/admin/jobs/review', admin.token)).body;
      expect(queue.find((j: { id: string }) => j.id === job.id)).toMatchObject({
        title: 'Inpatient DRG Validator',
        organizationVerified: false,
        openReports: 0,
      });

      const blank = await http.post(`/api/admin/jobs/${job.id}/reject`, { reason: '  ' }, admin.token);
      expect(blank.status).toBe(400);
      expect(blank.body.details.reason).toEqual(['Say what the employer needs to change.']);
      expect(await statusOf(job.id)).toBe('pending_review');

      const rejected = await http.post(`/api/admin/jobs/${job.id}/reject`, { reason: 'Add the pay range and the hiring entity.' }, admin.token);
      expect(rejected.status).toBe(200);
      expect(rejected.body.status).toBe('draft');
      const mail = await smtp.waitFor((m) => m.to.includes(employer.email) && m.subject === 'Your job posting needs changes before it goes live');
      expect(mail.text).toContain('Add the pay range and the hiring entity.');
      expect(mail.text).toContain(`https://jobs.example.org/employer/jobs/${job.id}/edit`);
      const form = await (await signedInBrowser(t.baseUrl, employer.email)).get(`/employer/jobs/${job.id}/edit`);
      expect(form.text).toContain('Our team sent this job back to you: Add the pay range and the hiring entity.');
      expect((await http.post(`/api/admin/jobs/${job.id}/approve`, {}, admin.token)).status).toBe(409);

      expect((await http.post(`/api/jobs/${job.id}/publish`, {}, employer.token)).body.status).toBe('pending_review');
      const [{ review_note }] = await t.dataSource.query(`SELECT review_note FROM jobs WHERE id = $1`, [job.id]);
      expect(review_note).toBeNull();
      const approved = await http.post(`/api/admin/jobs/${job.id}/approve`, {}, admin.token);
      expect(approved.body.status).toBe('published');
      expect((await auditActions(job.id)).map((e) => e.action)).toEqual(expect.arrayContaining(['job.rejected', 'job.approved']));
      const rejectedEvent = (await auditActions(job.id)).find((e) => e.action === 'job.rejected')!;
      expect(rejectedEvent).toMatchObject({
        actor_id: admin.id,
        before: { status: 'pending_review' },
        after: { status: 'draft', reason: 'Add the pay range and the hiring entity.' },
      });
    });

    it('approves and sends back from the page, and shows a refused reason again with its message', async () => {
      const employer = await signUp(t.baseUrl, 'employer', t.dataSource);
      const first = await insertJob(t.dataSource, employer.organizationId!, { status: 'pending_review', title: 'Pro-fee Coder' });
      const second = await insertJob(t.dataSource, employer.organizationId!, { status: 'pending_review', title: 'Risk Adjustment Coder' });
      const browser = await signedInBrowser(t.baseUrl, admin.email);
      const page = await browser.get('/admin/review');
      expect(page.text).toContain('Approve “Pro-fee Coder”');
      const approved = await browser.submit('/admin/review', `/admin/jobs/${first.id}/approve`, {});
      expect(approved.status).toBe(303);
      expect(await statusOf(first.id)).toBe('published');
      const refused = await browser.submit('/admin/review', `/admin/jobs/${second.id}/reject`, { reason: '', jobId: second.id });
      expect(refused.status).toBe(422);
      expect(refused.text).toContain('Say what the employer needs to change.');
      expect(refused.html).toContain(`id="reason-${second.id}-error"`);
      expect(await statusOf(second.id)).toBe('pending_review');
    });
  });

  describe('reports', () => {
    it('pauses a job for review at the third distinct reporter, and approving it dismisses the reports', async () => {
      const employer = await signUp(t.baseUrl, 'employer', t.dataSource);
      await verifyOrganization(t.dataSource, employer.organizationId!);
      const job = await insertJob(t.dataSource, employer.organizationId!, { title: 'Remote HCC Coder Quasar' });
      expect(await searchIds('q=Quasar')).toEqual([job.id]);
      const [one, two] = [await signUp(t.baseUrl, 'candidate', t.dataSource), await signUp(t.baseUrl, 'candidate', t.dataSource)];

      const first = await http.post(`/api/jobs/${job.id}/reports`, { reason: 'scam', details: 'Asks for a fee to apply.' }, one.token);
      expect(first.status).toBe(201);
      expect(first.body).toEqual({ recorded: true, paused: false });
      expect((await http.post(`/api/jobs/${job.id}/reports`, { reason: 'misleading' }, one.token)).body).toEqual({ recorded: false, paused: false });
      expect((await http.post(`/api/jobs/${job.id}/reports`, { reason: 'other' }, two.token)).status).toBe(400);
      expect((await http.post(`/api/jobs/${job.id}/reports`, { reason: 'misleading' }, two.token)).body).toEqual({ recorded: true, paused: false });
      expect(await statusOf(job.id)).toBe('published');
      // The third reporter is a signed-out visitor.
      expect((await http.post(`/api/jobs/${job.id}/reports`, { reason: 'scam' })).body).toEqual({ recorded: true, paused: true });
      expect(await statusOf(job.id)).toBe('pending_review');
      expect(await searchIds('q=Quasar')).toEqual([]);
      const paused = await smtp.waitFor((m) => m.to.includes(employer.email) && m.subject === 'Your job posting is paused for review');
      expect(paused.text).toContain('3 people reported your job posting "Remote HCC Coder Quasar", so it is paused');
      expect(paused.text).not.toContain('Asks for a fee');
      expect((await http.post(`/api/jobs/${job.id}/reports`, { reason: 'scam' }, one.token)).status).toBe(404);

      const queue = (await http.get('/api/admin/reports', admin.token)).body;
      const reported = queue.find((j: { jobId: string }) => j.jobId === job.id);
      expect(reported).toMatchObject({ reporters: 3, status: 'pending_review' });
      expect(reported.reports.map((r: { reason: string }) => r.reason)).toEqual(['scam', 'misleading', 'scam']);
      expect(reported.reports[0]).toMatchObject({ details: 'Asks for a fee to apply.', reporterEmail: one.email });
      expect(reported.reports[2].reporterEmail).toBeNull();
      // Verifying the employer does not publish a posting that reports paused.
      expect((await http.post(`/api/admin/organizations/${employer.organizationId}/verify`, {}, admin.token)).status).toBe(200);
      expect(await statusOf(job.id)).toBe('pending_review');

      expect((await http.post(`/api/admin/jobs/${job.id}/approve`, {}, admin.token)).body.status).toBe('published');
      expect(await searchIds('q=Quasar')).toEqual([job.id]);
      const resolutions = await t.dataSource.query(`SELECT DISTINCT resolution, resolved_by FROM job_reports WHERE job_id = $1`, [job.id]);
      expect(resolutions).toEqual([{ resolution: 'dismissed', resolved_by: admin.id }]);
      expect((await auditActions(job.id)).map((e) => e.action)).toEqual(['job.paused_by_reports', 'job.approved']);
    });

    it('counts parallel reports exactly: three reporters at once pause the job once', async () => {
      const employer = await signUp(t.baseUrl, 'employer', t.dataSource);
      const job = await insertJob(t.dataSource, employer.organizationId!);
      const reporters = await Promise.all([1, 2, 3, 4].map(() => signUp(t.baseUrl, 'candidate', t.dataSource)));
      const answers = await Promise.all(reporters.map((r) => http.post(`/api/jobs/${job.id}/reports`, { reason: 'wrong_information' }, r.token)));
      expect(answers.filter((a) => a.status === 201)).toHaveLength(3);
      expect(answers.filter((a) => a.status === 404)).toHaveLength(1);
      expect((await auditActions(job.id)).map((e) => e.action)).toEqual(['job.paused_by_reports']);
    });

    it('lets a signed-out visitor report from the form, and admins dismiss reports below the threshold', async () => {
      const employer = await signUp(t.baseUrl, 'employer', t.dataSource);
      const job = await insertJob(t.dataSource, employer.organizationId!, { title: 'Coding Auditor' });
      const visitor = new Browser(t.baseUrl);
      const jobPage = await visitor.get(`/jobs/${job.id}`);
      const pagePath = jobPage.location ?? `/jobs/${job.id}`;
      expect((await visitor.get(pagePath)).html).toContain(`<a href="/jobs/${job.id}/report">Report this job</a>`);
      // A job titled "Report" has its page beside the form, not at its address.
      expect(jobPath({ id: job.id, title: 'Report' })).toBe(`/jobs/${job.id}/report-job`);
      const form = await visitor.get(`/jobs/${job.id}/report`);
      expect(form.status).toBe(200);
      expect(form.text).toContain('Report this job Coding Auditor at');
      const refused = await visitor.submit(`/jobs/${job.id}/report`, `/jobs/${job.id}/report`, { details: 'No reason chosen' });
      expect(refused.status).toBe(422);
      expect(refused.text).toContain('Choose what is wrong with this job.');
      expect(refused.html).toContain('No reason chosen</textarea>');
      const sent = await visitor.submit(`/jobs/${job.id}/report`, `/jobs/${job.id}/report`, { reason: 'discriminatory', details: 'Asks for age.' });
      expect(sent.status).toBe(303);
      expect(await t.dataSource.query(`SELECT reason, details, reporter_id FROM job_reports WHERE job_id = $1`, [job.id])).toEqual([
        { reason: 'discriminatory', details: 'Asks for age.', reporter_id: null },
      ]);

      const browser = await signedInBrowser(t.baseUrl, admin.email);
      expect((await browser.get('/admin/reports')).text).toContain('Asks for age.');
      expect((await browser.submit('/admin/reports', `/admin/reports/${job.id}/dismiss`, {})).status).toBe(303);
      expect((await http.post(`/api/admin/reports/${job.id}/dismiss`, {}, admin.token)).status).toBe(409);
      expect(await statusOf(job.id)).toBe('published');
      expect((await auditActions(job.id)).map((e) => e.action)).toEqual(['report.dismissed']);
    });
  });

  describe('suspending an organization', () => {
    it('hides every posting at once and keeps its members out until reinstated, when each posting returns as it was', async () => {
      const employer = await signUp(t.baseUrl, 'employer', t.dataSource);
      await verifyOrganization(t.dataSource, employer.organizationId!);
      const live = await insertJob(t.dataSource, employer.organizationId!, { title: 'Nebula Coder One' });
      const alsoLive = await insertJob(t.dataSource, employer.organizationId!, { title: 'Nebula Coder Two' });
      const waiting = await insertJob(t.dataSource, employer.organizationId!, { status: 'pending_review', title: 'Nebula Coder Three' });
      const draft = await insertJob(t.dataSource, employer.organizationId!, { status: 'draft', title: 'Nebula Coder Four' });
      expect((await searchIds('q=Nebula')).sort()).toEqual([live.id, alsoLive.id].sort());

      const invitee = await signUp(t.baseUrl, 'candidate', t.dataSource);
      expect(
        (await http.post(`/api/organizations/${employer.organizationId}/invitations`, { email: invitee.email, role: 'recruiter' }, employer.token)).status,
      ).toBe(201);
      const invitation = await smtp.waitFor((m) => m.to.includes(invitee.email) && m.subject === 'You are invited to join a hiring team on CareerCenter');

      const blank = await http.post(`/api/admin/organizations/${employer.organizationId}/suspend`, { reason: '' }, admin.token);
      expect(blank.status).toBe(400);
      const suspended = await http.post(
        `/api/admin/organizations/${employer.organizationId}/suspend`,
        { reason: 'Fake recruiter asking for fees.' },
        admin.token,
      );
      expect(suspended.body).toEqual({ hiddenJobs: 3 });
      expect(await searchIds('q=Nebula')).toEqual([]);
      expect((await fetch(`${t.baseUrl}/jobs/${live.id}`, { redirect: 'manual' })).status).toBe(404);
      expect(await statusOf(draft.id)).toBe('draft');
      const [{ slug }] = await t.dataSource.query(`SELECT slug FROM organizations WHERE id = $1`, [employer.organizationId]);
      expect((await fetch(`${t.baseUrl}/companies/${slug}`, { redirect: 'manual' })).status).toBe(404);
      expect((await http.get('/api/employer/jobs', employer.token)).status).toBe(401);
      const login = await http.post('/api/auth/login', { email: employer.email, password: GOOD_PASSWORD });
      expect(login.status).toBe(403);
      expect(login.body.message).toContain('suspended');
      expect((await http.post(`/api/admin/organizations/${employer.organizationId}/suspend`, { reason: 'again' }, admin.token)).status).toBe(409);
      const acceptPath = new URL(linkIn(invitation, '/invitations/accept')).pathname + new URL(linkIn(invitation, '/invitations/accept')).search;
      const refusedInvitation = await (await signedInBrowser(t.baseUrl, invitee.email)).get(acceptPath);
      expect(refusedInvitation.status).toBe(410);
      expect(refusedInvitation.text).toContain('This organization’s account is suspended, so it cannot take new members.');
      const listed = (await http.get('/api/admin/organizations?state=suspended', admin.token)).body;
      expect(listed.map((o: { id: string }) => o.id)).toContain(employer.organizationId);
      expect((await http.get('/api/admin/organizations?state=nonsense', admin.token)).status).toBe(400);

      expect((await http.post(`/api/admin/organizations/${employer.organizationId}/reinstate`, {}, admin.token)).body).toEqual({ restoredJobs: 3 });
      expect(await statusOf(live.id)).toBe('published');
      expect(await statusOf(waiting.id)).toBe('pending_review');
      expect((await searchIds('q=Nebula')).sort()).toEqual([live.id, alsoLive.id].sort());
      expect((await http.post('/api/auth/login', { email: employer.email, password: GOOD_PASSWORD })).status).toBe(200);
      const events = await auditActions(employer.organizationId!);
      expect(events.map((e) => e.action)).toEqual(['organization.suspended', 'organization.reinstated']);
      expect(events[0]).toMatchObject({ actor_id: admin.id, after: { suspended: true, reason: 'Fake recruiter asking for fees.', hiddenJobs: 3 } });
    });

    it('shows a refused suspension again on the organizations page with its message', async () => {
      const employer = await signUp(t.baseUrl, 'employer', t.dataSource);
      const browser = await signedInBrowser(t.baseUrl, admin.email);
      const refused = await browser.submit('/admin/organizations', `/admin/organizations/${employer.organizationId}/suspend`, {
        reason: ' ',
        organizationId: employer.organizationId!,
      });
      expect(refused.status).toBe(422);
      expect(refused.text).toContain('Say why the organization is suspended.');
      const [{ suspended_at }] = await t.dataSource.query(`SELECT suspended_at FROM organizations WHERE id = $1`, [employer.organizationId]);
      expect(suspended_at).toBeNull();
    });
  });

  describe('users', () => {
    it('finds accounts, disables and enables them, and resends verification', async () => {
      const coder = await signUp(t.baseUrl, 'candidate', t.dataSource);
      const found = (await http.get(`/api/admin/users?q=${encodeURIComponent(coder.email.slice(0, 20).toUpperCase())}`, admin.token)).body;
      expect(found.map((u: { id: string }) => u.id)).toContain(coder.id);

      expect((await http.post(`/api/admin/users/${coder.id}/disable`, {}, admin.token)).status).toBe(204);
      expect((await http.get('/api/me/profile', coder.token)).status).toBe(401);
      expect((await http.post('/api/auth/login', { email: coder.email, password: GOOD_PASSWORD })).status).toBe(403);
      expect((await http.post(`/api/admin/users/${coder.id}/disable`, {}, admin.token)).status).toBe(409);
      expect((await http.post(`/api/admin/users/${admin.id}/disable`, {}, admin.token)).status).toBe(409);
      expect((await http.post(`/api/admin/users/${coder.id}/enable`, {}, admin.token)).status).toBe(204);
      expect((await http.post('/api/auth/login', { email: coder.email, password: GOOD_PASSWORD })).status).toBe(200);

      const sentBefore = smtp.messages.filter((m) => m.to.includes(coder.email)).length;
      expect((await http.post(`/api/admin/users/${coder.id}/resend-verification`, {}, admin.token)).status).toBe(204);
      await smtp.waitFor(
        (m) =>
          m.to.includes(coder.email) &&
          m.subject === 'Verify your email address for CareerCenter' &&
          smtp.messages.filter((x) => x.to.includes(coder.email)).length > sentBefore,
      );
      await t.dataSource.query(`UPDATE users SET email_verified = true WHERE id = $1`, [coder.id]);
      expect((await http.post(`/api/admin/users/${coder.id}/resend-verification`, {}, admin.token)).status).toBe(409);
      expect((await auditActions(coder.id)).map((e) => e.action)).toEqual(['user.disabled', 'user.enabled', 'user.verification_resent']);
    });

    it('works from the users page', async () => {
      const coder = await signUp(t.baseUrl, 'candidate', t.dataSource);
      const browser = await signedInBrowser(t.baseUrl, admin.email);
      const page = await browser.get(`/admin/users?q=${encodeURIComponent(coder.email)}`);
      expect(page.text).toContain(`Disable ${coder.email}`);
      expect(page.text).not.toContain(`Disable ${admin.email}`);
      const next = /name="next" value="([^"]+)"/.exec(page.html)![1].replace(/&#x3D;/g, '=');
      const done = await browser.submit(`/admin/users?q=${encodeURIComponent(coder.email)}`, `/admin/users/${coder.id}/disable`, { next });
      expect(done.status).toBe(303);
      expect(done.location).toBe(`/admin/users?q=${encodeURIComponent(coder.email)}`);
      expect((await browser.get(`/admin/users?q=${encodeURIComponent(coder.email)}`)).text).toContain(`Enable ${coder.email}`);
    });
  });
});
