import { randomUUID } from 'node:crypto';
import hbs from 'hbs';
import { ScreeningQuestion } from '../src/jobs/job.entity';
import { jobPath } from '../src/jobs/job-paths';
import { Browser, csrfOf } from './support/browser';
import { EXECUTABLE, pdfWithText, PDF_TYPE, postFile, signedInBrowser, uploadResume, UploadFile, UploadResult } from './support/candidate-fixtures';
import { insertJob, signUp, SignedUp, verifyOrganization } from './support/factories';
import { api } from './support/http';
import { startSmtpServer, TestSmtpServer } from './support/smtp';
import { createTestApp, TestApp } from './support/test-app';

const DAY = 86400_000;
/** What a browser sends for a file input left empty: a part with an empty file name. */
const NO_FILE: UploadFile = { bytes: Buffer.alloc(0), name: '', type: 'application/octet-stream' };

/** The message shown under the input `name` of a refused form. */
function errorOf(page: { text?: string; html: string }, name: string): string | undefined {
  const id = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`<p class="field-error" id="${id}-error">([^<]*)</p>`).exec(page.html)?.[1].trim();
}

/** What Handlebars makes of a value in {{ }}. */
const esc = (value: string) => hbs.handlebars.Utils.escapeExpression(value);

function jsonLd(html: string): Record<string, unknown> {
  return JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]);
}

