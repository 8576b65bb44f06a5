import { AuthService } from '../src/auth/auth.service';
import { ExtendLinks } from '../src/jobs/extend-link';
import { insertApplication, insertCandidate } from './support/applicant-fixtures';
import { Browser, csrfOf } from './support/browser';
import { insertJob, SignedUp, signUp, verifyOrganization } from './support/factories';
import { api, GOOD_PASSWORD, uniqueEmail } from './support/http';
import { createJob } from './support/job-fixtures';
import { createTestApp, TestApp } from './support/test-app';

interface EventRow {
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  organization_id: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

describe('the audit log', () => {
  let t: TestApp;
  let http: ReturnType<typeof api>;
  let admin: { id: string; email: string; token: string };

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_AUTH_PER_IP: '1000', RATE_LIMIT_AUTH_PER_ACCOUNT: '1000' });
    http = api(t.baseUrl);
    const email = uniqueEmail('admin');
    const created = await t.app.get(AuthService).createAdmin({ email, password: GOOD_PASSWORD, name: 'Dana Ops' });
    admin = { id: created.id, email, token: await apiToken(email) };
  });
  afterAll(() => t.close());

  async function apiToken(email: string): Promise<string> {
    const res = await http.post('/api/auth/login', { email, password: GOOD_PASSWORD });
    expect(res.status).toBe(200);
    return res.body.accessToken;
  }

  async function signIn(email: string): Promise<Browser> {
    const b = new Browser(t.baseUrl);
    const res = await b.submit('/login', '/login', { email, password: GOOD_PASSWORD });
    expect(res.status).toBe(303);
    return b;
  }

  const employer = (name?: string) => signUp(t.baseUrl, 'employer', t.dataSource, name);

  /** The events about one subject, oldest first; `action` narrows them to one kind. */
  function eventsAbout(subjectId: string, action?: string): Promise<EventRow[]> {
    return t.dataSource.query(
      `SELECT actor_id, actor_role, action, subject_type, subject_id, organization_id, before, after FROM audit_events
        WHERE subject_id = $1 AND ($2::text IS NULL OR action = $2) ORDER BY id`,
      [subjectId, action ?? null],
    );
  }

  /** An event written directly, for the reader's tests that need a given time or actor. */
  async function insertEvent(fields: Partial<EventRow> & { occurred_at?: Date; subject_id: string }): Promise<string> {
    const [row] = await t.dataSource.query(
      `INSERT INTO audit_events (occurred_at, actor_id, actor_role, action, subject_type, subject_id, organization_id, before, after)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        fields.occurred_at ?? new Date(),
        fields.actor_id ?? null,
        fields.actor_role ?? null,
        fields.action ?? 'job.closed',
        fields.subject_type ?? 'job',
        fields.subject_id,
        fields.organization_id ?? null,
        fields.before ? JSON.stringify(fields.before) : null,
        fields.after ? JSON.stringify(fields.after) : null,
      ],
    );
    return row.id;
  }

  describe('recording employer actions', () => {
    it('records publishing a draft once, with the employer, draft → published and the expiry', async () => {
      const owner = await employer();
      await verifyOrganization(t.dataSource, owner.organizationId!);
      const draft = await createJob(t.baseUrl, owner.token);
      expect(await eventsAbout(draft.id)).toEqual([]);

      const published = await http.post(`/api/jobs/${draft.id}/publish`, undefined, owner.token);
      expect(published.status).toBe(200);
      expect(await eventsAbout(draft.id)).toEqual([
        {
          actor_id: owner.id,
          actor_role: 'employer',
          action: 'job.published',
          subject_type: 'job',
          subject_id: draft.id,
          organization_id: owner.organizationId,
          before: { status: 'draft' },
          after: { status: 'published', validThrough: published.body.validThrough },
        },
      ]);

      // Publishing again is refused and leaves the log as it was.
      expect((await http.post(`/api/jobs/${draft.id}/publish`, undefined, owner.token)).status).toBe(409);
      expect(await eventsAbout(draft.id)).toHaveLength(1);
    });

    it("records an unverified organization's posting going to review, when created so and when an edit sends it back", async () => {
      const owner = await employer();
      const submitted = await createJob(t.baseUrl, owner.token, { publish: true });
      expect(submitted.status).toBe('pending_review');
      expect(await eventsAbout(submitted.id)).toEqual([
        expect.objectContaining({
          actor_id: owner.id,
          action: 'job.submitted_for_review',
          organization_id: owner.organizationId,
          before: null,
          after: { status: 'pending_review', validThrough: submitted.validThrough },
        }),
      ]);

      const live = await insertJob(t.dataSource, owner.organizationId!, { title: 'Risk Adjustment Coder' });
      expect((await http.patch(`/api/jobs/${live.id}`, { productivity: '25 charts an hour' }, owner.token)).body.status).toBe('published');
      expect(await eventsAbout(live.id)).toEqual([]);
      const retitled = await http.patch(`/api/jobs/${live.id}`, { title: 'Senior Risk Adjustment Coder' }, owner.token);
      expect(retitled.body.status).toBe('pending_review');
      expect(await eventsAbout(live.id)).toEqual([
        expect.objectContaining({
          actor_id: owner.id,
          action: 'job.submitted_for_review',
          before: { status: 'published' },
          after: { status: 'pending_review', changed: ['title'] },
        }),
      ]);
    });

    it('records closing with its reason and renewing with the new expiry; a refused close writes nothing', async () => {
      const owner = await employer();
      const job = await insertJob(t.dataSource, owner.organizationId!);

      const renewed = await http.post(`/api/jobs/${job.id}/renew`, {}, owner.token);
      expect(renewed.status).toBe(200);
      const closed = await http.post(`/api/jobs/${job.id}/close`, { reason: 'filled' }, owner.token);
      expect(closed.status).toBe(200);
      expect(await eventsAbout(job.id)).toEqual([
        expect.objectContaining({
          actor_id: owner.id,
          action: 'job.renewed',
          organization_id: owner.organizationId,
          before: { status: 'published', validThrough: job.validThrough!.toISOString() },
          after: { status: 'published', validThrough: renewed.body.validThrough },
        }),
        expect.objectContaining({
          actor_id: owner.id,
          actor_role: 'employer',
          action: 'job.closed',
          organization_id: owner.organizationId,
          before: { status: 'published' },
          after: { status: 'closed', reason: 'filled' },
        }),
      ]);

      expect((await http.post(`/api/jobs/${job.id}/close`, { reason: 'closed' }, owner.token)).status).toBe(409);
      expect(await eventsAbout(job.id, 'job.closed')).toHaveLength(1);
    });

    it('records an extension by the emailed link without an actor, saying so', async () => {
      const owner = await employer();
      const job = await insertJob(t.dataSource, owner.organizationId!, { validThrough: new Date(Date.now() + 2 * 86400_000) });
      const link = new URL(t.app.get(ExtendLinks).url({ id: job.id, validThrough: job.validThrough! }));
      const visitor = new Browser(t.baseUrl);
      const form = await visitor.get(`${link.pathname}${link.search}`);
      expect(form.status).toBe(200);
      expect((await visitor.post(`/jobs/${job.id}/extend`, { _csrf: csrfOf(form.html), token: link.searchParams.get('token')! })).status).toBe(303);
      const [{ valid_through }] = await t.dataSource.query(`SELECT valid_through FROM jobs WHERE id = $1`, [job.id]);
      expect(await eventsAbout(job.id)).toEqual([
        expect.objectContaining({
          actor_id: null,
          actor_role: null,
          action: 'job.renewed',
          organization_id: owner.organizationId,
          before: { status: 'published', validThrough: job.validThrough!.toISOString() },
          after: { status: 'published', validThrough: valid_through.toISOString(), via: 'emailed extend link' },
        }),
      ]);
    });

    it('records team invitations, withdrawals, joining and removal with the member, address and role', async () => {
      const owner = await employer();
      const org = owner.organizationId!;

      const withdrawn = await http.post(`/api/organizations/${org}/invitations`, { email: uniqueEmail('withdrawn'), role: 'owner' }, owner.token);
      expect(withdrawn.status).toBe(201);
      expect((await http.call('DELETE', `/api/organizations/${org}/invitations/${withdrawn.body.id}`, { token: owner.token })).status).toBe(204);
      expect(await eventsAbout(withdrawn.body.id)).toEqual([
        {
          actor_id: owner.id,
          actor_role: 'employer',
          action: 'team.member_invited',
          subject_type: 'invitation',
          subject_id: withdrawn.body.id,
          organization_id: org,
          before: null,
          after: { email: withdrawn.body.email, role: 'owner' },
        },
        {
          actor_id: owner.id,
          actor_role: 'employer',
          action: 'team.invitation_revoked',
          subject_type: 'invitation',
          subject_id: withdrawn.body.id,
          organization_id: org,
          before: { email: withdrawn.body.email, role: 'owner' },
          after: null,
        },
      ]);
      // Withdrawing it again finds nothing to withdraw, and records nothing.
      expect((await http.call('DELETE', `/api/organizations/${org}/invitations/${withdrawn.body.id}`, { token: owner.token })).status).toBe(404);
      expect(await eventsAbout(withdrawn.body.id)).toHaveLength(2);

      // A coder accepts an invitation through its page and joins as a recruiter.
      const coder = await signUp(t.baseUrl, 'candidate', t.dataSource);
      const invited = await http.post(`/api/organizations/${org}/invitations`, { email: coder.email, role: 'recruiter' }, owner.token);
      expect(invited.status).toBe(201);
      const [mail] = await t.dataSource.query(`SELECT text FROM emails WHERE to_address = $1 AND template = 'organization-invitation'`, [coder.email]);
      const acceptPath = /\/invitations\/accept\?token=[\w-]+/.exec(mail.text)![0];
      const browser = await signIn(coder.email);
      const page = await browser.get(acceptPath);
      const token = /name="token" value="([^"]+)"/.exec(page.html)![1];
      expect((await browser.post('/invitations/accept', { _csrf: csrfOf(page.html), token })).status).toBe(303);
      expect(await eventsAbout(coder.id)).toEqual([
        {
          actor_id: coder.id,
          actor_role: 'employer',
          action: 'team.member_joined',
          subject_type: 'team_member',
          subject_id: coder.id,
          organization_id: org,
          before: null,
          after: { userId: coder.id, email: coder.email, role: 'recruiter', invitationId: invited.body.id },
        },
      ]);

      expect((await http.call('DELETE', `/api/organizations/${org}/members/${coder.id}`, { token: owner.token })).status).toBe(204);
      expect(await eventsAbout(coder.id, 'team.member_removed')).toEqual([
        {
          actor_id: owner.id,
          actor_role: 'employer',
          action: 'team.member_removed',
          subject_type: 'team_member',
          subject_id: coder.id,
          organization_id: org,
          before: { userId: coder.id, email: coder.email, role: 'recruiter' },
          after: null,
        },
      ]);

      // The last owner stays (409), and nothing is recorded.
      expect((await http.call('DELETE', `/api/organizations/${org}/members/${owner.id}`, { token: owner.token })).status).toBe(409);
      expect(await eventsAbout(owner.id)).toEqual([]);
    });

    it("records applicant status changes with the job's organization and no personal data; a refused move writes nothing", async () => {
      const owner = await employer();
      const job = await insertJob(t.dataSource, owner.organizationId!, { applyMethod: 'onsite', applyUrl: null });
      const application = await insertApplication(t.dataSource, job, await insertCandidate(t.dataSource, 'Jordan Lee'));

      expect((await http.patch(`/api/applications/${application.id}`, { status: 'reviewed' }, owner.token)).status).toBe(200);
      expect((await http.patch(`/api/applications/${application.id}`, { status: 'hired' }, owner.token)).status).toBe(409);
      const events = await eventsAbout(application.id);
      expect(events).toEqual([
        {
          actor_id: owner.id,
          actor_role: 'employer',
          action: 'application.status_changed',
          subject_type: 'application',
          subject_id: application.id,
          organization_id: owner.organizationId,
          before: { status: 'new' },
          after: { status: 'reviewed', withMessage: false },
        },
      ]);
      expect(JSON.stringify(events)).not.toContain('Jordan');

      const others = [
        await insertApplication(t.dataSource, job, await insertCandidate(t.dataSource)),
        await insertApplication(t.dataSource, job, await insertCandidate(t.dataSource), { status: 'shortlisted' }),
      ];
      const rejected = await http.post(
        `/api/jobs/${job.id}/applications/reject`,
        { applicationIds: others.map((a) => a.id), message: 'Thank you for applying.' },
        owner.token,
      );
      expect(rejected.status).toBe(200);
      expect(await eventsAbout(others[0].id)).toEqual([
        expect.objectContaining({ actor_id: owner.id, before: { status: 'new' }, after: { status: 'rejected', withMessage: true } }),
      ]);
      expect(await eventsAbout(others[1].id)).toEqual([
        expect.objectContaining({ actor_id: owner.id, before: { status: 'shortlisted' }, after: { status: 'rejected', withMessage: true } }),
      ]);
    });

    it("records a coder withdrawing an application, under the job's organization", async () => {
      const owner = await employer();
      const job = await insertJob(t.dataSource, owner.organizationId!, { applyMethod: 'onsite', applyUrl: null });
      const coder = await signUp(t.baseUrl, 'candidate', t.dataSource);
      const application = await insertApplication(t.dataSource, job, coder, { status: 'reviewed' });

      expect((await http.post(`/api/applications/${application.id}/withdraw`, undefined, coder.token)).status).toBe(200);
      expect((await http.post(`/api/applications/${application.id}/withdraw`, undefined, coder.token)).status).toBe(409);
      expect(await eventsAbout(application.id)).toEqual([
        {
          actor_id: coder.id,
          actor_role: 'candidate',
          action: 'application.withdrawn',
          subject_type: 'application',
          subject_id: application.id,
          organization_id: owner.organizationId,
          before: { status: 'reviewed' },
          after: { status: 'withdrawn' },
        },
      ]);
    });
  });

  describe('GET /api/admin/audit', () => {
    let owner: SignedUp;
    let other: SignedUp;
    let jobIds: string[];

    /** Two organizations' recorded actions: the owner publishes two jobs and invites one person; the other closes a job. */
    beforeAll(async () => {
      owner = await employer('Riverside Audit Health');
      other = await employer('Lakeside Audit Clinics');
      await verifyOrganization(t.dataSource, owner.organizationId!);
      jobIds = [];
      for (const title of ['Inpatient Coder', 'Outpatient Coder']) jobIds.push((await createJob(t.baseUrl, owner.token, { title, publish: true })).id);
      expect(
        (await http.post(`/api/organizations/${owner.organizationId}/invitations`, { email: uniqueEmail('invitee'), role: 'recruiter' }, owner.token)).status,
      ).toBe(201);
      const otherJob = await insertJob(t.dataSource, other.organizationId!);
      expect((await http.post(`/api/jobs/${otherJob.id}/close`, { reason: 'closed' }, other.token)).status).toBe(200);
    });

    it("lists an organization's events newest first, with the actor's name and email and the organization's name", async () => {
      const res = await http.get(`/api/admin/audit?organizationId=${owner.organizationId}`, admin.token);
      expect(res.status).toBe(200);
      expect(res.body.nextBefore).toBeNull();
      expect(res.body.events.map((e: any) => e.action)).toEqual(['team.member_invited', 'job.published', 'job.published']);
      expect(res.body.events.map((e: any) => e.subject.id).slice(1)).toEqual([jobIds[1], jobIds[0]]);
      expect(res.body.events[1]).toMatchObject({
        actor: { id: owner.id, role: 'employer', name: 'Test employer', email: owner.email },
        subject: { type: 'job', id: jobIds[1], label: 'Outpatient Coder' },
        organization: { id: owner.organizationId, name: 'Riverside Audit Health' },
        before: null,
        after: { status: 'published' },
      });
      expect(Number(res.body.events[0].id)).toBeGreaterThan(Number(res.body.events[1].id));
    });

    it('filters by action, and by actor email in any case or actor id', async () => {
      const published = await http.get(`/api/admin/audit?action=job.published&organizationId=${owner.organizationId}`, admin.token);
      expect(published.body.events.map((e: any) => e.subject.id)).toEqual([jobIds[1], jobIds[0]]);

      const byEmail = await http.get(`/api/admin/audit?actor=${encodeURIComponent(other.email.toUpperCase())}`, admin.token);
      expect(byEmail.status).toBe(200);
      expect(byEmail.body.events.map((e: any) => [e.action, e.actor.id, e.organization.name])).toEqual([['job.closed', other.id, 'Lakeside Audit Clinics']]);
      const byId = await http.get(`/api/admin/audit?actor=${other.id}`, admin.token);
      expect(byId.body.events).toEqual(byEmail.body.events);
      expect((await http.get(`/api/admin/audit?actor=${encodeURIComponent(uniqueEmail('nobody'))}`, admin.token)).body.events).toEqual([]);
    });

    it('filters by day range (whole UTC days, both ends included) and by subject', async () => {
      const subject = '6f1f4b7e-2f0c-4d1e-9a51-0b7d5f7e0001';
      const [early, late, later] = [
        await insertEvent({ subject_id: subject, occurred_at: new Date('2020-01-01T00:00:00Z') }),
        await insertEvent({ subject_id: subject, occurred_at: new Date('2020-01-31T23:59:59Z') }),
        await insertEvent({ subject_id: subject, occurred_at: new Date('2020-02-01T00:00:00Z') }),
      ];
      const ids = async (query: string) => (await http.get(`/api/admin/audit?subjectId=${subject}${query}`, admin.token)).body.events.map((e: any) => e.id);
      expect(await ids('')).toEqual([later, late, early]);
      expect(await ids('&from=2020-01-01&to=2020-01-31')).toEqual([late, early]);
      expect(await ids('&from=2020-01-02')).toEqual([later, late]);
      expect(await ids('&to=2020-01-01')).toEqual([early]);
    });

    it('pages by the nextBefore cursor until the last page', async () => {
      const subject = '6f1f4b7e-2f0c-4d1e-9a51-0b7d5f7e0002';
      const inserted: string[] = [];
      for (let i = 0; i < 5; i += 1) inserted.push(await insertEvent({ subject_id: subject }));
      const pages: string[][] = [];
      let before = '';
      for (;;) {
        const res = await http.get(`/api/admin/audit?subjectId=${subject}&limit=2${before && `&before=${before}`}`, admin.token);
        expect(res.status).toBe(200);
        pages.push(res.body.events.map((e: any) => e.id));
        if (!res.body.nextBefore) break;
        before = res.body.nextBefore;
      }
      expect(pages).toEqual([[inserted[4], inserted[3]], [inserted[2], inserted[1]], [inserted[0]]]);
    });

    it('names a deleted account and the application itself', async () => {
      const subject = '6f1f4b7e-2f0c-4d1e-9a51-0b7d5f7e0003';
      await insertEvent({ subject_id: subject, actor_role: 'employer' });
      await insertEvent({ subject_id: subject, actor_role: null });
      const res = await http.get(`/api/admin/audit?subjectId=${subject}`, admin.token);
      expect(res.body.events.map((e: any) => e.actor)).toEqual([
        { id: null, role: null, name: 'CareerCenter', email: null },
        { id: null, role: 'employer', name: 'deleted account', email: null },
      ]);
    });

    it('refuses invalid filters by field', async () => {
      const bad = await http.get('/api/admin/audit?action=job.deleted&from=2020-02-30&actor=someone&limit=500&sort=asc', admin.token);
      expect(bad.status).toBe(400);
      expect(bad.body.details).toEqual({
        action: ['Choose an action from the list.'],
        from: ['Enter a date such as 2026-01-31.'],
        actor: ['Enter an email address or a user id.'],
        limit: ['Use a number from 1 to 100.'],
        sort: ['sort is not an accepted field.'],
      });
      const backwards = await http.get('/api/admin/audit?from=2020-02-01&to=2020-01-31', admin.token);
      expect(backwards.status).toBe(422);
      expect(backwards.body.details).toEqual({ to: ['Choose a day on or after the “from” day.'] });
    });

    it('answers 401 signed out and 403 to employers and coders', async () => {
      expect((await http.get('/api/admin/audit')).status).toBe(401);
      expect((await http.get('/api/admin/audit', owner.token)).status).toBe(403);
      const coder = await signUp(t.baseUrl, 'candidate', t.dataSource);
      const refused = await http.get('/api/admin/audit', coder.token);
      expect(refused.status).toBe(403);
      expect(refused.body.error).toBe('forbidden');
    });
  });

  describe('the /admin/audit page', () => {
    it('shows the filter form and the filtered events with who, what and before → after', async () => {
      const owner = await employer('Cedar Audit Partners');
      const job = await insertJob(t.dataSource, owner.organizationId!, { title: 'Coding Auditor' });
      expect((await http.post(`/api/jobs/${job.id}/close`, { reason: 'filled' }, owner.token)).status).toBe(200);

      const browser = await signIn(admin.email);
      const page = await browser.get(`/admin/audit?action=job.closed&organizationId=${owner.organizationId}&actor=&from=&to=`);
      expect(page.status).toBe(200);
      for (const [id, label] of [
        ['action', 'Action'],
        ['actor', 'Who (email or user id)'],
        ['organizationId', 'Organization id'],
        ['from', 'From'],
        ['to', 'To'],
      ]) {
        expect(page.html).toContain(`<label for="${id}">${label}</label>`);
      }
      expect(page.html).toMatch(/<input id="from" name="from" type="date"/);
      expect(page.html).toContain('<option value="job.closed" selected>Job closed</option>');
      expect(page.html).toContain('<a href="/admin/audit" aria-current="page">Audit log</a>');
      const rows = page.html.match(/<tr>[\s\S]*?<\/tr>/g)!.slice(1);
      expect(rows).toHaveLength(1);
      const row = rows[0].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
      expect(row).toContain(`Test employer ${owner.email} employer`);
      expect(row).toContain('Job closed job.closed');
      expect(row).toContain('Job: Coding Auditor');
      // Postgres keeps jsonb keys shortest first, then alphabetically.
      expect(row).toContain('Cedar Audit Partners status: published reason: filled status: closed');
      expect(rows[0]).toContain(`href="/jobs/${job.id}"`);
      expect(rows[0]).toContain(`href="/admin/audit?organizationId&#x3D;${owner.organizationId}"`);
    });

    it('shows the form again with 422 and the message by the field for an invalid date', async () => {
      const browser = await signIn(admin.email);
      const page = await browser.get('/admin/audit?action=&from=2026-13-01&to=');
      expect(page.status).toBe(422);
      expect(page.html).toContain('<p class="field-error" id="from-error">Enter a date such as 2026-01-31. </p>');
      expect(page.html).toMatch(/<input id="from" name="from" type="date" value="2026-13-01" aria-invalid="true"/);
      expect(page.html).toContain('<label for="action">Action</label>');
      expect(page.html).toContain('<option value="team.member_removed">Team member removed</option>');
      expect(page.text).toContain('Some fields are not valid.');
    });

    it('sends a signed-out visitor to sign in and refuses employers', async () => {
      const visitor = await new Browser(t.baseUrl).get('/admin/audit');
      expect(visitor.status).toBe(303);
      expect(visitor.location).toBe(`/login?next=${encodeURIComponent('/admin/audit')}`);
      const owner = await employer();
      const refused = await (await signIn(owner.email)).get('/admin/audit');
      expect(refused.status).toBe(403);
      expect(refused.text).toContain('Your account does not have access to this page.');
    });
  });
});
