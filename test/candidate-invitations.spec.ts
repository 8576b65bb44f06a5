import { jobPath } from '../src/jobs/job-paths';
import { Job } from '../src/jobs/job.entity';
import { Browser, csrfOf } from './support/browser';
import { CandidateFixture, candidateToken, createCandidate, insertApplication, verifiedEmployer } from './support/candidate-search-fixtures';
import { insertJob, signUp, SignedUp } from './support/factories';
import { api, GOOD_PASSWORD } from './support/http';
import { startSmtpServer, TestSmtpServer } from './support/smtp';
import { createTestApp, TestApp } from './support/test-app';

const INVITATION_SUBJECT = 'An employer invites you to apply on CareerCenter';
const ACCEPTED_SUBJECT = 'A candidate accepted your invitation to apply';

describe('invitations to apply', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let employer: SignedUp;
  let job: Job;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ SMTP_URL: smtp.url, RATE_LIMIT_AUTH_PER_IP: '1000', RATE_LIMIT_AUTH_PER_ACCOUNT: '1000' });
    employer = await verifiedEmployer(t.baseUrl, t.dataSource, 'Prairie Health');
    job = await insertJob(t.dataSource, employer.organizationId!, { title: 'Inpatient Coder III', applyMethod: 'onsite', applyUrl: null });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const client = () => api(t.baseUrl);
  const invite = (candidateId: string, body: Record<string, unknown>, token = employer.token) =>
    client().post(`/api/candidates/${candidateId}/invitations`, body, token);
  const invitationRows = (candidateId: string) =>
    t.dataSource.query(`SELECT job_id, organization_id, invited_by, status, message, responded_at FROM candidate_invitations WHERE candidate_id = $1`, [
      candidateId,
    ]);
  const emailsTo = (address: string) =>
    t.dataSource.query(`SELECT template FROM emails WHERE to_address = $1 ORDER BY created_at`, [address]) as Promise<Array<{ template: string }>>;
  const openJob = (title: string, organizationId = employer.organizationId!) => insertJob(t.dataSource, organizationId, { title });

  async function signIn(email: string): Promise<Browser> {
    const b = new Browser(t.baseUrl);
    const res = await b.submit('/login', '/login', { email, password: GOOD_PASSWORD });
    expect(res.status).toBe(303);
    return b;
  }

  it('goes from the employer’s page to the candidate’s email, and an acceptance back to the employer with the contact details', async () => {
    const candidate = await createCandidate(t.baseUrl, t.dataSource, { name: 'Jasmine Carter', headline: 'Inpatient DRG coder' });
    const employerTab = await signIn(employer.email);

    const profile = await employerTab.get(`/employer/candidates/${candidate.id}`);
    expect(profile.text).toContain('Invite to apply');
    expect(profile.html).toContain(`<option value="${job.id}">Inpatient Coder III</option>`);
    const sent = await employerTab.post(`/employer/candidates/${candidate.id}/invitations`, {
      _csrf: csrfOf(profile.html),
      jobId: job.id,
      message: 'Your <b>DRG</b> experience fits our team.\nCan we talk this week?',
    });
    expect(sent.status).toBe(303);
    expect(sent.location).toBe(`/employer/candidates/${candidate.id}`);
    const after = await employerTab.get(sent.location!);
    expect(after.text).toContain('We have emailed Jasmine C. your invitation to apply to “Inpatient Coder III”. You will hear from us if they accept.');
    expect(after.text).toMatch(/“Inpatient Coder III”: invited on \w+ \d+, \d{4}, no answer yet/);
    // Each job is offered once.
    expect(after.html).not.toContain(`<option value="${job.id}">`);
    expect(after.text).toContain('Hidden until Jasmine C. accepts');
    expect(await invitationRows(candidate.id)).toEqual([
      {
        job_id: job.id,
        organization_id: employer.organizationId,
        invited_by: employer.id,
        status: 'sent',
        message: 'Your <b>DRG</b> experience fits our team.\nCan we talk this week?',
        responded_at: null,
      },
    ]);

    const mail = await smtp.waitFor((m) => m.to.includes(candidate.email) && m.subject === INVITATION_SUBJECT);
    expect(mail.text).toContain('Hi Jasmine Carter,');
    expect(mail.text).toContain('Prairie Health found your profile on CareerCenter and invites you to apply to their job "Inpatient Coder III".');
    expect(mail.text).toContain('Your <b>DRG</b> experience fits our team.\nCan we talk this week?');
    expect(mail.text).toContain(`${t.env.appUrl}${jobPath(job)}`);
    expect(mail.text).toContain(`${t.env.appUrl}/me/invitations`);
    expect(mail.text).toContain('If not, ignore it: they are not told.');
    expect(mail.html).toContain('Your &lt;b&gt;DRG&lt;/b&gt; experience');
    expect(mail.html).not.toContain('<b>DRG</b>');

    // The candidate's side.
    const token = await candidateToken(t.baseUrl, candidate);
    const listed = await client().get('/api/me/invitations', token);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([
      {
        id: expect.any(String),
        status: 'sent',
        message: 'Your <b>DRG</b> experience fits our team.\nCan we talk this week?',
        sentAt: expect.any(String),
        sentOn: expect.any(String),
        respondedAt: null,
        organization: { name: 'Prairie Health', slug: expect.any(String), url: expect.stringMatching(/^\/companies\//) },
        job: { id: job.id, title: 'Inpatient Coder III', url: jobPath(job), open: true },
        applied: false,
      },
    ]);
    const candidateTab = await signIn(candidate.email);
    const page = await candidateTab.get('/me/invitations');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Prairie Health invites you to apply to Inpatient Coder III');
    expect(page.html).toContain('Your &lt;b&gt;DRG&lt;/b&gt; experience');
    const accepted = await candidateTab.post(`/me/invitations/${listed.body[0].id}/accept`, { _csrf: csrfOf(page.html) });
    expect(accepted.status).toBe(303);
    expect(accepted.location).toBe('/me/invitations');
    const afterAccept = await candidateTab.get('/me/invitations');
    expect(afterAccept.text).toContain('Prairie Health can now see your name and email address. Apply to the job when you are ready.');
    expect(afterAccept.text).toContain('Accepted Prairie Health can see your name and email address.');
    expect(afterAccept.html).not.toContain('/ignore"');

    const told = await smtp.waitFor((m) => m.to.includes(employer.email) && m.subject === ACCEPTED_SUBJECT);
    expect(told.text).toContain(
      'Jasmine Carter accepted your invitation to apply to "Inpatient Coder III" and shared their contact details with your organization.',
    );
    expect(told.text).toContain(`Email: ${candidate.email}`);
    expect(told.text).toContain(`${t.env.appUrl}/employer/candidates/invitations`);

    // The employer now sees who it is.
    const sentList = await client().get('/api/candidate-invitations', employer.token);
    expect(sentList.body).toEqual([
      expect.objectContaining({
        status: 'accepted',
        acceptedAt: expect.any(String),
        job: { id: job.id, title: 'Inpatient Coder III' },
        candidate: { id: candidate.id, displayName: 'Jasmine Carter', path: `/employer/candidates/${candidate.id}` },
        contact: { name: 'Jasmine Carter', email: candidate.email },
        invitedBy: 'Test employer',
      }),
    ]);
    const revealed = await employerTab.get(`/employer/candidates/${candidate.id}`);
    expect(revealed.text).toContain(`Email ${candidate.email}`);
    expect(revealed.text).toMatch(/“Inpatient Coder III”: invited on .+ accepted/);
    const sentPage = await employerTab.get('/employer/candidates/invitations');
    expect(sentPage.text).toContain('Jasmine Carter · “Inpatient Coder III”');
    expect(sentPage.text).toContain(candidate.email);

    // Accepting again changes nothing and tells nobody again.
    const again = await client().post(`/api/me/invitations/${listed.body[0].id}/accept`, undefined, token);
    expect(again.status).toBe(200);
    expect(again.body.status).toBe('accepted');
    expect((await emailsTo(employer.email)).filter((e) => e.template === 'candidate-invitation-accepted')).toHaveLength(1);
  });

  it('lets a candidate ignore an invitation silently and accept it later; an accepted one cannot be ignored', async () => {
    const candidate = await createCandidate(t.baseUrl, t.dataSource, { name: 'Robert Thompson' });
    const otherJob = await openJob('Pro-fee Coder');
    const created = await invite(candidate.id, { jobId: otherJob.id });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      status: 'pending',
      message: null,
      sentAt: expect.any(String),
      sentOn: expect.any(String),
      acceptedAt: null,
      job: { id: otherJob.id, title: 'Pro-fee Coder' },
      candidate: { id: candidate.id, displayName: 'Robert T.', path: `/employer/candidates/${candidate.id}` },
      contact: null,
      invitedBy: 'Test employer',
    });
    const token = await candidateToken(t.baseUrl, candidate);

    const ignored = await client().post(`/api/me/invitations/${created.body.id}/ignore`, undefined, token);
    expect(ignored.status).toBe(200);
    expect(ignored.body).toMatchObject({ status: 'ignored', respondedAt: expect.any(String) });
    // The organization is not told: to it the invitation is still unanswered.
    const seen = (await client().get('/api/candidate-invitations', employer.token)).body.find((i: { id: string }) => i.id === created.body.id);
    expect(seen).toMatchObject({ status: 'pending', acceptedAt: null, contact: null, candidate: { displayName: 'Robert T.' } });
    expect((await client().get(`/api/candidates/${candidate.id}`, employer.token)).body.contact).toBeNull();
    const page = await (await signIn(candidate.email)).get('/me/invitations');
    expect(page.text).toContain('Ignored You can still accept it.');

    expect((await client().post(`/api/me/invitations/${created.body.id}/accept`, undefined, token)).body.status).toBe('accepted');
    const refused = await client().post(`/api/me/invitations/${created.body.id}/ignore`, undefined, token);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe('You accepted this invitation, so Prairie Health already has your contact details.');
    expect((await invitationRows(candidate.id))[0].status).toBe('accepted');
    expect((await client().get(`/api/candidates/${candidate.id}`, employer.token)).body.contact).toMatchObject({ email: candidate.email });
  });

  it('refuses what it cannot send, changing nothing', async () => {
    const candidate = await createCandidate(t.baseUrl, t.dataSource, { name: 'Emily Nguyen' });
    const other = await verifiedEmployer(t.baseUrl, t.dataSource, 'Sable Ridge');
    const theirJob = await openJob('Their job', other.organizationId!);
    const draft = await insertJob(t.dataSource, employer.organizationId!, { title: 'Draft job', status: 'draft', publishedAt: null });
    const closed = await insertJob(t.dataSource, employer.organizationId!, {
      title: 'Closed job',
      status: 'closed',
      closedAt: new Date(),
      closeReason: 'filled',
    });
    const lapsed = await insertJob(t.dataSource, employer.organizationId!, { title: 'Lapsed job', validThrough: new Date(Date.now() - 60_000) });
    const appliedJob = await openJob('Applied job');
    await insertApplication(t.dataSource, { id: appliedJob.id, organizationId: employer.organizationId! }, candidate);
    const privateCandidate = await createCandidate(t.baseUrl, t.dataSource, { visibility: 'private' });
    const target = await openJob('Target job');
    expect((await invite(candidate.id, { jobId: target.id })).status).toBe(201);

    const cases: Array<[string, () => Promise<{ status: number; body: any }>, number, string]> = [
      ['the same job again', () => invite(candidate.id, { jobId: target.id }), 409, 'You have already invited Emily N. to apply to “Target job”.'],
      ['another organization’s job', () => invite(candidate.id, { jobId: theirJob.id }), 404, 'There is no such job among your organization’s postings.'],
      ['a draft', () => invite(candidate.id, { jobId: draft.id }), 409, '“Draft job” is not open, so nobody can apply to it. Choose an open job.'],
      ['a closed job', () => invite(candidate.id, { jobId: closed.id }), 409, '“Closed job” is not open, so nobody can apply to it. Choose an open job.'],
      [
        'a job past its date',
        () => invite(candidate.id, { jobId: lapsed.id }),
        409,
        '“Lapsed job” is not open, so nobody can apply to it. Choose an open job.',
      ],
      ['a job already applied to', () => invite(candidate.id, { jobId: appliedJob.id }), 409, 'Emily N. has already applied to “Applied job”.'],
      [
        'a private candidate',
        () => invite(privateCandidate.id, { jobId: target.id }),
        404,
        'There is no such candidate, or they are no longer visible to employers.',
      ],
      [
        'an unknown candidate',
        () => invite('00000000-0000-4000-8000-000000000000', { jobId: target.id }),
        404,
        'There is no such candidate, or they are no longer visible to employers.',
      ],
      ['a malformed candidate id', () => invite('nope', { jobId: target.id }), 404, 'There is no such candidate, or they are no longer visible to employers.'],
      ['a malformed job id', () => invite(candidate.id, { jobId: 'nope' }), 400, 'Some fields are not valid.'],
      ['a note that is too long', () => invite(candidate.id, { jobId: appliedJob.id, message: 'x'.repeat(2001) }), 400, 'Some fields are not valid.'],
      ['an unknown field', () => invite(candidate.id, { jobId: target.id, email: 'x@example.test' }), 400, 'Unknown field(s): email.'],
    ];
    for (const [what, send, status, message] of cases) {
      const res = await send();
      expect({ what, status: res.status, message: res.body.message }).toEqual({ what, status, message });
    }
    expect((await invite(candidate.id, { jobId: 'nope' })).body.details).toEqual({ jobId: ['Choose one of your open jobs.'] });

    const unverified = await signUp(t.baseUrl, 'employer', t.dataSource, 'Unverified Clinic');
    const unverifiedJob = await openJob('Unverified job', unverified.organizationId!);
    const forbidden = await invite(candidate.id, { jobId: unverifiedJob.id }, unverified.token);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.message).toBe('Only verified employers can invite candidates to apply.');
    const asCandidate = await invite(candidate.id, { jobId: target.id }, await candidateToken(t.baseUrl, candidate));
    expect(asCandidate.status).toBe(403);

    expect(await invitationRows(candidate.id)).toEqual([expect.objectContaining({ job_id: target.id, status: 'sent' })]);
    expect(await invitationRows(privateCandidate.id)).toEqual([]);
    expect(await emailsTo(candidate.email)).toEqual([{ template: 'candidate-invitation' }]);
    expect(await emailsTo(privateCandidate.email)).toEqual([]);
  });

  it('shows the candidate’s page again with the reason when the web form is refused', async () => {
    const candidate = await createCandidate(t.baseUrl, t.dataSource, { name: 'Marcus Bell', headline: 'E/M auditor' });
    const formJob = await openJob('Auditor');
    const b = await signIn(employer.email);
    const page = await b.get(`/employer/candidates/${candidate.id}`);

    const tooLong = await b.post(`/employer/candidates/${candidate.id}/invitations`, {
      _csrf: csrfOf(page.html),
      jobId: formJob.id,
      message: 'y'.repeat(2001),
    });
    expect(tooLong.status).toBe(422);
    expect(tooLong.text).toContain('Marcus B.');
    expect(tooLong.text).toContain('E/M auditor');
    expect(tooLong.text).toContain('Keep the note to 2000 characters or fewer.');
    expect(tooLong.html).toContain(`<option value="${formJob.id}" selected>Auditor</option>`);
    expect(tooLong.html).toContain('y'.repeat(2001));

    await invite(candidate.id, { jobId: formJob.id });
    const twice = await b.post(`/employer/candidates/${candidate.id}/invitations`, { _csrf: csrfOf(page.html), jobId: formJob.id, message: '' });
    expect(twice.status).toBe(409);
    expect(twice.text).toContain('You have already invited Marcus B. to apply to “Auditor”.');

    const withoutToken = await b.post(`/employer/candidates/${candidate.id}/invitations`, { jobId: formJob.id });
    expect(withoutToken.status).toBe(403);

    await t.dataSource.query(`UPDATE candidate_profiles SET visibility = 'private' WHERE user_id = $1`, [candidate.id]);
    const gone = await b.post(`/employer/candidates/${candidate.id}/invitations`, { _csrf: csrfOf(page.html), jobId: formJob.id });
    expect(gone.status).toBe(404);
    expect(gone.text).toContain('There is no such candidate, or they are no longer visible to employers.');
    expect(await invitationRows(candidate.id)).toHaveLength(1);
  });

  it('keeps invitations between their own parties: other candidates and organizations get 404 or nothing, and nothing changes', async () => {
    const owner = await createCandidate(t.baseUrl, t.dataSource);
    const intruder = await createCandidate(t.baseUrl, t.dataSource);
    const created = await invite(owner.id, { jobId: (await openJob('Private matter')).id });
    const intruderToken = await candidateToken(t.baseUrl, intruder);

    for (const action of ['accept', 'ignore']) {
      const res = await client().post(`/api/me/invitations/${created.body.id}/${action}`, undefined, intruderToken);
      expect(res.status).toBe(404);
      expect(res.body.message).toBe('There is no such invitation among yours.');
    }
    const intruderTab = await signIn(intruder.email);
    const form = await intruderTab.get('/me/invitations');
    expect(form.text).toContain('No invitations yet.');
    expect((await intruderTab.post(`/me/invitations/${created.body.id}/accept`, { _csrf: csrfOf(form.html) })).status).toBe(404);
    expect((await client().get('/api/me/invitations', intruderToken)).body).toEqual([]);
    expect((await client().post('/api/me/invitations/not-a-uuid/accept', undefined, intruderToken)).status).toBe(404);
    expect((await invitationRows(owner.id))[0]).toMatchObject({ status: 'sent', responded_at: null });

    // Another organization sees none of them; employers have no invitations of their own to answer.
    const other = await verifiedEmployer(t.baseUrl, t.dataSource);
    expect((await client().get('/api/candidate-invitations', other.token)).body).toEqual([]);
    expect((await client().get('/api/me/invitations', employer.token)).status).toBe(403);
    expect((await client().post(`/api/me/invitations/${created.body.id}/accept`, undefined, employer.token)).status).toBe(403);
    expect((await client().get('/api/candidate-invitations', intruderToken)).status).toBe(403);
  });

  it('tells the owners when the member who sent the invitation has left the team', async () => {
    const recruiter = await signUp(t.baseUrl, 'employer', t.dataSource);
    await t.dataSource.query(`INSERT INTO organization_members (organization_id, user_id, role) VALUES ($1, $2, 'recruiter')`, [
      employer.organizationId,
      recruiter.id,
    ]);
    const candidate = await createCandidate(t.baseUrl, t.dataSource, { name: 'Priya Raman' });
    const created = await invite(candidate.id, { jobId: (await openJob('Team job')).id }, recruiter.token);
    expect(created.status).toBe(201);
    // Any member of the organization sees its invitations.
    expect((await client().get('/api/candidate-invitations', employer.token)).body.map((i: { id: string }) => i.id)).toContain(created.body.id);

    await t.dataSource.query(`DELETE FROM organization_members WHERE organization_id = $1 AND user_id = $2`, [employer.organizationId, recruiter.id]);
    const accepted = await client().post(`/api/me/invitations/${created.body.id}/accept`, undefined, await candidateToken(t.baseUrl, candidate));
    expect(accepted.status).toBe(200);
    const told = await smtp.waitFor((m) => m.to.includes(employer.email) && m.subject === ACCEPTED_SUBJECT && m.text.includes('Priya Raman'));
    expect(told.text).toContain('"Team job"');
    expect(await emailsTo(recruiter.email)).not.toContainEqual({ template: 'candidate-invitation-accepted' });
  });

  it('caps each organization at 100 invitations in any 24 hours', async () => {
    const busy = await verifiedEmployer(t.baseUrl, t.dataSource, 'Busy Recruiting');
    const busyJob = await openJob('Busy job', busy.organizationId!);
    // 100 invitations already sent today, to 100 other candidates.
    await t.dataSource.query(
      `WITH made AS (
         INSERT INTO users (email, password_hash, name, role, email_verified)
         SELECT 'cap-' || n || '-' || $3 || '@example.test', 'x', 'Cap Candidate', 'candidate', true FROM generate_series(1, 100) n RETURNING id)
       INSERT INTO candidate_invitations (organization_id, job_id, candidate_id, invited_by, created_at)
       SELECT $1, $2, id, NULL, now() - interval '23 hours' FROM made`,
      [busy.organizationId, busyJob.id, Date.now()],
    );
    const candidate = await createCandidate(t.baseUrl, t.dataSource);
    const refused = await invite(candidate.id, { jobId: busyJob.id }, busy.token);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ error: 'rate_limited', message: expect.stringContaining('sent 100 invitations in the last 24 hours') });
    expect(await invitationRows(candidate.id)).toEqual([]);
    expect(await emailsTo(candidate.email)).toEqual([]);

    await t.dataSource.query(`UPDATE candidate_invitations SET created_at = created_at - interval '2 hours' WHERE organization_id = $1`, [busy.organizationId]);
    expect((await invite(candidate.id, { jobId: busyJob.id }, busy.token)).status).toBe(201);
  });

  describe('per member', () => {
    let limited: TestApp;
    beforeAll(async () => {
      limited = await createTestApp({ SMTP_URL: smtp.url, RATE_LIMIT_AUTH_PER_IP: '1000', RATE_LIMIT_AUTH_PER_ACCOUNT: '2' });
    });
    afterAll(() => limited.close());

    it('limits how fast one member sends invitations, on the API and the web form together', async () => {
      const member = await verifiedEmployer(limited.baseUrl, limited.dataSource);
      const memberJob = await insertJob(limited.dataSource, member.organizationId!, { title: 'Paced job' });
      const candidates: CandidateFixture[] = [];
      for (let i = 0; i < 3; i++) candidates.push(await createCandidate(limited.baseUrl, limited.dataSource));
      const send = (c: CandidateFixture) => api(limited.baseUrl).post(`/api/candidates/${c.id}/invitations`, { jobId: memberJob.id }, member.token);

      expect((await send(candidates[0])).status).toBe(201);
      const b = new Browser(limited.baseUrl);
      await b.submit('/login', '/login', { email: member.email, password: GOOD_PASSWORD });
      const page = await b.get(`/employer/candidates/${candidates[1].id}`);
      expect((await b.post(`/employer/candidates/${candidates[1].id}/invitations`, { _csrf: csrfOf(page.html), jobId: memberJob.id })).status).toBe(303);

      const third = await send(candidates[2]);
      expect(third.status).toBe(429);
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await limited.dataSource.query(`SELECT 1 FROM candidate_invitations WHERE candidate_id = $1`, [candidates[2].id])).toEqual([]);
    });
  });
});
