import { Job } from '../src/jobs/job.entity';
import { ScreeningAnswer } from '../src/applications/application.entity';
import { applicationState, insertApplication, insertCandidate, insertProfile, insertResume, TINY_PDF } from './support/applicant-fixtures';
import { insertJob, SignedUp, signUp } from './support/factories';
import { api } from './support/http';
import { createTestApp, TestApp } from './support/test-app';

const DAY_MS = 86400_000;
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY_MS).toISOString().slice(0, 10);

const KNOCKOUT_ANSWER: ScreeningAnswer = { questionId: 'q1', question: 'Do you hold an active CPC?', answer: 'no', knockout: true };
const PLAIN_ANSWER: ScreeningAnswer = { questionId: 'q1', question: 'Do you hold an active CPC?', answer: 'yes', knockout: false };

describe('the employer pipeline over JSON', () => {
  let t: TestApp;
  let http: ReturnType<typeof api>;
  /** The organization whose pipeline is tested, and a second one that must see none of it. */
  let owner: SignedUp;
  let outsider: SignedUp;
  let job: Job;

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_AUTH_PER_IP: '1000' });
    http = api(t.baseUrl);
    owner = await signUp(t.baseUrl, 'employer', t.dataSource, 'Riverside Health');
    outsider = await signUp(t.baseUrl, 'employer', t.dataSource, 'Lakeside Clinics');
    job = await insertJob(t.dataSource, owner.organizationId!, { title: 'Inpatient Coder', applyMethod: 'onsite', applyUrl: null });
  });
  afterAll(() => t.close());

  const newCandidate = () => insertCandidate(t.dataSource);
  const newJob = () => insertJob(t.dataSource, owner.organizationId!, { title: 'Pro-fee Coder', applyMethod: 'onsite', applyUrl: null });
  const viewsOf = (candidateId: string) =>
    t.dataSource.query(`SELECT organization_id, viewer_id, kind, resume_id, application_id FROM candidate_views WHERE candidate_id = $1`, [candidateId]);

  it('follows an application from the coder’s apply to the employer’s pipeline and back to the coder’s timeline', async () => {
    const coder = await signUp(t.baseUrl, 'candidate', t.dataSource);
    await t.dataSource.query(`UPDATE users SET email_verified = true WHERE id = $1`, [coder.id]);
    await insertProfile(t.dataSource, coder.id, { headline: 'Outpatient coder', credentials: [{ code: 'CPC' }] });
    const resumeId = await insertResume(t.dataSource, coder.id);
    const openJob = await newJob();

    const applied = await http.post(`/api/jobs/${openJob.id}/applications`, { resumeId, coverLetter: 'Hello from Austin.' }, coder.token);
    expect(applied.status).toBe(201);
    const list = await http.get(`/api/jobs/${openJob.id}/applications`, owner.token);
    expect(list.body.applications).toHaveLength(1);
    expect(list.body.applications[0]).toMatchObject({
      id: applied.body.id,
      status: 'new',
      candidate: { id: coder.id, name: 'Test candidate', email: coder.email, headline: 'Outpatient coder', credentials: [{ code: 'CPC', expired: false }] },
      resume: { url: `/api/applications/${applied.body.id}/resume` },
    });

    for (const status of ['reviewed', 'shortlisted', 'interviewing']) {
      expect((await http.patch(`/api/applications/${applied.body.id}`, { status }, owner.token)).status).toBe(200);
    }
    // The coder sees each step the employer took, dated.
    const [mine] = (await http.get('/api/me/applications', coder.token)).body;
    expect(mine.status).toBe('interviewing');
    expect(mine.timeline.map((e: any) => e.status)).toEqual(['new', 'reviewed', 'shortlisted', 'interviewing']);

    expect((await http.post(`/api/applications/${applied.body.id}/withdraw`, undefined, coder.token)).status).toBe(200);
    const detail = await http.get(`/api/applications/${applied.body.id}`, owner.token);
    expect(detail.body).toMatchObject({ status: 'withdrawn', statusLabel: 'Withdrawn', nextStatuses: [] });
    expect(detail.body.timeline.map((e: any) => e.status)).toEqual(['new', 'reviewed', 'shortlisted', 'interviewing', 'withdrawn']);
    expect((await http.patch(`/api/applications/${applied.body.id}`, { status: 'offered' }, owner.token)).status).toBe(409);
  });

  describe('the applicant list', () => {
    let listJob: Job;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      listJob = await newJob();
      const [ada, ben, cy, dee] = await Promise.all([newCandidate(), newCandidate(), newCandidate(), newCandidate()]);
      await insertProfile(t.dataSource, ada.id, {
        headline: 'Inpatient coder, DRG validation',
        city: 'Austin',
        state: 'TX',
        yearsExperience: 6,
        credentials: [
          { code: 'CPC', expiresOn: day(200) },
          { code: 'CCS', expiresOn: day(-30) },
        ],
        specialties: [
          { slug: 'cpt-surgery', years: 2 },
          { slug: 'cpt-evaluation-management', years: 5 },
        ],
      });
      await insertProfile(t.dataSource, ben.id, { headline: 'Pro-fee coder', credentials: [{ code: 'CCS', expiresOn: day(100) }] });
      await insertProfile(t.dataSource, cy.id, { credentials: [{ code: 'CPC', expiresOn: day(-1) }] });
      ids.ada = (
        await insertApplication(t.dataSource, listJob, ada, { name: 'Ada Park', answers: [PLAIN_ANSWER], createdAt: new Date(Date.now() - 3 * DAY_MS) })
      ).id;
      ids.ben = (
        await insertApplication(t.dataSource, listJob, ben, {
          name: 'Ben Ortiz',
          answers: [KNOCKOUT_ANSWER],
          createdAt: new Date(Date.now() - 2 * DAY_MS),
          coverLetter: 'Ten years with Epic and 3M.',
        })
      ).id;
      ids.cy = (await insertApplication(t.dataSource, listJob, cy, { name: 'Cy Young', status: 'shortlisted', createdAt: new Date(Date.now() - DAY_MS) })).id;
      ids.dee = (await insertApplication(t.dataSource, listJob, dee, { name: 'Dee Ames', status: 'withdrawn' })).id;
    });

    it('shows each applicant with credentials (expired ones flagged), specialties with years, answers with knockouts, the applied date and the stage', async () => {
      const res = await http.get(`/api/jobs/${listJob.id}/applications`, owner.token);
      expect(res.status).toBe(200);
      expect(res.body.job).toEqual({ id: listJob.id, title: 'Pro-fee Coder', status: 'published' });
      expect(res.body.total).toBe(4);
      expect(res.body.counts).toMatchObject({ all: 4, new: 2, shortlisted: 1, withdrawn: 1, hired: 0 });
      // Newest first by default.
      expect(res.body.applications.map((a: any) => a.candidate.name)).toEqual(['Dee Ames', 'Cy Young', 'Ben Ortiz', 'Ada Park']);

      const ada = res.body.applications.find((a: any) => a.id === ids.ada);
      expect(ada).toMatchObject({
        status: 'new',
        statusLabel: 'New',
        knockout: false,
        resume: null,
        nextStatuses: ['reviewed', 'rejected'],
        candidate: { name: 'Ada Park', headline: 'Inpatient coder, DRG validation', city: 'Austin', state: 'TX', yearsExperience: 6, anonymized: false },
      });
      expect(ada.candidate.email).toMatch(/@example\.test$/);
      expect(ada.candidate.credentials).toEqual([
        { code: 'CPC', name: 'Certified Professional Coder', earnedOn: null, expiresOn: day(200), expired: false },
        { code: 'CCS', name: 'Certified Coding Specialist', earnedOn: null, expiresOn: day(-30), expired: true },
      ]);
      expect(ada.candidate.specialties.map((s: any) => [s.slug, s.years])).toEqual([
        ['cpt-evaluation-management', 5],
        ['cpt-surgery', 2],
      ]);
      expect(Math.abs(new Date(ada.appliedAt).getTime() - (Date.now() - 3 * DAY_MS))).toBeLessThan(60_000);

      const ben = res.body.applications.find((a: any) => a.id === ids.ben);
      expect(ben.knockout).toBe(true);
      expect(ben.answers).toEqual([KNOCKOUT_ANSWER]);
      expect(res.body.applications.find((a: any) => a.id === ids.dee)).toMatchObject({ status: 'withdrawn', statusLabel: 'Withdrawn', nextStatuses: [] });
    });

    it('filters by stage, by a credential held and unexpired, and by words; sorts and pages', async () => {
      const names = async (query: string) => {
        const res = await http.get(`/api/jobs/${listJob.id}/applications?${query}`, owner.token);
        expect(res.status).toBe(200);
        return res.body.applications.map((a: any) => a.candidate.name);
      };
      expect(await names('status=new')).toEqual(['Ben Ortiz', 'Ada Park']);
      expect(await names('status=withdrawn')).toEqual(['Dee Ames']);
      // Cy's CPC expired yesterday; Ada's CCS a month ago.
      expect(await names('credential=cpc')).toEqual(['Ada Park']);
      expect(await names('credential=CCS')).toEqual(['Ben Ortiz']);
      expect(await names('q=ortiz')).toEqual(['Ben Ortiz']);
      expect(await names('q=DRG')).toEqual(['Ada Park']);
      expect(await names('q=epic')).toEqual(['Ben Ortiz']);
      expect(await names('q=100%25')).toEqual([]);
      expect(await names('sort=oldest')).toEqual(['Ada Park', 'Ben Ortiz', 'Cy Young', 'Dee Ames']);
      expect(await names('sort=name')).toEqual(['Ada Park', 'Ben Ortiz', 'Cy Young', 'Dee Ames']);
      expect(await names('sort=status')).toEqual(['Ben Ortiz', 'Ada Park', 'Cy Young', 'Dee Ames']);

      const page2 = await http.get(`/api/jobs/${listJob.id}/applications?sort=oldest&perPage=3&page=2`, owner.token);
      expect(page2.body).toMatchObject({ total: 4, query: { page: 2, perPage: 3 } });
      expect(page2.body.applications.map((a: any) => a.candidate.name)).toEqual(['Dee Ames']);
    });

    it('refuses unknown filters with 400 and a message per parameter', async () => {
      const res = await http.get(`/api/jobs/${listJob.id}/applications?status=maybe&credential=XYZ&sort=best&perPage=500&color=red`, owner.token);
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.details).sort()).toEqual(['color', 'credential', 'perPage', 'sort', 'status']);
      expect(res.body.details.status[0]).toContain('new, reviewed, shortlisted');
    });

    it('answers 404 for another organization’s job, 403 for a candidate, 401 without a token', async () => {
      expect((await http.get(`/api/jobs/${listJob.id}/applications`, outsider.token)).status).toBe(404);
      expect((await http.get(`/api/jobs/not-a-uuid/applications`, owner.token)).status).toBe(404);
      const candidate = await signUp(t.baseUrl, 'candidate', t.dataSource);
      expect((await http.get(`/api/jobs/${listJob.id}/applications`, candidate.token)).status).toBe(403);
      expect((await http.get(`/api/jobs/${listJob.id}/applications`)).status).toBe(401);
    });
  });

  describe('moving an application along the pipeline', () => {
    it('stores each change with who made it and when, and lists it in the application’s timeline', async () => {
      const candidate = await newCandidate();
      const application = await insertApplication(t.dataSource, job, candidate, { name: 'Eve Stone' });

      const reviewed = await http.patch(`/api/applications/${application.id}`, { status: 'reviewed' }, owner.token);
      expect(reviewed.status).toBe(200);
      expect(reviewed.body).toMatchObject({ id: application.id, status: 'reviewed', nextStatuses: ['shortlisted', 'rejected'] });
      const shortlisted = await http.patch(`/api/applications/${application.id}`, { status: 'shortlisted' }, owner.token);
      expect(shortlisted.body.timeline.map((e: any) => [e.status, e.actor])).toEqual([
        ['new', 'Test candidate'],
        ['reviewed', 'Test employer'],
        ['shortlisted', 'Test employer'],
      ]);
      expect(Math.abs(new Date(shortlisted.body.timeline[2].at).getTime() - Date.now())).toBeLessThan(60_000);

      const state = await applicationState(t.dataSource, application.id);
      expect(state.status).toBe('shortlisted');
      expect(state.events.slice(1)).toEqual([
        { status: 'reviewed', actor_id: owner.id, message: null },
        { status: 'shortlisted', actor_id: owner.id, message: null },
      ]);
    });

    it('refuses invalid transitions with 409 and changes nothing: hired from new, skipping stages, anything after withdrawn or a final stage', async () => {
      const fresh = await insertApplication(t.dataSource, job, await newCandidate());
      for (const status of ['hired', 'shortlisted', 'offered', 'new']) {
        const res = await http.patch(`/api/applications/${fresh.id}`, { status }, owner.token);
        expect(res.status).toBe(409);
        expect(res.body.message).toContain('This application is new');
        expect(res.body.details.status[0]).toBe('Choose one of: Reviewed, Not selected.');
      }
      expect(await applicationState(t.dataSource, fresh.id)).toMatchObject({ status: 'new', events: [{ status: 'new' }] });

      const withdrawn = await insertApplication(t.dataSource, job, await newCandidate(), { status: 'withdrawn' });
      for (const status of ['reviewed', 'rejected', 'hired', 'withdrawn']) {
        const res = await http.patch(`/api/applications/${withdrawn.id}`, { status }, owner.token);
        expect(res.status).toBe(409);
        expect(res.body.message).toContain('The candidate withdrew it.');
      }
      expect((await applicationState(t.dataSource, withdrawn.id)).status).toBe('withdrawn');

      const hired = await insertApplication(t.dataSource, job, await newCandidate(), { status: 'hired' });
      expect((await http.patch(`/api/applications/${hired.id}`, { status: 'rejected' }, owner.token)).status).toBe(409);
      // Only the candidate withdraws.
      const open = await insertApplication(t.dataSource, job, await newCandidate(), { status: 'interviewing' });
      expect((await http.patch(`/api/applications/${open.id}`, { status: 'withdrawn' }, owner.token)).status).toBe(409);
      expect((await applicationState(t.dataSource, open.id)).status).toBe('interviewing');
    });

    it('rejects from any open stage', async () => {
      for (const status of ['new', 'reviewed', 'shortlisted', 'interviewing', 'offered'] as const) {
        const application = await insertApplication(t.dataSource, job, await newCandidate(), { status });
        const res = await http.patch(`/api/applications/${application.id}`, { status: 'rejected' }, owner.token);
        expect(res.status).toBe(200);
        expect(res.body.status).toBe('rejected');
      }
    });

    it('validates the body: an unknown stage or field is 400; a message with a stage the candidate is not emailed about is 422', async () => {
      const application = await insertApplication(t.dataSource, job, await newCandidate());
      const unknown = await http.patch(`/api/applications/${application.id}`, { status: 'maybe' }, owner.token);
      expect(unknown.status).toBe(400);
      expect(unknown.body.details.status).toEqual(['Choose a stage.']);
      expect((await http.patch(`/api/applications/${application.id}`, { status: 'reviewed', note: 'x' }, owner.token)).status).toBe(400);
      const tooLong = await http.patch(`/api/applications/${application.id}`, { status: 'rejected', message: 'x'.repeat(2001) }, owner.token);
      expect(tooLong.status).toBe(400);
      const quiet = await http.patch(`/api/applications/${application.id}`, { status: 'reviewed', message: 'Looks promising' }, owner.token);
      expect(quiet.status).toBe(422);
      expect(quiet.body.details.message[0]).toContain('private note');
      expect(await applicationState(t.dataSource, application.id)).toMatchObject({ status: 'new', events: [{ status: 'new' }] });
      // A blank message is no message.
      expect((await http.patch(`/api/applications/${application.id}`, { status: 'reviewed', message: '   ' }, owner.token)).status).toBe(200);
    });

    it('lets one of two simultaneous moves through and refuses the other', async () => {
      const application = await insertApplication(t.dataSource, job, await newCandidate());
      const results = await Promise.all([
        http.patch(`/api/applications/${application.id}`, { status: 'reviewed' }, owner.token),
        http.patch(`/api/applications/${application.id}`, { status: 'reviewed' }, owner.token),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expect((await applicationState(t.dataSource, application.id)).events.map((e) => e.status)).toEqual(['new', 'reviewed']);
    });
  });

  describe('bulk rejection', () => {
    it('rejects the chosen applications with one message, all at once', async () => {
      const bulkJob = await newJob();
      const chosen = await Promise.all([newCandidate(), newCandidate(), newCandidate()]);
      const applications = [];
      for (const [i, candidate] of chosen.entries()) {
        applications.push(await insertApplication(t.dataSource, bulkJob, candidate, { status: (['new', 'reviewed', 'interviewing'] as const)[i] }));
      }
      const kept = await insertApplication(t.dataSource, bulkJob, await newCandidate());

      const res = await http.post(
        `/api/jobs/${bulkJob.id}/applications/reject`,
        { applicationIds: applications.map((a) => a.id), message: 'We went with candidates closer to Austin.' },
        owner.token,
      );
      expect(res.status).toBe(200);
      expect(res.body.rejected).toBe(3);
      for (const application of applications) {
        const state = await applicationState(t.dataSource, application.id);
        expect(state.status).toBe('rejected');
        expect(state.events.at(-1)).toEqual({ status: 'rejected', actor_id: owner.id, message: 'We went with candidates closer to Austin.' });
      }
      expect((await applicationState(t.dataSource, kept.id)).status).toBe('new');
      const emails = await t.dataSource.query(`SELECT to_address FROM emails WHERE template = 'application-status' AND to_address = ANY($1)`, [
        chosen.map((c) => c.email),
      ]);
      expect(emails).toHaveLength(3);
    });

    it('changes nothing when one application is closed (409) or is not this job’s (404)', async () => {
      const bulkJob = await newJob();
      const open = await insertApplication(t.dataSource, bulkJob, await newCandidate());
      const withdrawn = await insertApplication(t.dataSource, bulkJob, await newCandidate(), { status: 'withdrawn', name: 'Wes Withdrawn' });
      const closed = await http.post(`/api/jobs/${bulkJob.id}/applications/reject`, { applicationIds: [open.id, withdrawn.id] }, owner.token);
      expect(closed.status).toBe(409);
      expect(closed.body.details.applicationIds).toEqual(['Wes Withdrawn is withdrawn.']);

      const otherJobs = await insertApplication(t.dataSource, job, await newCandidate());
      expect((await http.post(`/api/jobs/${bulkJob.id}/applications/reject`, { applicationIds: [open.id, otherJobs.id] }, owner.token)).status).toBe(404);
      expect((await http.post(`/api/jobs/${bulkJob.id}/applications/reject`, { applicationIds: [open.id] }, outsider.token)).status).toBe(404);
      for (const application of [open, otherJobs]) expect((await applicationState(t.dataSource, application.id)).status).toBe('new');

      expect((await http.post(`/api/jobs/${bulkJob.id}/applications/reject`, { applicationIds: [] }, owner.token)).status).toBe(400);
      expect((await http.post(`/api/jobs/${bulkJob.id}/applications/reject`, { applicationIds: ['x'] }, owner.token)).status).toBe(400);
      expect((await http.post(`/api/jobs/${bulkJob.id}/applications/reject`, { applicationIds: [open.id, open.id] }, owner.token)).status).toBe(400);
    });
  });

  describe('the application, its resume and notes', () => {
    it('shows the cover letter, the answers, the profile and the resume; each resume download is served safely and recorded', async () => {
      const candidate = await newCandidate();
      await insertProfile(t.dataSource, candidate.id, { headline: 'Risk adjustment coder', summary: 'HCC coding since 2018.', tools: ['Epic'] });
      const resumeId = await insertResume(t.dataSource, candidate.id, 'Jordan "JL" Lee résumé.pdf');
      const application = await insertApplication(t.dataSource, job, candidate, { coverLetter: 'I would love to join.', answers: [KNOCKOUT_ANSWER], resumeId });

      const detail = await http.get(`/api/applications/${application.id}`, owner.token);
      expect(detail.status).toBe(200);
      expect(detail.body).toMatchObject({
        coverLetter: 'I would love to join.',
        answers: [KNOCKOUT_ANSWER],
        knockout: true,
        job: { id: job.id, title: 'Inpatient Coder' },
        profile: { summary: 'HCC coding since 2018.', tools: ['Epic'] },
        resume: { fileName: 'Jordan "JL" Lee résumé.pdf', size: TINY_PDF.length, url: `/api/applications/${application.id}/resume` },
        notes: [],
      });

      const download = await fetch(`${t.baseUrl}/api/applications/${application.id}/resume`, { headers: { authorization: `Bearer ${owner.token}` } });
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toBe('application/pdf');
      expect(download.headers.get('x-content-type-options')).toBe('nosniff');
      expect(download.headers.get('cache-control')).toBe('no-store');
      const disposition = download.headers.get('content-disposition')!;
      expect(disposition).toMatch(/^attachment; filename="[^\r\n]+"; filename\*=/);
      expect(disposition).toContain(`filename*=UTF-8''Jordan%20%22JL%22%20Lee%20r%C3%A9sum%C3%A9.pdf`);
      expect(Buffer.from(await download.arrayBuffer()).equals(TINY_PDF)).toBe(true);
      expect(await viewsOf(candidate.id)).toEqual([
        { organization_id: owner.organizationId, viewer_id: owner.id, kind: 'resume', resume_id: resumeId, application_id: application.id },
      ]);
    });

    it('answers 404 for an application without a resume, and records nothing', async () => {
      const candidate = await newCandidate();
      const application = await insertApplication(t.dataSource, job, candidate);
      expect((await http.get(`/api/applications/${application.id}/resume`, owner.token)).status).toBe(404);
      expect(await viewsOf(candidate.id)).toEqual([]);
    });

    it('keeps private notes for the team, oldest first', async () => {
      const application = await insertApplication(t.dataSource, job, await newCandidate());
      const first = await http.post(`/api/applications/${application.id}/notes`, { body: '  Strong inpatient background.\r\nCall Tuesday.  ' }, owner.token);
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ body: 'Strong inpatient background.\nCall Tuesday.', author: { id: owner.id, name: 'Test employer' } });
      await http.post(`/api/applications/${application.id}/notes`, { body: 'Second opinion: agree.' }, owner.token);

      const list = await http.get(`/api/applications/${application.id}/notes`, owner.token);
      expect(list.body.map((n: any) => n.body)).toEqual(['Strong inpatient background.\nCall Tuesday.', 'Second opinion: agree.']);
      expect((await http.get(`/api/applications/${application.id}`, owner.token)).body.notes).toHaveLength(2);

      expect((await http.post(`/api/applications/${application.id}/notes`, { body: '   ' }, owner.token)).status).toBe(400);
      expect((await http.post(`/api/applications/${application.id}/notes`, { body: 'x'.repeat(5001) }, owner.token)).status).toBe(400);
    });
  });

  describe('across organizations and candidates', () => {
    it('answers another organization and candidates 404 or 403 for everything, and changes nothing', async () => {
      const candidate = await signUp(t.baseUrl, 'candidate', t.dataSource);
      const resumeId = await insertResume(t.dataSource, candidate.id);
      const application = await insertApplication(t.dataSource, job, candidate, { resumeId });
      const other = await signUp(t.baseUrl, 'candidate', t.dataSource);
      const id = application.id;

      const token = outsider.token;
      expect((await http.get(`/api/applications/${id}`, token)).status).toBe(404);
      expect((await http.patch(`/api/applications/${id}`, { status: 'reviewed' }, token)).status).toBe(404);
      expect((await http.get(`/api/applications/${id}/resume`, token)).status).toBe(404);
      expect((await http.get(`/api/applications/${id}/notes`, token)).status).toBe(404);
      expect((await http.post(`/api/applications/${id}/notes`, { body: 'Sneaky' }, token)).status).toBe(404);
      expect((await http.post(`/api/jobs/${job.id}/applications/reject`, { applicationIds: [id] }, token)).status).toBe(404);
      // The candidate who applied and another candidate: the employer's side is not theirs.
      for (const candidateToken of [candidate.token, other.token]) {
        expect((await http.get(`/api/applications/${id}`, candidateToken)).status).toBe(403);
        expect((await http.patch(`/api/applications/${id}`, { status: 'reviewed' }, candidateToken)).status).toBe(403);
        expect((await http.get(`/api/applications/${id}/notes`, candidateToken)).status).toBe(403);
        expect((await http.get(`/api/applications/${id}/resume`, candidateToken)).status).toBe(403);
      }
      expect(await applicationState(t.dataSource, id)).toMatchObject({ status: 'new', events: [{ status: 'new' }] });
      expect(await t.dataSource.query(`SELECT 1 FROM application_notes WHERE application_id = $1`, [id])).toEqual([]);
      expect(await viewsOf(candidate.id)).toEqual([]);
      // An unknown id is the same 404 as another organization's.
      expect((await http.get(`/api/applications/00000000-0000-4000-8000-000000000000`, owner.token)).status).toBe(404);
    });

    it('ends a removed member’s access on their next request', async () => {
      const application = await insertApplication(t.dataSource, job, await newCandidate());
      const recruiter = await signUp(t.baseUrl, 'employer', t.dataSource);
      await t.dataSource.query(`DELETE FROM organization_members WHERE user_id = $1`, [recruiter.id]);
      await t.dataSource.query(`INSERT INTO organization_members (organization_id, user_id, role) VALUES ($1, $2, 'recruiter')`, [
        owner.organizationId,
        recruiter.id,
      ]);
      expect((await http.get(`/api/applications/${application.id}`, recruiter.token)).status).toBe(200);
      await t.dataSource.query(`DELETE FROM organization_members WHERE user_id = $1`, [recruiter.id]);
      expect((await http.get(`/api/applications/${application.id}`, recruiter.token)).status).toBe(404);
      expect((await http.get(`/api/jobs/${job.id}/applications`, recruiter.token)).status).toBe(404);
    });

    it('keeps an anonymized application in the list, without the candidate’s details', async () => {
      const anonymousJob = await newJob();
      const application = await insertApplication(t.dataSource, anonymousJob, await newCandidate());
      await t.dataSource.query(
        `UPDATE applications SET candidate_id = NULL, candidate_name = 'Former candidate', candidate_email = NULL, anonymized_at = now() WHERE id = $1`,
        [application.id],
      );
      const list = await http.get(`/api/jobs/${anonymousJob.id}/applications`, owner.token);
      expect(list.body.applications[0].candidate).toMatchObject({ id: null, name: 'Former candidate', email: null, anonymized: true, credentials: [] });
      // Moving it on still works; nobody is emailed.
      expect((await http.patch(`/api/applications/${application.id}`, { status: 'rejected' }, owner.token)).status).toBe(200);
    });
  });

  describe('each member’s application emails', () => {
    it('reads and sets the member’s own choice; another organization’s is 404', async () => {
      const path = `/api/organizations/${owner.organizationId}/application-emails`;
      expect((await http.get(path, owner.token)).body).toEqual({
        organizationId: owner.organizationId,
        organizationName: 'Riverside Health',
        applicationEmails: 'instant',
      });
      const daily = await http.call('PUT', path, { body: { applicationEmails: 'daily' }, token: owner.token });
      expect(daily.status).toBe(200);
      expect(daily.body.applicationEmails).toBe('daily');
      const [member] = await t.dataSource.query(`SELECT application_emails, application_digest_sent_at FROM organization_members WHERE user_id = $1`, [
        owner.id,
      ]);
      expect(member.application_emails).toBe('daily');
      // The digest starts from the switch: earlier applications were emailed one by one.
      expect(Math.abs(member.application_digest_sent_at.getTime() - Date.now())).toBeLessThan(60_000);

      expect((await http.call('PUT', path, { body: { applicationEmails: 'weekly' }, token: owner.token })).status).toBe(400);
      expect((await http.call('PUT', path, { body: { applicationEmails: 'off' }, token: outsider.token })).status).toBe(404);
      expect((await http.get(path, outsider.token)).status).toBe(404);
      expect((await http.get(path, owner.token)).body.applicationEmails).toBe('daily');
      await http.call('PUT', path, { body: { applicationEmails: 'instant' }, token: owner.token });
    });
  });
});
