import { Clock } from '../src/common/clock';
import { api } from './support/http';
import { createJob } from './support/job-fixtures';
import { insertJob, SignedUp, signUp, signUpAdmin, verifyOrganization } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

const DAY_MS = 86400_000;

describe('job moderation and lifecycle rules', () => {
  let t: TestApp;
  let admin: SignedUp;
  let http: ReturnType<typeof api>;

  beforeAll(async () => {
    t = await createTestApp();
    http = api(t.baseUrl);
    admin = await signUpAdmin(t.baseUrl, t.dataSource);
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  const jobRow = async (id: string) => (await t.dataSource.query(`SELECT * FROM jobs WHERE id = $1`, [id]))[0];
  const newEmployer = () => signUp(t.baseUrl, 'employer', t.dataSource);
  const moveClock = (to: Date) => jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(to);

  describe('with moderation on (the default)', () => {
    it("holds an unverified organization's posting for review until an admin approves it", async () => {
      const employer = await newEmployer();
      const draft = await createJob(t.baseUrl, employer.token);

      const submitted = await http.post(`/api/jobs/${draft.id}/publish`, undefined, employer.token);
      expect(submitted.status).toBe(200);
      expect(submitted.body).toMatchObject({ status: 'pending_review', publishedAt: null });
      expect(new Date(submitted.body.validThrough).getTime() - Date.now()).toBeCloseTo(30 * DAY_MS, -5);
      expect((await http.get(`/api/jobs/${draft.id}`)).status).toBe(404);
      expect((await http.get(`/api/jobs/${draft.id}`, employer.token)).body.status).toBe('pending_review');
      // The admin reads what they are asked to approve.
      expect((await http.get(`/api/jobs/${draft.id}`, admin.token)).body).toMatchObject({ status: 'pending_review', title: draft.title });

      expect((await http.post(`/api/admin/jobs/${draft.id}/approve`, undefined, employer.token)).status).toBe(403);
      const approved = await http.post(`/api/admin/jobs/${draft.id}/approve`, undefined, admin.token);
      expect(approved.status).toBe(200);
      expect(approved.body.status).toBe('published');
      expect(Math.abs(new Date(approved.body.publishedAt).getTime() - Date.now())).toBeLessThan(60_000);
      expect((await http.get(`/api/jobs/${draft.id}`)).body).toMatchObject({ id: draft.id, status: 'published' });

      const again = await http.post(`/api/admin/jobs/${draft.id}/approve`, undefined, admin.token);
      expect(again.status).toBe(409);
      expect(again.body.message).toBe('You cannot approve this job. This job is already published.');
      expect((await http.post(`/api/admin/jobs/00000000-0000-4000-8000-000000000000/approve`, undefined, admin.token)).status).toBe(404);
    });

    it("sends an unverified organization's published posting back to review when its title or description changes, not for other edits", async () => {
      const employer = await newEmployer();
      const job = await createJob(t.baseUrl, employer.token, { publish: true });
      const approved = (await http.post(`/api/admin/jobs/${job.id}/approve`, undefined, admin.token)).body;

      const minor = await http.patch(`/api/jobs/${job.id}`, { productivity: '25 charts an hour', tools: ['Epic'] }, employer.token);
      expect(minor.body.status).toBe('published');
      const unchangedTitle = await http.patch(`/api/jobs/${job.id}`, { title: approved.title }, employer.token);
      expect(unchangedTitle.body.status).toBe('published');

      const retitled = await http.patch(`/api/jobs/${job.id}`, { title: 'Remote Coder — apply today' }, employer.token);
      expect(retitled.body).toMatchObject({ status: 'pending_review', title: 'Remote Coder — apply today' });
      expect((await http.get(`/api/jobs/${job.id}`)).status).toBe(404);

      const reapproved = (await http.post(`/api/admin/jobs/${job.id}/approve`, undefined, admin.token)).body;
      // The first publication date stays: it is when coders first saw the posting.
      expect(reapproved).toMatchObject({ status: 'published', publishedAt: approved.publishedAt, validThrough: approved.validThrough });

      const redescribed = await http.patch(`/api/jobs/${job.id}`, { description: 'A wholly different job description, for review.' }, employer.token);
      expect(redescribed.body.status).toBe('pending_review');
    });

    it("keeps a verified organization's edited posting published", async () => {
      const employer = await newEmployer();
      await verifyOrganization(t.dataSource, employer.organizationId!);
      const job = await createJob(t.baseUrl, employer.token, { publish: true });
      expect(job.status).toBe('published');
      const retitled = await http.patch(
        `/api/jobs/${job.id}`,
        { title: 'A new title', description: 'And a new description of the coding work.' },
        employer.token,
      );
      expect(retitled.body.status).toBe('published');
    });

    it('verifying an organization publishes its postings waiting for review, and its next ones go live at once', async () => {
      const employer = await newEmployer();
      const first = await createJob(t.baseUrl, employer.token, { publish: true });
      const second = await createJob(t.baseUrl, employer.token, { publish: true });
      const draft = await createJob(t.baseUrl, employer.token);
      expect([first.status, second.status]).toEqual(['pending_review', 'pending_review']);

      expect((await http.post(`/api/admin/organizations/${employer.organizationId}/verify`, undefined, employer.token)).status).toBe(403);
      const verified = await http.post(`/api/admin/organizations/${employer.organizationId}/verify`, undefined, admin.token);
      expect(verified.status).toBe(200);
      expect(verified.body).toMatchObject({ id: employer.organizationId, verifiedAt: expect.any(String) });
      expect((await t.dataSource.query(`SELECT verified_at FROM organizations WHERE id = $1`, [employer.organizationId]))[0].verified_at).not.toBeNull();

      for (const id of [first.id, second.id]) expect(await jobRow(id)).toMatchObject({ status: 'published', published_at: expect.any(Date) });
      expect((await jobRow(draft.id)).status).toBe('draft');
      expect((await http.post(`/api/jobs/${draft.id}/publish`, undefined, employer.token)).body.status).toBe('published');
      expect((await http.post(`/api/admin/organizations/not-an-id/verify`, undefined, admin.token)).status).toBe(404);
    });
  });

  describe('valid-through dates', () => {
    it("publishes until the draft's chosen date, and refuses one that has passed by the time it is published", async () => {
      const employer = await newEmployer();
      await verifyOrganization(t.dataSource, employer.organizationId!);
      const chosen = new Date(Date.now() + 60 * DAY_MS).toISOString();
      const draft = await createJob(t.baseUrl, employer.token, { validThrough: chosen });
      expect(draft.validThrough).toBe(chosen);
      expect((await http.post(`/api/jobs/${draft.id}/publish`, undefined, employer.token)).body).toMatchObject({ status: 'published', validThrough: chosen });

      const soon = new Date(Date.now() + 2 * DAY_MS).toISOString();
      const stale = await createJob(t.baseUrl, employer.token, { validThrough: soon });
      moveClock(new Date(Date.now() + 3 * DAY_MS));
      const refused = await http.post(`/api/jobs/${stale.id}/publish`, undefined, employer.token);
      expect(refused.status).toBe(422);
      expect(refused.body.details).toEqual({ validThrough: ['Choose a date in the future.'] });
      expect((await jobRow(stale.id)).status).toBe('draft');
    });

    it('renews a published or expired posting for up to 90 days from now, and no further', async () => {
      const employer = await newEmployer();
      await verifyOrganization(t.dataSource, employer.organizationId!);
      const job = await createJob(t.baseUrl, employer.token, { publish: true });

      const tooLong = await http.post(`/api/jobs/${job.id}/renew`, { validThrough: new Date(Date.now() + 91 * DAY_MS).toISOString() }, employer.token);
      expect(tooLong.status).toBe(422);
      expect(tooLong.body.details).toEqual({ validThrough: ['Choose a date at most 90 days from today.'] });
      const past = await http.post(`/api/jobs/${job.id}/renew`, { validThrough: new Date(Date.now() - 60_000).toISOString() }, employer.token);
      expect(past.body.details).toEqual({ validThrough: ['Choose a date in the future.'] });
      expect((await jobRow(job.id)).valid_through.toISOString()).toBe(job.validThrough);

      const expired = await insertJob(t.dataSource, employer.organizationId!, {
        status: 'expired',
        validThrough: new Date(Date.now() - DAY_MS),
        expiryWarnedAt: new Date(),
      });
      const renewed = await http.post(`/api/jobs/${expired.id}/renew`, undefined, employer.token);
      expect(renewed.body.status).toBe('published');
      expect(new Date(renewed.body.validThrough).getTime() - Date.now()).toBeCloseTo(30 * DAY_MS, -5);
      expect((await jobRow(expired.id)).expiry_warned_at).toBeNull();
    });

    it('editing the expiry of a published posting sets its date and clears the sent warning', async () => {
      const employer = await newEmployer();
      await verifyOrganization(t.dataSource, employer.organizationId!);
      const job = await insertJob(t.dataSource, employer.organizationId!, { validThrough: new Date(Date.now() + 2 * DAY_MS), expiryWarnedAt: new Date() });
      const until = new Date(Date.now() + 20 * DAY_MS).toISOString();
      const edited = await http.patch(`/api/jobs/${job.id}`, { validThrough: until }, employer.token);
      expect(edited.body).toMatchObject({ status: 'published', validThrough: until });
      expect((await jobRow(job.id)).expiry_warned_at).toBeNull();
      const cleared = await http.patch(`/api/jobs/${job.id}`, { validThrough: null }, employer.token);
      expect(cleared.status).toBe(422);
      expect(cleared.body.details).toEqual({ validThrough: ['A posting that has been published needs an expiry date.'] });
    });
  });

  describe('actions in the wrong state', () => {
    it('answers 409 with the reason, and changes nothing', async () => {
      const employer = await newEmployer();
      await verifyOrganization(t.dataSource, employer.organizationId!);
      const draft = await createJob(t.baseUrl, employer.token);
      const live = await createJob(t.baseUrl, employer.token, { publish: true });
      const closed = await insertJob(t.dataSource, employer.organizationId!, { status: 'closed', closedAt: new Date(), closeReason: 'filled' });
      const expired = await insertJob(t.dataSource, employer.organizationId!, { status: 'expired', validThrough: new Date(Date.now() - DAY_MS) });

      const cases: Array<[string, string, unknown, string]> = [
        ['POST', `/api/jobs/${live.id}/publish`, undefined, 'You cannot publish this job. This job is already published.'],
        ['POST', `/api/jobs/${expired.id}/publish`, undefined, 'You cannot publish this job. This job has expired. Renew it to publish it again.'],
        ['POST', `/api/jobs/${draft.id}/close`, { reason: 'filled' }, 'You cannot close this job. This job is still a draft.'],
        ['POST', `/api/jobs/${draft.id}/renew`, {}, 'You cannot renew this job. This job is still a draft.'],
        ['PATCH', `/api/jobs/${closed.id}`, { title: 'Reopened' }, 'You cannot edit this job. This job is closed. Duplicate it to post it again.'],
        ['PATCH', `/api/jobs/${expired.id}`, { title: 'Edited' }, 'You cannot edit this job. This job has expired. Renew it to publish it again.'],
        ['DELETE', `/api/jobs/${live.id}`, undefined, 'Only drafts can be deleted. This job is already published. Close it instead.'],
      ];
      const before = await Promise.all([draft.id, live.id, closed.id, expired.id].map(jobRow));
      for (const [method, path, body, message] of cases) {
        const res = await http.call(method, path, { body, token: employer.token });
        expect([method, path, res.status, res.body.message]).toEqual([method, path, 409, message]);
      }
      expect(await Promise.all([draft.id, live.id, closed.id, expired.id].map(jobRow))).toEqual(before);
    });

    it('closes a posting waiting for review', async () => {
      const employer = await newEmployer();
      const job = await createJob(t.baseUrl, employer.token, { publish: true });
      const closed = await http.post(`/api/jobs/${job.id}/close`, { reason: 'closed' }, employer.token);
      expect(closed.body).toMatchObject({ status: 'closed', closeReason: 'closed' });
      expect((await http.post(`/api/jobs/${job.id}/close`, { reason: 'bored' }, employer.token)).body.details).toEqual({
        reason: ['Choose filled or closed.'],
      });
    });
  });
});

describe('job postings with moderation off (JOB_MODERATION=false)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ JOB_MODERATION: 'false' });
  });
  afterAll(() => t.close());

  it("publishes an unverified organization's posting directly, and keeps it published when its title changes", async () => {
    const employer = await signUp(t.baseUrl, 'employer', t.dataSource);
    const http = api(t.baseUrl);
    const draft = await createJob(t.baseUrl, employer.token);
    expect((await http.post(`/api/jobs/${draft.id}/publish`, undefined, employer.token)).body.status).toBe('published');
    expect((await createJob(t.baseUrl, employer.token, { publish: true })).status).toBe('published');
    expect((await http.patch(`/api/jobs/${draft.id}`, { title: 'Changed without review' }, employer.token)).body.status).toBe('published');
    expect((await http.get(`/api/jobs/${draft.id}`)).body.title).toBe('Changed without review');
  });
});
