import { ApplicationDigest } from '../src/applications/pipeline/application-digest';
import { JOB_FILLED_MESSAGE, JOB_FILLED_QUEUE } from '../src/applications/pipeline/job-filled-notices';
import { Clock } from '../src/common/clock';
import { Job } from '../src/jobs/job.entity';
import { QueueService } from '../src/queue/queue.service';
import { Applicant, applicationState, insertApplication, insertCandidate } from './support/applicant-fixtures';
import { eventually } from './support/eventually';
import { insertJob, SignedUp, signUp } from './support/factories';
import { api } from './support/http';
import { ReceivedMail, startSmtpServer, TestSmtpServer } from './support/smtp';
import { createTestApp, TestApp } from './support/test-app';

const DAY_MS = 86400_000;
const STATUS_SUBJECT = 'An update on your job application';
const FILLED_SUBJECT = 'A job you applied to has been filled';
const DIGEST_SUBJECT = 'Your daily summary of new applications';

describe('pipeline emails', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let http: ReturnType<typeof api>;
  let owner: SignedUp;
  let job: Job;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ SMTP_URL: smtp.url, RATE_LIMIT_AUTH_PER_IP: '1000', APP_URL: 'https://jobs.example.org' });
    http = api(t.baseUrl);
    owner = await signUp(t.baseUrl, 'employer', t.dataSource, 'Riverside Health');
    job = await insertJob(t.dataSource, owner.organizationId!, { title: 'Inpatient Coder', applyMethod: 'onsite', applyUrl: null });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });
  afterEach(() => jest.restoreAllMocks());

  const moveClock = (to: Date) => jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(to);
  const mailTo = (applicant: Applicant, subject: string) => smtp.waitFor((m) => m.to.includes(applicant.email) && m.subject === subject);
  /** Every email recorded for `address` with `template`, sent or still queued: what was decided, without waiting for delivery. */
  const recorded = (address: string, template: string): Promise<unknown[]> =>
    t.dataSource.query(`SELECT id FROM emails WHERE to_address = $1 AND template = $2`, [address, template]);

  describe('to the candidate when the stage changes', () => {
    it('invites to interview kindly, with the employer’s personal message in both parts', async () => {
      const candidate = await insertCandidate(t.dataSource, 'Jordan Lee');
      const application = await insertApplication(t.dataSource, job, candidate, { status: 'shortlisted' });
      const res = await http.patch(
        `/api/applications/${application.id}`,
        { status: 'interviewing', message: 'Could you do Tuesday at 10?\nBring your CPC card.' },
        owner.token,
      );
      expect(res.status).toBe(200);

      const mail = await mailTo(candidate, STATUS_SUBJECT);
      expect(mail.text).toContain('Hi Jordan Lee,');
      expect(mail.text).toContain('Good news: Riverside Health would like to interview you for "Inpatient Coder".');
      expect(mail.text).toContain('A message from Riverside Health:\n\nCould you do Tuesday at 10?\nBring your CPC card.');
      expect(mail.text).toContain('https://jobs.example.org/me/applications');
      expect(mail.html).toContain('<strong>Inpatient Coder</strong>');
      expect(mail.html).toContain('Could you do Tuesday at 10?\nBring your CPC card.</blockquote>');
      expect(mail.text).not.toContain('not to move forward');
    });

    it('tells a rejected candidate gently and points to other jobs; an offer and a hire get their own words', async () => {
      const rejected = await insertCandidate(t.dataSource, 'Sam Rivera');
      const rejectedApplication = await insertApplication(t.dataSource, job, rejected, { status: 'reviewed' });
      await http.patch(`/api/applications/${rejectedApplication.id}`, { status: 'rejected' }, owner.token);
      const rejection = await mailTo(rejected, STATUS_SUBJECT);
      expect(rejection.text).toContain('Thank you for applying for "Inpatient Coder" at Riverside Health');
      expect(rejection.text).toContain('they have decided not to move forward with your application this time');
      expect(rejection.text).toContain('https://jobs.example.org/jobs');
      expect(rejection.text).not.toContain('A message from');

      const hiredCandidate = await insertCandidate(t.dataSource, 'Kim Lo');
      const hiring = await insertApplication(t.dataSource, job, hiredCandidate, { status: 'interviewing' });
      await http.patch(`/api/applications/${hiring.id}`, { status: 'offered' }, owner.token);
      expect((await mailTo(hiredCandidate, STATUS_SUBJECT)).text).toContain('would like to offer you the "Inpatient Coder" position');
      await http.patch(`/api/applications/${hiring.id}`, { status: 'hired', message: 'Welcome aboard!' }, owner.token);
      await eventually(
        async () => smtp.messages.filter((m) => m.to.includes(hiredCandidate.email)).length,
        (n) => n === 2,
      );
      const hired = smtp.messages.filter((m) => m.to.includes(hiredCandidate.email))[1];
      expect(hired.text).toContain('Congratulations on your new role as "Inpatient Coder" at Riverside Health!');
      expect(hired.text).toContain('Welcome aboard!');
    });

    it('sends nothing for the employer’s own stages (reviewed, shortlisted), nor to an anonymized application', async () => {
      const candidate = await insertCandidate(t.dataSource);
      const application = await insertApplication(t.dataSource, job, candidate);
      await http.patch(`/api/applications/${application.id}`, { status: 'reviewed' }, owner.token);
      await http.patch(`/api/applications/${application.id}`, { status: 'shortlisted' }, owner.token);
      expect(await recorded(candidate.email, 'application-status')).toEqual([]);

      await t.dataSource.query(
        `UPDATE applications SET candidate_id = NULL, candidate_name = 'Former candidate', candidate_email = NULL, anonymized_at = now() WHERE id = $1`,
        [application.id],
      );
      expect((await http.patch(`/api/applications/${application.id}`, { status: 'rejected' }, owner.token)).status).toBe(200);
      expect(await recorded(candidate.email, 'application-status')).toEqual([]);
    });

    it('sends nothing when the move is refused', async () => {
      const candidate = await insertCandidate(t.dataSource);
      const application = await insertApplication(t.dataSource, job, candidate, { status: 'withdrawn' });
      expect((await http.patch(`/api/applications/${application.id}`, { status: 'rejected', message: 'Sorry' }, owner.token)).status).toBe(409);
      expect(await recorded(candidate.email, 'application-status')).toEqual([]);
    });

    it('emails each bulk-rejected candidate once, with the one message', async () => {
      const bulkJob = await insertJob(t.dataSource, owner.organizationId!, { title: 'Coding Auditor', applyMethod: 'onsite', applyUrl: null });
      const candidates = [await insertCandidate(t.dataSource, 'Ana One'), await insertCandidate(t.dataSource, 'Bo Two')];
      const applications = [];
      for (const candidate of candidates) applications.push(await insertApplication(t.dataSource, bulkJob, candidate));
      const res = await http.post(
        `/api/jobs/${bulkJob.id}/applications/reject`,
        { applicationIds: applications.map((a) => a.id), message: 'We filled the role internally.' },
        owner.token,
      );
      expect(res.status).toBe(200);
      for (const [i, candidate] of candidates.entries()) {
        const mail = await mailTo(candidate, STATUS_SUBJECT);
        expect(mail.text).toContain(`Hi ${['Ana One', 'Bo Two'][i]},`);
        expect(mail.text).toContain('"Coding Auditor" at Riverside Health');
        expect(mail.text).toContain('We filled the role internally.');
      }
    });
  });

  describe('to applicants still waiting when the job closes as filled', () => {
    it('closes their applications as not selected and emails each once; offers, hires and withdrawn ones are left alone', async () => {
      const filledJob = await insertJob(t.dataSource, owner.organizationId!, { title: 'HCC Coder', applyMethod: 'onsite', applyUrl: null });
      const waiting: Applicant[] = [];
      const applications: Record<string, string> = {};
      for (const status of ['new', 'interviewing'] as const) {
        const candidate = await insertCandidate(t.dataSource, `Waiting ${status}`);
        waiting.push(candidate);
        applications[status] = (await insertApplication(t.dataSource, filledJob, candidate, { status })).id;
      }
      const others: Record<string, Applicant> = {};
      for (const status of ['offered', 'hired', 'withdrawn', 'rejected'] as const) {
        others[status] = await insertCandidate(t.dataSource);
        applications[status] = (await insertApplication(t.dataSource, filledJob, others[status], { status })).id;
      }

      const closed = await http.post(`/api/jobs/${filledJob.id}/close`, { reason: 'filled' }, owner.token);
      expect(closed.status).toBe(200);
      // Closing a job enqueues this in its own transaction; enqueuing it again, as a retry would, sends nobody a second email.
      await t.app.get(QueueService).enqueue(JOB_FILLED_QUEUE, { jobId: filledJob.id });

      for (const [i, candidate] of waiting.entries()) {
        const mail: ReceivedMail = await mailTo(candidate, FILLED_SUBJECT);
        expect(mail.text).toContain(`Hi Waiting ${['new', 'interviewing'][i]},`);
        expect(mail.text).toContain('Thank you for applying for "HCC Coder" at Riverside Health. They have now filled the position');
        expect(mail.html).toContain('href="https://jobs.example.org/jobs"');
      }
      for (const status of ['new', 'interviewing']) {
        const state = await applicationState(t.dataSource, applications[status]);
        expect(state.status).toBe('rejected');
        expect(state.events.at(-1)).toEqual({ status: 'rejected', actor_id: null, message: JOB_FILLED_MESSAGE });
      }
      for (const status of ['offered', 'hired', 'withdrawn', 'rejected'] as const) {
        expect((await applicationState(t.dataSource, applications[status])).status).toBe(status);
      }

      await t.app.get(QueueService).enqueue(JOB_FILLED_QUEUE, { jobId: filledJob.id });
      await eventually(
        () =>
          t.dataSource.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND data->>'jobId' = $2 AND state <> 'completed'`, [
            JOB_FILLED_QUEUE,
            filledJob.id,
          ]),
        ([{ n }]) => n === 0,
      );
      for (const candidate of waiting) expect(await recorded(candidate.email, 'application-job-filled')).toHaveLength(1);
      for (const candidate of Object.values(others)) expect(await recorded(candidate.email, 'application-job-filled')).toEqual([]);
    });

    it('tells nobody when the job closes without a hire', async () => {
      const closedJob = await insertJob(t.dataSource, owner.organizationId!, { title: 'Closed early', applyMethod: 'onsite', applyUrl: null });
      const candidate = await insertCandidate(t.dataSource);
      const application = await insertApplication(t.dataSource, closedJob, candidate);
      await http.post(`/api/jobs/${closedJob.id}/close`, { reason: 'closed' }, owner.token);
      await t.app.get(QueueService).enqueue(JOB_FILLED_QUEUE, { jobId: closedJob.id });
      await eventually(
        () =>
          t.dataSource.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND data->>'jobId' = $2 AND state <> 'completed'`, [
            JOB_FILLED_QUEUE,
            closedJob.id,
          ]),
        ([{ n }]) => n === 0,
      );
      expect((await applicationState(t.dataSource, application.id)).status).toBe('new');
      expect(await recorded(candidate.email, 'application-job-filled')).toEqual([]);
    });
  });

  describe('the daily digest to members who chose it', () => {
    it('lists the day’s applications by job, once, to daily members only; withdrawn ones are left out', async () => {
      const digestOwner = await signUp(t.baseUrl, 'employer', t.dataSource, 'Digest Health');
      const organizationId = digestOwner.organizationId!;
      const [recruiter, quiet] = [await signUp(t.baseUrl, 'employer', t.dataSource), await signUp(t.baseUrl, 'employer', t.dataSource)];
      for (const member of [recruiter, quiet]) {
        await t.dataSource.query(`UPDATE organization_members SET organization_id = $1, role = 'recruiter' WHERE user_id = $2`, [organizationId, member.id]);
      }
      const choose = (member: SignedUp, applicationEmails: string) =>
        http.call('PUT', `/api/organizations/${organizationId}/application-emails`, { body: { applicationEmails }, token: member.token });
      expect((await choose(digestOwner, 'daily')).status).toBe(200);
      expect((await choose(recruiter, 'daily')).status).toBe(200);
      expect((await choose(quiet, 'off')).status).toBe(200);

      const coding = await insertJob(t.dataSource, organizationId, { title: 'Coding Specialist', applyMethod: 'onsite', applyUrl: null });
      const auditing = await insertJob(t.dataSource, organizationId, { title: 'Auditor', applyMethod: 'onsite', applyUrl: null });
      for (let i = 0; i < 2; i++) await insertApplication(t.dataSource, coding, await insertCandidate(t.dataSource));
      await insertApplication(t.dataSource, auditing, await insertCandidate(t.dataSource));
      await insertApplication(t.dataSource, auditing, await insertCandidate(t.dataSource), { status: 'withdrawn' });
      // Another organization's applications are not in it.
      await insertApplication(t.dataSource, job, await insertCandidate(t.dataSource));

      const digest = t.app.get(ApplicationDigest);
      // Too soon after choosing the digest: nothing yet.
      expect(await digest.run()).toBe(0);

      const tomorrow = new Date(Date.now() + DAY_MS);
      moveClock(tomorrow);
      expect(await digest.run()).toBe(2);
      const mail = await smtp.waitFor((m) => m.to.includes(digestOwner.email) && m.subject === DIGEST_SUBJECT);
      expect(mail.text).toContain('Digest Health received 3 new applications since your last summary:');
      expect(mail.text).toContain(`- Coding Specialist: 2 new applications\n  https://jobs.example.org/employer/jobs/${coding.id}/applicants`);
      expect(mail.text).toContain('- Auditor: 1 new application\n');
      expect(mail.text).not.toContain('Inpatient Coder');
      expect(mail.text).toContain('https://jobs.example.org/employer/notifications');
      await smtp.waitFor((m) => m.to.includes(recruiter.email) && m.subject === DIGEST_SUBJECT);
      expect(await recorded(quiet.email, 'applications-digest')).toEqual([]);

      // Run again the same day (a second instance, a retried task): nothing more.
      expect(await digest.run()).toBe(0);
      // The next day with nothing new: no email.
      moveClock(new Date(tomorrow.getTime() + DAY_MS));
      expect(await digest.run()).toBe(0);
      expect(await recorded(digestOwner.email, 'applications-digest')).toHaveLength(1);
    });
  });
});