describe('applying on the web', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let employer: SignedUp;
  let questions: ScreeningQuestion[];

  const rows = (jobId: string) => t.dataSource.query(`SELECT * FROM applications WHERE job_id = $1`, [jobId]) as Promise<Array<Record<string, any>>>;
  const onsiteJob = (overrides: Parameters<typeof insertJob>[2] = {}) =>
    insertJob(t.dataSource, employer.organizationId!, { applyMethod: 'onsite', applyUrl: null, screeningQuestions: questions, ...overrides });

  /** A coder signed in on the web, verified unless told otherwise, with a resume on the profile unless told otherwise. */
  async function coder(options: { verified?: boolean; resume?: boolean } = {}): Promise<{ b: Browser; account: SignedUp; resumeId?: string }> {
    const account = await signUp(t.baseUrl, 'candidate', t.dataSource);
    if (options.verified !== false) await t.dataSource.query(`UPDATE users SET email_verified = true WHERE id = $1`, [account.id]);
    const resume =
      options.resume === false
        ? undefined
        : await uploadResume(t.baseUrl, account.token, { bytes: pdfWithText('Coder'), name: 'Sam resume.pdf', type: PDF_TYPE });
    return { b: await signedInBrowser(t.baseUrl, account.email), account, resumeId: resume?.id };
  }

  /** Submits the job page's apply form as a browser does: multipart, with the page's CSRF token and the browser's cookies. */
  async function submitApplication(
    b: Browser,
    path: string,
    fields: Record<string, string>,
    file: UploadFile = NO_FILE,
  ): Promise<UploadResult & { html: string }> {
    const page = await b.get(path);
    const action = /<form method="post" action="([^"]+\/apply)"/.exec(page.html)?.[1] ?? `${path.split('/').slice(0, 3).join('/')}/apply`;
    const res = await postFile(`${t.baseUrl}${action}`, file, { cookies: b.cookies, fields: { _csrf: csrfOf(page.html), ...fields } });
    return { ...res, html: res.text };
  }

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ SMTP_URL: smtp.url, RATE_LIMIT_AUTH_PER_IP: '1000', RATE_LIMIT_AUTH_PER_ACCOUNT: '1000' });
    employer = await signUp(t.baseUrl, 'employer', t.dataSource, 'Lakeside Health Partners');
    await verifyOrganization(t.dataSource, employer.organizationId!);
    questions = [
      { id: randomUUID(), kind: 'yes_no', text: 'Do you hold an active CPC?', required: true, knockoutAnswer: 'no' },
      { id: randomUUID(), kind: 'choice', text: 'Years of E/M coding?', choices: ['None', '1–2 years', '3+ years'], required: false },
      { id: randomUUID(), kind: 'text', text: 'Which encoders have you used?', required: false },
    ];
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  describe('the job page', () => {
    it('asks a visitor to sign in to apply, and tells search engines the job takes applications here', async () => {
      const job = await onsiteJob();
      const page = await new Browser(t.baseUrl).get(jobPath(job));
      expect(page.status).toBe(200);
      expect(page.text).toContain('How to apply Sign in to apply');
      expect(page.html).toContain(`href="/jobs/${job.id}/apply">Sign in to apply</a>`);
      const signIn = await new Browser(t.baseUrl).get(`/jobs/${job.id}/apply`);
      expect(signIn.status).toBe(303);
      expect(signIn.location).toBe(`/login?next=${encodeURIComponent(jobPath(job))}`);
      expect(page.html).toContain(`href="${esc(`/register?role=candidate&next=${encodeURIComponent(jobPath(job))}`)}">Create a coder account</a>`);
      expect(page.html).not.toContain('enctype="multipart/form-data"');
      expect(jsonLd(page.html).directApply).toBe(true);
    });

    it('tells employers they cannot apply', async () => {
      const job = await onsiteJob();
      const b = await signedInBrowser(t.baseUrl, employer.email);
      const page = await b.get(jobPath(job));
      expect(page.text).toContain('Employer and administrator accounts cannot apply.');
      expect(page.html).not.toContain('enctype="multipart/form-data"');
    });

    it('asks an unverified coder to verify first, and sends a new link from the page, coming back to it', async () => {
      const job = await onsiteJob();
      const { b, account } = await coder({ verified: false });
      const page = await b.get(jobPath(job));
      expect(page.text).toContain(`Verify your email address to apply: open the link we sent to ${account.email}.`);
      const resend = await b.post(`/jobs/${job.id}/verify-email/resend`, { _csrf: csrfOf(page.html) });
      expect(resend.status).toBe(303);
      expect(resend.location).toBe(jobPath(job));
      expect((await b.get(jobPath(job))).text).toContain(`We have sent a new link to ${account.email}.`);
      await smtp.waitFor(
        (m) =>
          m.to.includes(account.email) &&
          m.subject === 'Verify your email address for CareerCenter' &&
          smtp.messages.filter((x) => x.to.includes(account.email)).length >= 2,
      );

      // Applying anyway is refused on the page itself.
      const refused = await submitApplication(b, jobPath(job), { resumeId: '' });
      expect(refused.status).toBe(403);
      expect(refused.html).toContain('Verify your email address before you apply');
      expect(await rows(job.id)).toEqual([]);
    });

    it('shows a verified coder the form: their resumes (the default chosen), the questions and a cover letter', async () => {
      const job = await onsiteJob();
      const { b, resumeId } = await coder();
      const page = await b.get(jobPath(job));
      expect(page.html).toContain(`<input type="radio" id="resumeId-${resumeId}" name="resumeId" value="${resumeId}" checked>`);
      expect(page.text).toContain('Sam resume.pdf');
      expect(page.html).toContain('<input type="file" id="resume" name="resume"');
      expect(page.text).toContain('Do you hold an active CPC? Yes No');
      expect(page.text).toContain('Years of E/M coding? Optional None 1–2 years 3+ years');
      expect(page.html).toContain(`<textarea id="answers.${questions[2].id}" name="answers.${questions[2].id}"`);
      expect(page.html).toContain('<textarea id="coverLetter" name="coverLetter" rows="8" maxlength="10000"');
      // Nothing tells the candidate which answer is flagged.
      expect(page.html).not.toContain('knockout');
    });
  });

  describe('sending the form', () => {
    it('applies with a chosen resume, then shows “Applied on <date>” instead of the form', async () => {
      const job = await onsiteJob({ title: 'Surgery Coder' });
      const { b, account, resumeId } = await coder();
      const res = await submitApplication(b, jobPath(job), {
        resumeId: resumeId!,
        [`answers.${questions[0].id}`]: 'yes',
        [`answers.${questions[1].id}`]: '3+ years',
        [`answers.${questions[2].id}`]: '',
        coverLetter: 'Six years of orthopedic surgery coding.',
      });
      expect(res.status).toBe(303);
      expect(res.location).toBe(jobPath(job));

      const page = await b.get(jobPath(job));
      expect(page.text).toContain('Your application for “Surgery Coder” is on its way to Lakeside Health Partners. We have emailed you a receipt.');
      expect(page.text).toMatch(/How to apply Applied on \w+ \d+, \d{4} Status: Applied Follow your applications/);
      expect(page.html).not.toContain('enctype="multipart/form-data"');

      const [row] = await rows(job.id);
      expect(row).toMatchObject({ candidate_id: account.id, resume_id: resumeId, cover_letter: 'Six years of orthopedic surgery coding.', knockout: false });
      expect(row.answers.map((a: { answer: string }) => a.answer)).toEqual(['yes', '3+ years']);
      await smtp.waitFor((m) => m.to.includes(account.email) && m.subject === 'Your job application was sent');
    });

    it('applies with a new file chosen in the form', async () => {
      const job = await onsiteJob({ screeningQuestions: [] });
      const { b, account } = await coder({ resume: false });
      const page = await b.get(jobPath(job));
      expect(page.html).not.toContain('name="resumeId"');
      const res = await submitApplication(b, jobPath(job), {}, { bytes: pdfWithText('New resume'), name: 'Fresh.pdf', type: PDF_TYPE });
      expect(res.status).toBe(303);
      const [row] = await rows(job.id);
      const [resume] = await t.dataSource.query(`SELECT file_name, user_id FROM resumes WHERE id = $1`, [row.resume_id]);
      expect(resume).toEqual({ file_name: 'Fresh.pdf', user_id: account.id });
    });

    it('shows the page again with 422, each message by its question, and what was typed; nothing is saved', async () => {
      const job = await onsiteJob();
      const { b, resumeId } = await coder();
      const res = await submitApplication(b, jobPath(job), {
        resumeId: resumeId!,
        [`answers.${questions[1].id}`]: 'Forty years',
        coverLetter: 'Dear team,\r\nI would love to help.',
      });
      expect(res.status).toBe(422);
      expect(res.html).toContain('<h2 id="error-summary-title">Some answers need attention.</h2>');
      expect(errorOf(res, `answers.${questions[0].id}`)).toBe('Answer this question.');
      expect(errorOf(res, `answers.${questions[1].id}`)).toBe('Choose one of the answers offered.');
      expect(res.html).toContain('>Dear team,\r\nI would love to help.</textarea>');
      expect(res.html).toContain(`value="${resumeId}" checked>`);
      expect(res.html).toContain('<h1 id="job-title">Outpatient Coder II</h1>');
      expect(await rows(job.id)).toEqual([]);
    });

    it('refuses a renamed executable with 415 beside the file input, and asks for a file when “a new file” has none', async () => {
      const job = await onsiteJob({ screeningQuestions: [] });
      const { b } = await coder();
      const executable = await submitApplication(b, jobPath(job), { resumeId: 'upload' }, { bytes: EXECUTABLE, name: 'resume.pdf', type: PDF_TYPE });
      expect(executable.status).toBe(415);
      expect(errorOf(executable, 'resume')).toContain('Upload a PDF or a Word document');
      expect(executable.html).toContain('value="upload" checked>');

      const noFile = await submitApplication(b, jobPath(job), { resumeId: 'upload' });
      expect(noFile.status).toBe(422);
      expect(errorOf(noFile, 'resume')).toBe('Choose a PDF or Word (.docx) file to upload, or one of your resumes.');
      expect(await rows(job.id)).toEqual([]);
    });

    it('answers a second application with 409 and the page showing the first; a closed job with its 409 “no longer accepting” page', async () => {
      const job = await onsiteJob({ screeningQuestions: [] });
      const { b, resumeId } = await coder();
      const first = await b.get(jobPath(job));
      const second = b.clone();
      // Two tabs opened before applying: the second submits after the first.
      expect(
        (await postFile(`${t.baseUrl}/jobs/${job.id}/apply`, NO_FILE, { cookies: b.cookies, fields: { _csrf: csrfOf(first.html), resumeId: resumeId! } }))
          .status,
      ).toBe(303);
      const again = await postFile(`${t.baseUrl}/jobs/${job.id}/apply`, NO_FILE, {
        cookies: second.cookies,
        fields: { _csrf: csrfOf(first.html), resumeId: resumeId! },
      });
      expect(again.status).toBe(409);
      expect(again.text).toMatch(/You already applied to this job, on \w+ \d+, \d{4}\./);
      expect(again.text).toContain('Status: Applied');
      expect(await rows(job.id)).toHaveLength(1);

      const closed = await onsiteJob({ screeningQuestions: [] });
      const page = await b.get(jobPath(closed));
      await t.dataSource.query(`UPDATE jobs SET status = 'closed', close_reason = 'filled', closed_at = $2 WHERE id = $1`, [
        closed.id,
        new Date(Date.now() - DAY),
      ]);
      const late = await postFile(`${t.baseUrl}/jobs/${closed.id}/apply`, NO_FILE, {
        cookies: b.cookies,
        fields: { _csrf: csrfOf(page.html), resumeId: resumeId! },
      });
      expect(late.status).toBe(409);
      expect(late.text).toContain('This job is no longer accepting applications');
      expect(await rows(closed.id)).toEqual([]);
    });

    it('sends a signed-out visitor to sign in, and refuses a form without its CSRF token', async () => {
      const job = await onsiteJob({ screeningQuestions: [] });
      const visitor = await postFile(`${t.baseUrl}/jobs/${job.id}/apply`, NO_FILE, { cookies: new Map(), fields: {} });
      expect(visitor.status).toBe(303);
      expect(visitor.location).toMatch(/^\/login\?next=/);
      const { b, resumeId } = await coder();
      const forged = await postFile(`${t.baseUrl}/jobs/${job.id}/apply`, NO_FILE, { cookies: b.cookies, fields: { resumeId: resumeId! } });
      expect(forged.status).toBe(403);
      expect(await rows(job.id)).toEqual([]);
    });
  });

  describe('the coder’s applications page', () => {
    it('lists each application with its company, status and dated timeline, and withdraws one', async () => {
      const job = await onsiteJob({ screeningQuestions: [], title: 'Coding Auditor' });
      const { b, account } = await coder();
      const applied = await api(t.baseUrl).post(`/api/jobs/${job.id}/applications`, { coverLetter: 'Audits are my thing.' }, account.token);
      expect(applied.status).toBe(201);

      const page = await b.get('/me/applications');
      expect(page.status).toBe(200);
      expect(page.text).toMatch(/Coding Auditor Lakeside Health Partners Applied on \w+ \d+, \d{4} Applied \w+ \d+, \d{4} : Applied/);
      expect(page.text).toContain('Cover letter Audits are my thing.');

      const withdrawn = await b.post(`/me/applications/${applied.body.id}/withdraw`, { _csrf: csrfOf(page.html) });
      expect(withdrawn.status).toBe(303);
      expect(withdrawn.location).toBe('/me/applications');
      const after = await b.get('/me/applications');
      expect(after.text).toContain('You have withdrawn your application for “Coding Auditor” at Lakeside Health Partners.');
      expect(after.text).toMatch(/\d{4} : Withdrawn/);
      expect(after.html).not.toContain(`/me/applications/${applied.body.id}/withdraw`);
      expect((await b.get(jobPath(job))).text).toContain('You withdrew this application.');

      // A second tab's stale button: the page again, saying why.
      const stale = await b.post(`/me/applications/${applied.body.id}/withdraw`, { _csrf: csrfOf(page.html) });
      expect(stale.status).toBe(409);
      expect(stale.text).toContain('You have already withdrawn this application.');
      expect(stale.text).toContain('Coding Auditor');
    });

    it('answers another coder’s withdrawal 404 with nothing changed, and is for coders only', async () => {
      const job = await onsiteJob({ screeningQuestions: [] });
      const { account } = await coder();
      const applied = await api(t.baseUrl).post(`/api/jobs/${job.id}/applications`, {}, account.token);
      const { b: intruder } = await coder();
      const page = await intruder.get('/me/applications');
      expect(page.text).toContain('You have not applied to any job yet.');
      const res = await intruder.post(`/me/applications/${applied.body.id}/withdraw`, { _csrf: csrfOf(page.html) });
      expect(res.status).toBe(404);
      expect((await rows(job.id))[0].status).toBe('new');
      expect((await (await signedInBrowser(t.baseUrl, employer.email)).get('/me/applications')).status).toBe(403);
    });
  });

  describe('screening questions in the employer’s posting form', () => {
    const posting = (fields: Record<string, string | string[]>) => ({
      title: 'Remote Coder I',
      description: 'Code professional-fee E/M visits from home for a growing practice.',
      employmentType: 'FULL_TIME',
      workplace: 'remote',
      remoteScope: 'any',
      specialties: 'cpt-evaluation-management',
      applyMethod: 'onsite',
      intent: 'draft',
      ...fields,
    });

    it('saves the filled rows as questions, keeps each one’s id when edited, and shows them in the edit form', async () => {
      const b = await signedInBrowser(t.baseUrl, employer.email);
      const created = await b.submit(
        '/employer/jobs/new',
        '/employer/jobs/new',
        posting({
          question1Text: 'Do you hold an active CPC?',
          question1Kind: 'yes_no',
          question1Knockout: 'No',
          question2Text: '',
          question2Kind: 'yes_no',
          question3Text: 'Years of E/M coding?',
          question3Kind: 'choice',
          question3Choices: 'None\r\n1–2 years\r\n3+ years',
          question3Optional: 'yes',
        }),
      );
      expect(created.status).toBe(303);
      const [job] = await t.dataSource.query(`SELECT id, screening_questions FROM jobs WHERE title = 'Remote Coder I' ORDER BY created_at DESC LIMIT 1`);
      expect(job.screening_questions).toEqual([
        { id: expect.any(String), kind: 'yes_no', text: 'Do you hold an active CPC?', required: true, knockoutAnswer: 'no' },
        { id: expect.any(String), kind: 'choice', text: 'Years of E/M coding?', choices: ['None', '1–2 years', '3+ years'], required: false },
      ]);

      const edit = await b.get(`/employer/jobs/${job.id}/edit`);
      expect(edit.html).toContain(`<input type="hidden" name="question1Id" value="${job.screening_questions[0].id}">`);
      // (\s*: the form's fields are an indented standalone partial, which Handlebars indents line by line.)
      expect(edit.html).toMatch(/>None\n\s*1–2 years\n\s*3\+ years<\/textarea>/);
      const saved = await b.post(`/employer/jobs/${job.id}/edit`, {
        _csrf: csrfOf(edit.html),
        ...posting({
          question1Id: job.screening_questions[1].id,
          question1Text: 'Years of E/M coding, in total?',
          question1Kind: 'choice',
          question1Choices: 'None\n3+ years',
        }),
      });
      expect(saved.status).toBe(303);
      const [after] = await t.dataSource.query(`SELECT screening_questions FROM jobs WHERE id = $1`, [job.id]);
      expect(after.screening_questions).toEqual([
        { id: job.screening_questions[1].id, kind: 'choice', text: 'Years of E/M coding, in total?', choices: ['None', '3+ years'], required: true },
      ]);

      const preview = await b.get(`/employer/jobs/${job.id}/preview`);
      expect(preview.text).toContain('Coders apply here on CareerCenter with their resume and an optional cover letter.');
    });

    it('shows each problem beside the question’s own input, in the row it was typed in', async () => {
      const b = await signedInBrowser(t.baseUrl, employer.email);
      const refused = await b.submit(
        '/employer/jobs/new',
        '/employer/jobs/new',
        posting({
          question2Text: 'Pick your strongest area',
          question2Kind: 'choice',
          question2Choices: 'Surgery\nRadiology',
          question2Knockout: 'Cardiology',
        }),
      );
      expect(refused.status).toBe(422);
      expect(errorOf(refused, 'question2Knockout')).toBe('The answer to flag must be one of the choices.');
      expect(refused.html).toMatch(/>Surgery\n\s*Radiology<\/textarea>/);
      expect(refused.html).toMatch(/<details class="check-details question-row" open>\s*<summary>Question 2<\/summary>/);
    });
  });
});
