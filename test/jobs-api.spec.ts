import { api } from './support/http';
import { createJob, jobBody } from './support/job-fixtures';
import { SignedUp, signUp, signUpAdmin, verifyOrganization } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

const DAY_MS = 86400_000;

describe('job postings over the API', () => {
  let t: TestApp;
  let employer: SignedUp;
  let rival: SignedUp;
  let candidate: SignedUp;
  let http: ReturnType<typeof api>;

  beforeAll(async () => {
    t = await createTestApp();
    http = api(t.baseUrl);
    employer = await signUp(t.baseUrl, 'employer', t.dataSource, 'Riverside Health');
    rival = await signUp(t.baseUrl, 'employer', t.dataSource, 'Lakeside Clinics');
    candidate = await signUp(t.baseUrl, 'candidate', t.dataSource);
    // Verified organizations publish without review; moderation has its own spec.
    await verifyOrganization(t.dataSource, employer.organizationId!);
    await verifyOrganization(t.dataSource, rival.organizationId!);
  });
  afterAll(() => t.close());

  const jobRow = async (id: string) => (await t.dataSource.query(`SELECT * FROM jobs WHERE id = $1`, [id]))[0];
  const jobCount = async () => Number((await t.dataSource.query(`SELECT count(*) AS n FROM jobs`))[0].n);

  it('creates a draft that echoes every field in the shape it was sent, with its id, status and canonical url', async () => {
    const body = jobBody();
    const res = await http.post('/api/jobs', body, employer.token);

    expect(res.status).toBe(201);
    const job = res.body;
    expect(job).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      status: 'draft',
      url: `/jobs/${job.id}/outpatient-coder-ii-cpc-or-ccs`,
      title: body.title,
      description: body.description,
      descriptionHtml: '<p>Code <strong>professional-fee</strong> E/M and minor procedures for a busy multi-specialty clinic.</p>\n',
      employmentType: 'FULL_TIME',
      workplace: 'hybrid',
      locations: [{ city: 'Austin', state: 'TX', postalCode: '78701' }],
      remoteStates: [],
      salary: { min: 52000, max: 64000, currency: 'USD', period: 'YEAR' },
      credentials: ['CPC', 'CCS'],
      apprenticeFriendly: true,
      specialties: ['cpt-evaluation-management', 'surgery-musculoskeletal'],
      settings: ['pro-fee'],
      minYearsExperience: 2,
      tools: ['Epic', '3M'],
      productivity: '20 charts an hour after training',
      apply: { method: 'url', url: 'https://careers.example.org/apply/123', email: null },
      screeningQuestions: [],
      validThrough: null,
      publishedAt: null,
      closedAt: null,
      closeReason: null,
      organization: { id: employer.organizationId, name: 'Riverside Health', slug: 'riverside-health' },
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const row = await jobRow(job.id);
    expect(row).toMatchObject({ organization_id: employer.organizationId, created_by: employer.id, status: 'draft', location_states: ['TX'] });
  });

  it('takes a posting from draft to published, edited, renewed, closed as filled and duplicated, and deletes only drafts', async () => {
    const draft = await createJob(t.baseUrl, employer.token);

    const published = await http.post(`/api/jobs/${draft.id}/publish`, undefined, employer.token);
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('published');
    const publishedAt = new Date(published.body.publishedAt).getTime();
    expect(Math.abs(publishedAt - Date.now())).toBeLessThan(60_000);
    expect(new Date(published.body.validThrough).getTime() - publishedAt).toBeCloseTo(30 * DAY_MS, -5);

    const edited = await http.patch(`/api/jobs/${draft.id}`, { title: 'Senior Outpatient Coder', locations: [{ city: 'Tulsa', state: 'ok' }] }, employer.token);
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      status: 'published',
      title: 'Senior Outpatient Coder',
      url: `/jobs/${draft.id}/senior-outpatient-coder`,
      locations: [{ city: 'Tulsa', state: 'OK' }],
      // Fields not sent are left as they were.
      credentials: ['CPC', 'CCS'],
      publishedAt: published.body.publishedAt,
    });
    expect((await jobRow(draft.id)).location_states).toEqual(['OK']);

    const until = new Date(Date.now() + 60 * DAY_MS).toISOString();
    const renewed = await http.post(`/api/jobs/${draft.id}/renew`, { validThrough: until }, employer.token);
    expect(renewed.status).toBe(200);
    expect(renewed.body).toMatchObject({ status: 'published', validThrough: until });

    const closed = await http.post(`/api/jobs/${draft.id}/close`, { reason: 'filled' }, employer.token);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', closeReason: 'filled' });
    expect(Math.abs(new Date(closed.body.closedAt).getTime() - Date.now())).toBeLessThan(60_000);

    // A closed posting stays closed: posting it again is a duplicate.
    const reopen = await http.post(`/api/jobs/${draft.id}/renew`, {}, employer.token);
    expect(reopen.status).toBe(409);
    expect(reopen.body.message).toBe('You cannot renew this job. This job is closed. Duplicate it to post it again.');
    const deleteClosed = await http.call('DELETE', `/api/jobs/${draft.id}`, { token: employer.token });
    expect(deleteClosed.status).toBe(409);
    expect(deleteClosed.body.message).toMatch(/^Only drafts can be deleted\./);

    const copy = await http.post(`/api/jobs/${draft.id}/duplicate`, undefined, employer.token);
    expect(copy.status).toBe(201);
    expect(copy.body.id).not.toBe(draft.id);
    expect(copy.body).toMatchObject({
      status: 'draft',
      title: 'Senior Outpatient Coder',
      locations: [{ city: 'Tulsa', state: 'OK' }],
      salary: draft.salary,
      specialties: draft.specialties,
      apply: draft.apply,
      publishedAt: null,
      validThrough: null,
      closedAt: null,
      closeReason: null,
    });

    const deleted = await http.call('DELETE', `/api/jobs/${copy.body.id}`, { token: employer.token });
    expect(deleted.status).toBe(204);
    expect(await jobRow(copy.body.id)).toBeUndefined();
    expect((await http.get(`/api/jobs/${copy.body.id}`, employer.token)).status).toBe(404);
    expect((await jobRow(draft.id)).status).toBe('closed');
  });

  it('publishes at once when created with publish: true', async () => {
    const job = await createJob(t.baseUrl, employer.token, { publish: true, validThrough: new Date(Date.now() + 45 * DAY_MS).toISOString() });
    expect(job.status).toBe('published');
    expect(new Date(job.validThrough).getTime() - new Date(job.publishedAt).getTime()).toBeCloseTo(45 * DAY_MS, -5);
  });

  it('shows a published posting to anyone, and a draft only to members of its organization', async () => {
    const draft = await createJob(t.baseUrl, employer.token);
    const live = await createJob(t.baseUrl, employer.token, { publish: true });

    expect((await http.get(`/api/jobs/${live.id}`)).body).toMatchObject({ id: live.id, status: 'published' });
    expect((await http.get(`/api/jobs/${live.id}`, candidate.token)).status).toBe(200);
    expect((await http.get(`/api/jobs/${draft.id}`, employer.token)).body).toMatchObject({ id: draft.id, status: 'draft' });
    const admin = await signUpAdmin(t.baseUrl, t.dataSource);
    for (const token of [undefined, candidate.token, rival.token, admin.token]) {
      const res = await http.get(`/api/jobs/${draft.id}`, token);
      expect(res.status).toBe(404);
      expect(res.body.message).toBe('There is no such job among your organization’s postings.');
    }
    expect((await http.get('/api/jobs/not-a-uuid')).status).toBe(404);
  });

  it("lists the organization's postings newest first, filtered by status", async () => {
    const other = await signUp(t.baseUrl, 'employer', t.dataSource);
    const first = await createJob(t.baseUrl, other.token, { title: 'First posting' });
    const second = await createJob(t.baseUrl, other.token, { title: 'Second posting', publish: true });
    const third = await createJob(t.baseUrl, other.token, { title: 'Third posting' });
    await createJob(t.baseUrl, employer.token, { title: 'Not theirs' });

    const all = await http.get('/api/employer/jobs', other.token);
    expect(all.status).toBe(200);
    expect(all.body.map((j: { id: string }) => j.id)).toEqual([third.id, second.id, first.id]);
    const drafts = await http.get('/api/employer/jobs?status=draft', other.token);
    expect(drafts.body.map((j: { title: string }) => j.title)).toEqual(['Third posting', 'First posting']);

    const wrong = await http.get('/api/employer/jobs?status=archived', other.token);
    expect(wrong.status).toBe(400);
    expect(wrong.body.details.status).toEqual(['Use one of: draft, pending_review, published, closed, expired, suspended.']);
  });

  it('reports every rule a posting breaks by field, and stores nothing', async () => {
    const before = await jobCount();
    const res = await http.post(
      '/api/jobs',
      jobBody({
        workplace: 'onsite',
        locations: [],
        remoteStates: ['TX'],
        salary: { min: 70000, max: 50000 },
        credentials: ['CPC', 'WIZARD'],
        specialties: [],
        settings: ['pro-fee', 'moon-base'],
        apply: { method: 'url' },
        validThrough: new Date(Date.now() - DAY_MS).toISOString(),
      }),
      employer.token,
    );
    expect(res.status).toBe(422);
    expect(res.body.details).toEqual({
      locations: ['Add at least one location for an onsite or hybrid job.'],
      remoteStates: ['Only remote jobs list the states they hire in.'],
      'salary.max': ['The maximum must be at least the minimum.'],
      'salary.period': ['Say whether the pay is per hour or per year.'],
      credentials: ['Not a credential we know: WIZARD.'],
      specialties: ['Choose at least one code specialty.'],
      settings: ['Not a setting we know: moon-base.'],
      'apply.url': ['Enter the https:// address where candidates apply.'],
      validThrough: ['Choose a date in the future.'],
    });

    const more = await http.post(
      '/api/jobs',
      jobBody({
        specialties: ['pro-fee'],
        apply: { method: 'email' },
        validThrough: new Date(Date.now() + 91 * DAY_MS).toISOString(),
      }),
      employer.token,
    );
    expect(more.status).toBe(422);
    expect(more.body.details).toEqual({
      specialties: ['Not a code specialty we know: pro-fee.'],
      'apply.email': ['Enter the email address that receives applications.'],
      validThrough: ['Choose a date at most 90 days from today.'],
    });

    const malformed = await http.post(
      '/api/jobs',
      jobBody({
        title: 'x'.repeat(121),
        locations: [{ city: 'Austin', state: 'XX' }],
        apply: { method: 'url', url: 'http://careers.example.org/apply' },
        employmentType: 'SOMETIMES',
      }),
      employer.token,
    );
    expect(malformed.status).toBe(400);
    expect(malformed.body.details).toEqual({
      title: ['Use at most 120 characters.'],
      employmentType: ['Choose an employment type.'],
      'locations.0.state': ['Use a two-letter US state code, such as TX.'],
      'apply.url': ['Enter an https:// address.'],
    });
    expect(await jobCount()).toBe(before);
  });

  it('accepts a remote job without locations (any US state) or limited to some states', async () => {
    const anywhere = await createJob(t.baseUrl, employer.token, { workplace: 'remote', locations: [], remoteStates: [] });
    expect(anywhere).toMatchObject({ workplace: 'remote', locations: [], remoteStates: [] });
    const some = await createJob(t.baseUrl, employer.token, { workplace: 'remote', locations: [], remoteStates: ['tx', 'OK'], apply: { method: 'onsite' } });
    expect(some).toMatchObject({ remoteStates: ['TX', 'OK'], apply: { method: 'onsite', url: null, email: null } });
    expect((await jobRow(some.id)).location_states).toEqual([]);
  });

  it('checks an edit against the whole posting, and keeps only the chosen way to apply', async () => {
    const job = await createJob(t.baseUrl, employer.token);
    const cleared = await http.patch(`/api/jobs/${job.id}`, { locations: [], title: null }, employer.token);
    expect(cleared.status).toBe(422);
    expect(cleared.body.details).toEqual({ title: ['Enter a title.'], locations: ['Add at least one location for an onsite or hybrid job.'] });

    const remote = await http.patch(
      `/api/jobs/${job.id}`,
      { workplace: 'remote', locations: [], apply: { method: 'email', email: 'jobs@example.org', url: 'https://x.example' } },
      employer.token,
    );
    expect(remote.status).toBe(200);
    expect(remote.body).toMatchObject({ workplace: 'remote', locations: [], apply: { method: 'email', email: 'jobs@example.org', url: null } });
    const noSalary = await http.patch(`/api/jobs/${job.id}`, { salary: null }, employer.token);
    expect(noSalary.body.salary).toBeNull();
    expect(await jobRow(job.id)).toMatchObject({ location_states: [], salary_min: null, salary_max: null, salary_period: null });
  });

  it.each([['organizationId'], ['status'], ['publishedAt'], ['verified']])('refuses a body that sets %s, with 400, on create and on edit', async (field) => {
    const job = await createJob(t.baseUrl, employer.token);
    const before = await jobCount();
    const created = await http.post(
      '/api/jobs',
      jobBody({ [field]: field === 'verified' ? true : field === 'status' ? 'published' : rival.organizationId }),
      employer.token,
    );
    expect(created.status).toBe(400);
    expect(created.body.message).toBe(`Unknown field(s): ${field}.`);
    const edited = await http.patch(`/api/jobs/${job.id}`, { [field]: 'published' }, employer.token);
    expect(edited.status).toBe(400);
    expect(edited.body.details[field]).toEqual([`${field} is not an accepted field.`]);
    expect(await jobCount()).toBe(before);
    expect((await jobRow(job.id)).status).toBe('draft');
  });

  it("answers 404 for every action on another organization's job, and changes nothing", async () => {
    const draft = await createJob(t.baseUrl, employer.token);
    const live = await createJob(t.baseUrl, employer.token, { publish: true });
    const rowsBefore = [await jobRow(draft.id), await jobRow(live.id)];
    const countBefore = await jobCount();

    for (const id of [draft.id, live.id]) {
      const attempts = [
        http.patch(`/api/jobs/${id}`, { title: 'Taken over' }, rival.token),
        http.post(`/api/jobs/${id}/publish`, undefined, rival.token),
        http.post(`/api/jobs/${id}/close`, { reason: 'closed' }, rival.token),
        http.post(`/api/jobs/${id}/renew`, {}, rival.token),
        http.post(`/api/jobs/${id}/duplicate`, undefined, rival.token),
        http.call('DELETE', `/api/jobs/${id}`, { token: rival.token }),
      ];
      for (const res of await Promise.all(attempts)) {
        expect(res.status).toBe(404);
        expect(res.body.error).toBe('not_found');
      }
    }
    expect((await http.get(`/api/jobs/${draft.id}`, rival.token)).status).toBe(404);
    expect(await http.get('/api/employer/jobs', rival.token).then((r) => r.body.map((j: { id: string }) => j.id))).not.toContain(draft.id);
    expect([await jobRow(draft.id), await jobRow(live.id)]).toEqual(rowsBefore);
    expect(await jobCount()).toBe(countBefore);
  });

  it('ends a removed member’s access to the jobs on their next request', async () => {
    const colleague = await signUp(t.baseUrl, 'employer', t.dataSource);
    await t.dataSource.query(`DELETE FROM organization_members WHERE user_id = $1`, [colleague.id]);
    await t.dataSource.query(`INSERT INTO organization_members (organization_id, user_id, role) VALUES ($1, $2, 'recruiter')`, [
      employer.organizationId,
      colleague.id,
    ]);
    const draft = await createJob(t.baseUrl, colleague.token);
    expect(draft.organization.id).toBe(employer.organizationId);

    await t.dataSource.query(`DELETE FROM organization_members WHERE user_id = $1`, [colleague.id]);
    expect((await http.get(`/api/jobs/${draft.id}`, colleague.token)).status).toBe(404);
    expect((await http.patch(`/api/jobs/${draft.id}`, { title: 'Still mine?' }, colleague.token)).status).toBe(404);
    const create = await http.post('/api/jobs', jobBody(), colleague.token);
    expect(create.status).toBe(403);
    expect(create.body.message).toBe('Your account does not belong to an organization, so it cannot post jobs.');
    expect((await jobRow(draft.id)).title).toBe(draft.title);
  });

  it('refuses candidates (403) and signed-out callers (401) on the employer routes', async () => {
    const job = await createJob(t.baseUrl, employer.token);
    const routes: Array<[string, string, unknown?]> = [
      ['POST', '/api/jobs', jobBody()],
      ['PATCH', `/api/jobs/${job.id}`, { title: 'Hijacked' }],
      ['POST', `/api/jobs/${job.id}/publish`],
      ['POST', `/api/jobs/${job.id}/close`, { reason: 'closed' }],
      ['POST', `/api/jobs/${job.id}/renew`, {}],
      ['POST', `/api/jobs/${job.id}/duplicate`],
      ['DELETE', `/api/jobs/${job.id}`],
      ['GET', '/api/employer/jobs'],
    ];
    for (const [method, path, body] of routes) {
      const asCandidate = await http.call(method, path, { body, token: candidate.token });
      expect([method, path, asCandidate.status, asCandidate.body.message]).toEqual([method, path, 403, 'Your account does not have access to this page.']);
      const signedOut = await http.call(method, path, { body });
      expect([method, path, signedOut.status]).toEqual([method, path, 401]);
    }
    expect(await jobRow(job.id)).toMatchObject({ status: 'draft', title: job.title });
  });

  it('stores XSS payloads as typed, and renders the description to HTML without scripts, handlers or javascript: links', async () => {
    const description = [
      'Intro <script>alert("d1")</script> text.',
      '',
      '<img src=x onerror=alert("d2")> and <svg onload=alert("d3")><circle/></svg>',
      '',
      '[harmless](javascript:alert("d4")) and [site](https://example.org/ok) and <a href="javascript:alert(5)">raw</a>',
    ].join('\n');
    const title = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const job = await createJob(t.baseUrl, employer.token, {
      title,
      description,
      productivity: '<a href="javascript:alert(3)">fast</a><svg onload=alert(4)>',
      tools: ['<svg onload=alert(5)>', '<script>x</script>'],
      locations: [{ city: '<img src=x onerror=alert(6)>', state: 'TX' }],
      publish: true,
    });

    const shown = (await http.get(`/api/jobs/${job.id}`)).body;
    // JSON is data: the API returns what was typed, and each page escapes it.
    expect(shown).toMatchObject({
      title,
      description,
      productivity: '<a href="javascript:alert(3)">fast</a><svg onload=alert(4)>',
      tools: ['<svg onload=alert(5)>', '<script>x</script>'],
      locations: [{ city: '<img src=x onerror=alert(6)>', state: 'TX' }],
    });
    const html: string = shown.descriptionHtml;
    expect(html).not.toMatch(/<(script|img|svg)/i);
    expect(html).not.toMatch(/<[^>]*\son\w+\s*=/i);
    expect(html).not.toMatch(/javascript:/i);
    // Raw HTML in Markdown that is not allowed shows as text, or goes.
    expect(html).toContain('&lt;img src=x onerror=alert("d2")&gt;');
    expect(html).toContain('<a href="https://example.org/ok" rel="nofollow noopener">site</a>');
    expect(html).toContain('Intro');
    expect(shown.url).toBe(`/jobs/${job.id}/script-alert-1-script-img-src-x-onerror-alert-2`);
  });
});
