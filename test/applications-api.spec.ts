import { randomUUID } from 'node:crypto';
import { IdempotencyService } from '../src/applications/idempotency.service';
import { ScreeningQuestion } from '../src/jobs/job.entity';
import { insertJob, signUp, signUpAdmin, SignedUp, verifyOrganization } from './support/factories';
import { api, uniqueEmail } from './support/http';
import { createJob, jobBody } from './support/job-fixtures';
import { docxWithText, EXECUTABLE, pdfWithText, PDF_TYPE, postFile, uploadResume, zipBombDocx } from './support/candidate-fixtures';
import { startSmtpServer, TestSmtpServer } from './support/smtp';
import { createTestApp, TestApp } from './support/test-app';

const DAY = 86400_000;
const RECEIPT = 'Your job application was sent';
const NEW_APPLICATION = 'A new application for your job posting';

describe('applying over the API', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let employer: SignedUp;
  let otherEmployer: SignedUp;
  let questions: ScreeningQuestion[];
  let [cpc, years, encoders]: string[] = [];

  const client = () => api(t.baseUrl);
  const apply = (jobId: string, body: unknown, token: string, headers: Record<string, string> = {}) =>
    client().call('POST', `/api/jobs/${jobId}/applications`, { body, token, headers });
  const applicationRows = (jobId: string) =>
    t.dataSource.query(`SELECT * FROM applications WHERE job_id = $1 ORDER BY created_at`, [jobId]) as Promise<Array<Record<string, any>>>;
  const resumeCount = async (userId: string) => Number((await t.dataSource.query(`SELECT count(*) FROM resumes WHERE user_id = $1`, [userId]))[0].count);
  const answers = (cpcAnswer = 'yes') => [
    { questionId: cpc, answer: cpcAnswer },
    { questionId: years, answer: '3+ years' },
  ];

  /** A coder who verified their email, with (unless `withResume` is false) one PDF resume on the profile. */
  async function coder(withResume = true): Promise<SignedUp & { resumeId?: string }> {
    const user = await signUp(t.baseUrl, 'candidate', t.dataSource);
    await t.dataSource.query(`UPDATE users SET email_verified = true WHERE id = $1`, [user.id]);
    if (!withResume) return user;
    const resume = await uploadResume(t.baseUrl, user.token, { bytes: pdfWithText('Certified coder'), name: 'My resume.pdf', type: PDF_TYPE });
    return { ...user, resumeId: resume.id };
  }

  /** A published job of `employer`'s organization that takes applications here. */
  const onsiteJob = (overrides: Parameters<typeof insertJob>[2] = {}, organizationId = employer.organizationId!) =>
    insertJob(t.dataSource, organizationId, { applyMethod: 'onsite', applyUrl: null, screeningQuestions: questions, ...overrides });

  async function member(organizationId: string, applicationEmails: 'instant' | 'daily' | 'off'): Promise<string> {
    const email = uniqueEmail(`member-${applicationEmails}`);
    const [user] = await t.dataSource.query(
      `INSERT INTO users (email, password_hash, name, role, email_verified) VALUES ($1, 'x', 'Pat Member', 'employer', true) RETURNING id`,
      [email],
    );
    await t.dataSource.query(`INSERT INTO organization_members (organization_id, user_id, role, application_emails) VALUES ($1, $2, 'recruiter', $3)`, [
      organizationId,
      user.id,
      applicationEmails,
    ]);
    return email;
  }

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ SMTP_URL: smtp.url, RATE_LIMIT_AUTH_PER_IP: '1000', RATE_LIMIT_AUTH_PER_ACCOUNT: '1000' });
    employer = await signUp(t.baseUrl, 'employer', t.dataSource, 'Lakeside Health Partners');
    otherEmployer = await signUp(t.baseUrl, 'employer', t.dataSource, 'Riverbend Coding Services');
    await verifyOrganization(t.dataSource, employer.organizationId!);
    [cpc, years, encoders] = [randomUUID(), randomUUID(), randomUUID()];
    questions = [
      { id: cpc, kind: 'yes_no', text: 'Do you hold an active CPC?', required: true, knockoutAnswer: 'no' },
      { id: years, kind: 'choice', text: 'Years of E/M coding?', choices: ['None', '1–2 years', '3+ years'], required: true, knockoutAnswer: 'None' },
      { id: encoders, kind: 'text', text: 'Which encoders have you used?', required: false },
    ];
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  describe('a first application', () => {
    it('answers 201 with the application, sent with the default resume, and writes the first step of its timeline', async () => {
      const candidate = await coder();
      const job = await onsiteJob();
      const res = await apply(
        job.id,
        { coverLetter: 'I code E/M every day.', answers: [...answers(), { questionId: encoders, answer: '3M, Optum' }] },
        candidate.token,
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        id: expect.any(String),
        status: 'new',
        statusLabel: 'Applied',
        withdrawn: false,
        canWithdraw: true,
        job: {
          id: job.id,
          title: 'Outpatient Coder II',
          state: 'open',
          url: `/jobs/${job.id}/outpatient-coder-ii`,
          organization: { name: 'Lakeside Health Partners' },
        },
        resume: { id: candidate.resumeId, fileName: 'My resume.pdf' },
        coverLetter: 'I code E/M every day.',
        answers: [
          { questionId: cpc, question: 'Do you hold an active CPC?', answer: 'yes' },
          { questionId: years, question: 'Years of E/M coding?', answer: '3+ years' },
          { questionId: encoders, question: 'Which encoders have you used?', answer: '3M, Optum' },
        ],
        timeline: [{ status: 'new', label: 'Applied', at: res.body.appliedAt, message: null }],
      });
      // Which answers are flagged is the employer's business.
      expect(JSON.stringify(res.body)).not.toContain('knockout');

      const [row] = await applicationRows(job.id);
      expect(row).toMatchObject({
        id: res.body.id,
        organization_id: employer.organizationId,
        candidate_id: candidate.id,
        candidate_name: 'Test candidate',
        candidate_email: candidate.email,
        resume_id: candidate.resumeId,
        knockout: false,
        status: 'new',
      });
      const events = await t.dataSource.query(`SELECT status, actor_id FROM application_events WHERE application_id = $1`, [row.id]);
      expect(events).toEqual([{ status: 'new', actor_id: candidate.id }]);
    });

    it('flags knockout answers for the employer without rejecting the application', async () => {
      const candidate = await coder();
      const job = await onsiteJob();
      const res = await apply(job.id, { answers: answers('NO') }, candidate.token);
      expect(res.status).toBe(201);
      expect(res.body.status).toBe('new');
      expect(res.body.answers[0].answer).toBe('no');
      const [row] = await applicationRows(job.id);
      expect(row.knockout).toBe(true);
      expect(row.answers[0]).toEqual({ questionId: cpc, question: 'Do you hold an active CPC?', answer: 'no', knockout: true });
      expect(row.answers[1].knockout).toBe(false);
    });

    it('takes a multipart body with a new resume file, the cover letter and the answers as a JSON string; the file joins the profile', async () => {
      const candidate = await coder(false);
      const job = await onsiteJob();
      const docx = await docxWithText(['Jordan Lee', 'CPC, 6 years of orthopedic surgery coding']);
      const res = await postFile(
        `${t.baseUrl}/api/jobs/${job.id}/applications`,
        { bytes: docx, name: 'Jordan Lee.docx', type: 'application/octet-stream' },
        { token: candidate.token, fields: { coverLetter: 'Line one\r\nLine two', answers: JSON.stringify(answers()) } },
      );
      expect(res.status).toBe(201);
      expect(res.json.resume.fileName).toBe('Jordan Lee.docx');
      expect(res.json.coverLetter).toBe('Line one\nLine two');
      const profile = await client().get('/api/me/resumes', candidate.token);
      expect(profile.body.map((r: { id: string }) => r.id)).toContain(res.json.resume.id);
    });

    it('applies with a chosen resume of the candidate’s', async () => {
      const candidate = await coder();
      const second = await uploadResume(t.baseUrl, candidate.token, { bytes: pdfWithText('Second resume'), name: 'Outpatient.pdf', type: PDF_TYPE });
      const job = await onsiteJob({ screeningQuestions: [] });
      const res = await apply(job.id, { resumeId: second.id }, candidate.token);
      expect(res.status).toBe(201);
      expect(res.body.resume).toEqual({ id: second.id, fileName: 'Outpatient.pdf' });
    });

    it('emails the candidate a receipt, and the members who want each application a notice, through the mail queue', async () => {
      const candidate = await coder();
      const job = await onsiteJob({ title: 'Risk Adjustment Coder' });
      const instant = await member(employer.organizationId!, 'instant');
      const daily = await member(employer.organizationId!, 'daily');
      const off = await member(employer.organizationId!, 'off');
      const res = await apply(job.id, { answers: answers('no') }, candidate.token);
      expect(res.status).toBe(201);

      const receipt = await smtp.waitFor((m) => m.to.includes(candidate.email) && m.subject === RECEIPT);
      expect(receipt.text).toContain('Your application for "Risk Adjustment Coder" at Lakeside Health Partners was sent on');
      expect(receipt.text).toContain('Resume sent: My resume.pdf');
      expect(receipt.text).toContain(`${t.env.appUrl}/me/applications`);
      expect(receipt.html).toContain('<strong>Risk Adjustment Coder</strong>');

      const notice = await smtp.waitFor((m) => m.to.includes(instant) && m.subject === NEW_APPLICATION);
      expect(notice.text).toContain('Test candidate applied for "Risk Adjustment Coder"');
      expect(notice.text).toContain('One of their screening answers is an answer you asked us to flag.');
      expect(notice.text).toContain(`${t.env.appUrl}/employer/applications/${res.body.id}`);
      expect(notice.text).toContain(`${t.env.appUrl}/employer/jobs/${job.id}/applicants`);
      await smtp.waitFor((m) => m.to.includes(employer.email) && m.subject === NEW_APPLICATION && m.text.includes('Risk Adjustment Coder'));

      // Recorded in the same transaction as the application: the daily and the silent member have none.
      const recipients = (
        await t.dataSource.query(`SELECT to_address FROM emails WHERE template = 'application-new' AND to_address = ANY($1)`, [[instant, daily, off]])
      ).map((r: { to_address: string }) => r.to_address);
      expect(recipients).toEqual([instant]);
    });
  });

  describe('refusals that change nothing', () => {
    it('reports missing and wrong answers by question (422), and stores neither the application nor the uploaded file', async () => {
      const candidate = await coder(false);
      const job = await onsiteJob();
      const res = await postFile(
        `${t.baseUrl}/api/jobs/${job.id}/applications`,
        { bytes: pdfWithText('Resume'), name: 'resume.pdf', type: PDF_TYPE },
        { token: candidate.token, fields: { answers: JSON.stringify([{ questionId: years, answer: 'Ten years' }]) } },
      );
      expect(res.status).toBe(422);
      expect(res.json.details).toEqual({ [`answers.${cpc}`]: ['Answer this question.'], [`answers.${years}`]: ['Choose one of the answers offered.'] });
      expect(await applicationRows(job.id)).toEqual([]);
      expect(await resumeCount(candidate.id)).toBe(0);
    });

    it('refuses answers that are not a JSON array, and a cover letter over 10,000 characters', async () => {
      const candidate = await coder();
      const job = await onsiteJob({ screeningQuestions: [] });
      // As a multipart body carries it: a string that should hold a JSON array.
      const notJson = await apply(job.id, { answers: '{not json' }, candidate.token);
      expect(notJson.status).toBe(400);
      expect(notJson.body.details).toEqual({ answers: ['Send the answers as a JSON array of {questionId, answer}, each answer as text.'] });
      const notText = await apply(job.id, { answers: [{ questionId: cpc, answer: true }] }, candidate.token);
      expect(notText.status).toBe(400);

      const long = await apply(job.id, { coverLetter: 'a'.repeat(10_001) }, candidate.token);
      expect(long.status).toBe(400);
      expect(long.body.details.coverLetter).toEqual(['Keep your cover letter to 10,000 characters.']);
      // Line breaks count once, however the browser sent them.
      const exact = await apply(job.id, { coverLetter: `${'a'.repeat(4999)}\r\n${'b'.repeat(5000)}` }, candidate.token);
      expect(exact.status).toBe(201);
    });

    it('asks for a resume when the candidate has none, and refuses another candidate’s resume', async () => {
      const job = await onsiteJob({ screeningQuestions: [] });
      const withoutResume = await coder(false);
      const none = await apply(job.id, {}, withoutResume.token);
      expect(none.status).toBe(422);
      expect(none.body.details.resume).toEqual(['Attach a resume: upload a PDF or Word (.docx) file.']);

      const someoneElse = await coder();
      const theirs = await apply(job.id, { resumeId: someoneElse.resumeId }, withoutResume.token);
      expect(theirs.status).toBe(422);
      expect(theirs.body.details.resumeId).toEqual(['Choose one of the resumes on your profile.']);
      expect(await applicationRows(job.id)).toEqual([]);
    });

    it('checks the file from its bytes: a renamed executable 415, over 5 MB 413, a zip-bomb DOCX 422; nothing is stored', async () => {
      const candidate = await coder(false);
      const job = await onsiteJob({ screeningQuestions: [] });
      const send = (bytes: Buffer, name: string) =>
        postFile(`${t.baseUrl}/api/jobs/${job.id}/applications`, { bytes, name, type: 'application/pdf' }, { token: candidate.token });

      const executable = await send(EXECUTABLE, 'resume.pdf');
      expect(executable.status).toBe(415);
      expect(executable.json.details.resume[0]).toContain('Upload a PDF or a Word document');

      const large = await send(Buffer.concat([pdfWithText('Big'), Buffer.alloc(5 * 1024 * 1024)]), 'big.pdf');
      expect(large.status).toBe(413);

      const bomb = await send(await zipBombDocx(60), 'resume.docx');
      expect(bomb.status).toBe(422);
      expect(bomb.json.details.resume[0]).toContain('unpacks to far more than any resume');

      expect(await applicationRows(job.id)).toEqual([]);
      expect(await resumeCount(candidate.id)).toBe(0);
    });

    it('stores a hostile file name as a plain, safe one', async () => {
      const candidate = await coder(false);
      const job = await onsiteJob({ screeningQuestions: [] });
      const res = await postFile(
        `${t.baseUrl}/api/jobs/${job.id}/applications`,
        { bytes: pdfWithText('Resume'), name: '../../etc/<script>alert(1)</script>\r\nX-Injected: yes.pdf', type: PDF_TYPE },
        { token: candidate.token },
      );
      expect(res.status).toBe(201);
      expect(res.json.resume.fileName).not.toMatch(/[\\/\r\n<>]/);
      expect(res.json.resume.fileName).toMatch(/\.pdf$/);
    });

    it('refuses jobs that do not take applications: closed or expired 409, drafts and unknown ids 404, another site or email 409', async () => {
      const candidate = await coder();
      const past = new Date(Date.now() - DAY);
      const cases: Array<[Parameters<typeof insertJob>[2] | null, number, string]> = [
        [{ status: 'closed', closeReason: 'filled', closedAt: past }, 409, 'This job is closed and no longer accepts applications.'],
        [{ status: 'expired', validThrough: past }, 409, 'This job has expired and no longer accepts applications.'],
        [{ validThrough: past }, 409, 'This job has expired and no longer accepts applications.'],
        [{ status: 'draft', publishedAt: null }, 404, 'There is no job open for applications at this address.'],
        [{ status: 'pending_review' }, 404, 'There is no job open for applications at this address.'],
        [
          { applyMethod: 'url', applyUrl: 'https://careers.example.org/1' },
          409,
          'This employer takes applications on its own careers site: follow the link on the job page.',
        ],
        [{ applyMethod: 'email', applyEmail: 'jobs@example.org' }, 409, 'This employer takes applications by email: the address is on the job page.'],
      ];
      for (const [overrides, status, message] of cases) {
        const job = await onsiteJob({ screeningQuestions: [], ...overrides });
        const res = await apply(job.id, {}, candidate.token);
        expect([overrides, res.status, res.body.message]).toEqual([overrides, status, message]);
        expect(await applicationRows(job.id)).toEqual([]);
      }
      expect((await apply(randomUUID(), {}, candidate.token)).status).toBe(404);
      expect((await apply('not-a-job', {}, candidate.token)).status).toBe(404);
    });

    it('lets only coders with a verified email apply: employers and admins 403, unverified 403, signed out 401', async () => {
      const job = await onsiteJob({ screeningQuestions: [] });
      const employerRes = await apply(job.id, {}, employer.token);
      expect(employerRes.status).toBe(403);
      expect(employerRes.body.message).toBe('Only coder accounts can apply to jobs. Employer and administrator accounts cannot apply.');
      const admin = await signUpAdmin(t.baseUrl, t.dataSource);
      expect((await apply(job.id, {}, admin.token)).status).toBe(403);

      const unverified = await signUp(t.baseUrl, 'candidate', t.dataSource);
      const res = await apply(job.id, {}, unverified.token);
      expect(res.status).toBe(403);
      expect(res.body.message).toBe(`Verify your email address before you apply: open the link we sent to ${unverified.email}, or ask for a new one.`);

      expect((await client().call('POST', `/api/jobs/${job.id}/applications`, { body: {} })).status).toBe(401);
      expect(await applicationRows(job.id)).toEqual([]);
    });
  });

  describe('one application per candidate and job', () => {
    it('refuses a second application with 409, naming the first one’s date', async () => {
      const candidate = await coder();
      const job = await onsiteJob({ screeningQuestions: [] });
      expect((await apply(job.id, {}, candidate.token)).status).toBe(201);
      const again = await apply(job.id, { coverLetter: 'Once more' }, candidate.token);
      expect(again.status).toBe(409);
      expect(again.body.message).toMatch(/^You already applied to this job, on \w+ \d+, \d{4}\.$/);
      expect(await applicationRows(job.id)).toHaveLength(1);
    });

    it('keeps exactly one application when several requests arrive at once, and stores none of the losers’ files', async () => {
      const candidate = await coder(false);
      const job = await onsiteJob({ screeningQuestions: [] });
      const results = await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          postFile(
            `${t.baseUrl}/api/jobs/${job.id}/applications`,
            { bytes: pdfWithText(`Copy ${i}`), name: `copy-${i}.pdf`, type: PDF_TYPE },
            { token: candidate.token },
          ),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
      const rows = await applicationRows(job.id);
      expect(rows).toHaveLength(1);
      expect(await resumeCount(candidate.id)).toBe(1);
      const events = await t.dataSource.query(`SELECT count(*)::int AS n FROM application_events WHERE application_id = $1`, [rows[0].id]);
      expect(events[0].n).toBe(1);
    });
  });

  describe('the Idempotency-Key header', () => {
    it('answers the same key and body with the first answer again, and the same key with another body with 422', async () => {
      const candidate = await coder();
      const job = await onsiteJob({ screeningQuestions: [] });
      const key = randomUUID();
      const first = await apply(job.id, { coverLetter: 'Hello' }, candidate.token, { 'idempotency-key': key });
      expect(first.status).toBe(201);
      expect(first.headers.get('idempotent-replayed')).toBeNull();

      const again = await apply(job.id, { coverLetter: 'Hello' }, candidate.token, { 'idempotency-key': key });
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.body).toEqual(first.body);

      const other = await apply(job.id, { coverLetter: 'Hello, again' }, candidate.token, { 'idempotency-key': key });
      expect(other.status).toBe(422);
      expect(other.body.details['Idempotency-Key']).toEqual(['This key was already used with a different request. Use a new key for a new request.']);

      // Another key is another request: the job is already applied to.
      expect((await apply(job.id, { coverLetter: 'Hello' }, candidate.token, { 'idempotency-key': randomUUID() })).status).toBe(409);
      expect(await applicationRows(job.id)).toHaveLength(1);
    });

    it('gives parallel requests with one key the same application', async () => {
      const candidate = await coder();
      const job = await onsiteJob({ screeningQuestions: [] });
      const key = randomUUID();
      const results = await Promise.all(Array.from({ length: 4 }, () => apply(job.id, { coverLetter: 'Hi' }, candidate.token, { 'idempotency-key': key })));
      expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201]);
      expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
      expect(await applicationRows(job.id)).toHaveLength(1);
    });

    it('replays a multipart request only with the same file', async () => {
      const candidate = await coder(false);
      const job = await onsiteJob({ screeningQuestions: [] });
      const key = randomUUID();
      // postFile sends no extra headers: the keyed requests go through fetch.
      const keyed = async (text: string) => {
        const form = new FormData();
        form.append('resume', new Blob([pdfWithText(text)], { type: PDF_TYPE }), 'cv.pdf');
        const res = await fetch(`${t.baseUrl}/api/jobs/${job.id}/applications`, {
          method: 'POST',
          headers: { authorization: `Bearer ${candidate.token}`, 'idempotency-key': key },
          body: form,
        });
        return { status: res.status, body: await res.json() };
      };
      const first = await keyed('Same resume');
      expect(first.status).toBe(201);
      expect(await keyed('Same resume')).toEqual(first);
      expect((await keyed('Another resume')).status).toBe(422);
      expect(await resumeCount(candidate.id)).toBe(1);
    });

    it('forgets an answer after 24 hours: the key may then be used for a new request, and the daily clean-up deletes it', async () => {
      const candidate = await coder();
      const [first, second] = [await onsiteJob({ screeningQuestions: [] }), await onsiteJob({ screeningQuestions: [] })];
      const key = randomUUID();
      expect((await apply(first.id, {}, candidate.token, { 'idempotency-key': key })).status).toBe(201);
      await t.dataSource.query(`UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = $1`, [key]);
      expect((await apply(second.id, {}, candidate.token, { 'idempotency-key': key })).status).toBe(201);

      await t.dataSource.query(`UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = $1`, [key]);
      expect(await t.app.get(IdempotencyService).prune()).toBeGreaterThanOrEqual(1);
      expect(await t.dataSource.query(`SELECT 1 FROM idempotency_keys WHERE key = $1`, [key])).toEqual([]);
    });

    it('keeps no answer to a refused request, so the corrected request may reuse the key; a malformed key is 400', async () => {
      const candidate = await coder();
      const job = await onsiteJob();
      const key = randomUUID();
      expect((await apply(job.id, { answers: [] }, candidate.token, { 'idempotency-key': key })).status).toBe(422);
      expect((await apply(job.id, { answers: answers() }, candidate.token, { 'idempotency-key': key })).status).toBe(201);
      expect((await apply(job.id, {}, candidate.token, { 'idempotency-key': 'x'.repeat(256) })).status).toBe(400);
    });
  });

  describe('withdrawing and the candidate’s list', () => {
    it('withdraws an open application once; the employer’s record shows it withdrawn, with who and when', async () => {
      const candidate = await coder();
      const job = await onsiteJob({ screeningQuestions: [] });
      const { body: application } = await apply(job.id, {}, candidate.token);

      const res = await client().post(`/api/applications/${application.id}/withdraw`, undefined, candidate.token);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: application.id, status: 'withdrawn', statusLabel: 'Withdrawn', withdrawn: true, canWithdraw: false });
      expect(res.body.timeline.map((s: { status: string }) => s.status)).toEqual(['new', 'withdrawn']);
      const events = await t.dataSource.query(`SELECT status, actor_id FROM application_events WHERE application_id = $1 ORDER BY created_at`, [
        application.id,
      ]);
      expect(events).toEqual([
        { status: 'new', actor_id: candidate.id },
        { status: 'withdrawn', actor_id: candidate.id },
      ]);

      const again = await client().post(`/api/applications/${application.id}/withdraw`, undefined, candidate.token);
      expect(again.status).toBe(409);
      expect(again.body.message).toBe('You have already withdrawn this application.');
    });

    it('refuses to withdraw a decided application (409), and answers anyone else 404 with nothing changed', async () => {
      const candidate = await coder();
      const job = await onsiteJob({ screeningQuestions: [] });
      const { body: application } = await apply(job.id, {}, candidate.token);
      const intruder = await coder();
      for (const token of [intruder.token]) {
        expect((await client().post(`/api/applications/${application.id}/withdraw`, undefined, token)).status).toBe(404);
      }
      expect((await client().post(`/api/applications/${application.id}/withdraw`, undefined, employer.token)).status).toBe(403);
      expect((await client().post(`/api/applications/${randomUUID()}/withdraw`, undefined, candidate.token)).status).toBe(404);
      expect((await client().post(`/api/applications/nope/withdraw`, undefined, candidate.token)).status).toBe(404);
      expect((await applicationRows(job.id))[0].status).toBe('new');

      await t.dataSource.query(`UPDATE applications SET status = 'hired' WHERE id = $1`, [application.id]);
      const decided = await client().post(`/api/applications/${application.id}/withdraw`, undefined, candidate.token);
      expect(decided.status).toBe(409);
      expect(decided.body.message).toBe('This application can no longer be withdrawn: its status is “Hired”.');
    });

    it('lists only the candidate’s own applications, newest first, with company, status, job state and the dated timeline', async () => {
      const candidate = await coder();
      const other = await coder();
      const first = await createJob(t.baseUrl, employer.token, { title: 'Inpatient DRG Coder', apply: { method: 'onsite' }, publish: true });
      const second = await onsiteJob({ screeningQuestions: [], title: 'Pro-fee Coder' }, otherEmployer.organizationId!);
      const a = await apply(first.id, {}, candidate.token);
      const b = await apply(second.id, {}, candidate.token);
      await apply(second.id, {}, other.token);
      await client().post(`/api/applications/${b.body.id}/withdraw`, undefined, candidate.token);
      // Closed early, not filled: a filled job also closes its waiting applications (the pipeline's business).
      expect((await client().post(`/api/jobs/${first.id}/close`, { reason: 'closed' }, employer.token)).status).toBe(200);

      const res = await client().get('/api/me/applications', candidate.token);
      expect(res.status).toBe(200);
      expect(res.body.map((x: { id: string }) => x.id)).toEqual([b.body.id, a.body.id]);
      expect(res.body[0]).toMatchObject({
        status: 'withdrawn',
        withdrawn: true,
        job: { title: 'Pro-fee Coder', state: 'open', organization: { name: 'Riverbend Coding Services' } },
      });
      expect(res.body[0].timeline.map((s: { label: string }) => s.label)).toEqual(['Applied', 'Withdrawn']);
      expect(Date.parse(res.body[0].timeline[1].at)).toBeGreaterThanOrEqual(Date.parse(res.body[0].timeline[0].at));
      expect(res.body[1]).toMatchObject({
        status: 'new',
        job: { title: 'Inpatient DRG Coder', state: 'closed', stateLabel: 'Closed by the employer' },
      });

      expect((await client().get('/api/me/applications', employer.token)).status).toBe(403);
      expect((await client().get('/api/me/applications')).status).toBe(401);
    });
  });

  describe('screening questions on postings', () => {
    const question = (overrides: Record<string, unknown> = {}) => ({ kind: 'yes_no', text: 'Do you hold an active CPC?', knockoutAnswer: 'No', ...overrides });

    it('saves up to five questions with ids, keeps ids across edits, and copies them into a duplicate', async () => {
      const job = await createJob(t.baseUrl, employer.token, {
        apply: { method: 'onsite' },
        screeningQuestions: [question(), { kind: 'choice', text: 'Years of E/M coding?', choices: ['None', '3+'], required: false }],
      });
      expect(job.screeningQuestions).toEqual([
        { id: expect.any(String), kind: 'yes_no', text: 'Do you hold an active CPC?', required: true, knockoutAnswer: 'no' },
        { id: expect.any(String), kind: 'choice', text: 'Years of E/M coding?', choices: ['None', '3+'], required: false },
      ]);
      const [kept] = job.screeningQuestions;
      const edited = await client().patch(`/api/jobs/${job.id}`, { screeningQuestions: [{ ...kept, text: 'Is your CPC active today?' }] }, employer.token);
      expect(edited.status).toBe(200);
      expect(edited.body.screeningQuestions).toEqual([{ ...kept, text: 'Is your CPC active today?' }]);

      const copy = await client().post(`/api/jobs/${job.id}/duplicate`, undefined, employer.token);
      expect(copy.body.screeningQuestions).toEqual(edited.body.screeningQuestions);
    });

    it('reports each question’s problems by field, and refuses a sixth question', async () => {
      const res = await client().post(
        '/api/jobs',
        {
          ...jobBody({ apply: { method: 'onsite' } }),
          screeningQuestions: [question({ knockoutAnswer: 'maybe' }), question({ kind: 'choice', choices: ['Only'] }), question({ id: randomUUID() })],
        },
        employer.token,
      );
      expect(res.status).toBe(422);
      expect(Object.keys(res.body.details).sort()).toEqual([
        'screeningQuestions.0.knockoutAnswer',
        'screeningQuestions.1.choices',
        'screeningQuestions.1.knockoutAnswer',
        'screeningQuestions.2.id',
      ]);
      const six = await client().post('/api/jobs', { ...jobBody(), screeningQuestions: Array.from({ length: 6 }, () => question()) }, employer.token);
      expect(six.status).toBe(400);
      expect(six.body.details.screeningQuestions).toEqual(['Ask at most 5 screening questions.']);
    });

    it('shows the flagged answers to the organization only', async () => {
      const job = await createJob(t.baseUrl, employer.token, { apply: { method: 'onsite' }, screeningQuestions: [question()], publish: true });
      const visitor = await client().get(`/api/jobs/${job.id}`);
      expect(visitor.body.screeningQuestions).toEqual([
        { id: job.screeningQuestions[0].id, kind: 'yes_no', text: 'Do you hold an active CPC?', required: true },
      ]);
      const stranger = await client().get(`/api/jobs/${job.id}`, otherEmployer.token);
      expect(stranger.body.screeningQuestions[0].knockoutAnswer).toBeUndefined();
      const team = await client().get(`/api/jobs/${job.id}`, employer.token);
      expect(team.body.screeningQuestions[0].knockoutAnswer).toBe('no');
    });
  });
});
