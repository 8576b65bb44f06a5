import { ScreeningAnswer } from '../src/applications/application.entity';
import { Job } from '../src/jobs/job.entity';
import { applicationState, insertApplication, insertCandidate, insertProfile, insertResume, TINY_PDF } from './support/applicant-fixtures';
import { Browser, csrfOf, Page } from './support/browser';
import { insertJob, SignedUp, signUp } from './support/factories';
import { GOOD_PASSWORD } from './support/http';
import { createTestApp, TestApp } from './support/test-app';

const DAY_MS = 86400_000;
const KNOCKOUT: ScreeningAnswer = { questionId: 'q1', question: 'Can you work on site in Austin?', answer: 'no', knockout: true };

/** The message shown with field `name` of a refused form. */
const errorOf = (page: Page, name: string): string | undefined =>
  new RegExp(`<p class="field-error" id="${name}(?:-error)?">([^<]*)</p>`).exec(page.html)?.[1].trim();

describe('the employer’s applicant pages', () => {
  let t: TestApp;
  let owner: SignedUp;
  let b: Browser;
  let job: Job;

  async function signIn(account: SignedUp): Promise<Browser> {
    const browser = new Browser(t.baseUrl);
    const res = await browser.submit('/login', '/login', { email: account.email, password: GOOD_PASSWORD });
    expect(res.status).toBe(303);
    return browser;
  }

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_AUTH_PER_IP: '1000' });
    owner = await signUp(t.baseUrl, 'employer', t.dataSource, 'Riverside Health');
    b = await signIn(owner);
    job = await insertJob(t.dataSource, owner.organizationId!, { title: 'Inpatient Coder', applyMethod: 'onsite', applyUrl: null });
  });
  afterAll(() => t.close());

  const newJob = (title: string) => insertJob(t.dataSource, owner.organizationId!, { title, applyMethod: 'onsite', applyUrl: null });

  it('shows each job’s applicant counts on the dashboard, linking to its applicants', async () => {
    const countedJob = await newJob('Coding Auditor');
    await insertApplication(t.dataSource, countedJob, await insertCandidate(t.dataSource));
    await insertApplication(t.dataSource, countedJob, await insertCandidate(t.dataSource), { status: 'reviewed' });
    await insertApplication(t.dataSource, countedJob, await insertCandidate(t.dataSource), { status: 'reviewed' });
    await newJob('Pro-fee Coder');
    const elsewhere = await insertJob(t.dataSource, owner.organizationId!, { title: 'Applies on our site' });

    const page = await b.get('/employer');
    expect(page.status).toBe(200);
    expect(page.text).toContain('3 applicants for Coding Auditor · 1 new');
    expect(page.html).toContain(`href="/employer/jobs/${countedJob.id}/applicants"`);
    expect(page.text).toContain('0 applicants for Pro-fee Coder');
    // A job that takes applications on the employer's own site has no applicant list here.
    expect(page.html).not.toContain(`/employer/jobs/${elsewhere.id}/applicants`);
    expect(page.html).toContain('href="/employer/notifications"');
  });

  describe('a job’s applicants', () => {
    let listJob: Job;
    let ids: { ada: string; ben: string; cy: string };

    beforeAll(async () => {
      listJob = await newJob('Risk Adjustment Coder');
      const [ada, ben, cy] = [await insertCandidate(t.dataSource), await insertCandidate(t.dataSource), await insertCandidate(t.dataSource)];
      await insertProfile(t.dataSource, ada.id, {
        headline: 'HCC coder',
        city: 'Austin',
        state: 'TX',
        credentials: [
          { code: 'CRC', expiresOn: new Date(Date.now() + 90 * DAY_MS).toISOString().slice(0, 10) },
          { code: 'CPC', expiresOn: '2020-01-31' },
        ],
        specialties: [{ slug: 'cpt-evaluation-management', years: 4 }],
      });
      ids = {
        ada: (await insertApplication(t.dataSource, listJob, ada, { name: 'Ada Park' })).id,
        ben: (await insertApplication(t.dataSource, listJob, ben, { name: 'Ben <b>Ortiz</b>', answers: [KNOCKOUT] })).id,
        cy: (await insertApplication(t.dataSource, listJob, cy, { name: 'Cy Young', status: 'withdrawn' })).id,
      };
    });

    it('lists them with credentials (expired flagged), specialties, knockout answers highlighted, and stage tabs with counts', async () => {
      const page = await b.get(`/employer/jobs/${listJob.id}/applicants`);
      expect(page.status).toBe(200);
      expect(page.html).toContain('<title>Applicants: Risk Adjustment Coder · CareerCenter</title>');
      expect(page.text).toContain('All 3');
      expect(page.text).toContain('New 2');
      expect(page.text).toContain('Withdrawn 1');
      expect(page.text).toContain('HCC coder · Austin, TX');
      expect(page.text).toContain('CPC expired 2020-01-31');
      expect(page.text).toContain('Evaluation and Management');
      expect(page.text).toMatch(/Can you work on site in Austin\? no Knockout/);
      // Names are text, never markup.
      expect(page.html).toContain('Ben &lt;b&gt;Ortiz&lt;/b&gt;');
      // Only open applications can be checked for rejection.
      expect(page.html).toContain(`value="${ids.ada}"`);
      expect(page.html).not.toContain(`name="applicationIds" value="${ids.cy}"`);
    });

    it('filters by the query string and explains an unknown filter', async () => {
      const filtered = await b.get(`/employer/jobs/${listJob.id}/applicants?credential=CRC`);
      expect(filtered.text).toContain('Ada Park');
      expect(filtered.text).not.toContain('Cy Young');
      expect(filtered.text).toContain('1 applicant matches');
      expect(filtered.html).toContain('<option value="CRC" selected>');
      const none = await b.get(`/employer/jobs/${listJob.id}/applicants?q=nobody`);
      expect(none.text).toContain('No applicants match');
      const bad = await b.get(`/employer/jobs/${listJob.id}/applicants?status=maybe`);
      expect(bad.status).toBe(400);
      expect(bad.text).toContain('Use one of: new, reviewed');
    });

    it('rejects the checked applicants with one message, and asks again when none is checked', async () => {
      const path = `/employer/jobs/${listJob.id}/applicants`;
      const empty = await b.submit(path, `${path}/reject`, { message: 'Thank you' });
      expect(empty.status).toBe(422);
      expect(errorOf(empty, 'applicationIds')).toBe('Choose the applicants to reject.');
      expect(empty.html).toContain('>Thank you</textarea>');
      expect(empty.text).toContain('Ada Park');

      const closed = await b.submit(path, `${path}/reject`, { applicationIds: [ids.ada, ids.cy] });
      expect(closed.status).toBe(409);
      expect(closed.text).toContain('already closed');
      expect((await applicationState(t.dataSource, ids.ada)).status).toBe('new');

      const done = await b.submit(path, `${path}/reject`, { applicationIds: [ids.ada, ids.ben], message: 'We chose someone local.' });
      expect(done.status).toBe(303);
      expect(done.location).toBe(path);
      expect((await b.get(path)).text).toContain('2 applicants were marked as not selected and emailed your message.');
      for (const id of [ids.ada, ids.ben])
        expect((await applicationState(t.dataSource, id)).events.at(-1)).toMatchObject({ status: 'rejected', message: 'We chose someone local.' });
    });
  });

  describe('an application', () => {
    it('shows the candidate, cover letter, answers, resume, timeline; moves it on with a message and keeps notes', async () => {
      const candidate = await insertCandidate(t.dataSource);
      const resumeId = await insertResume(t.dataSource, candidate.id, 'Jordan Lee.pdf');
      await insertProfile(t.dataSource, candidate.id, { headline: 'Inpatient coder', summary: 'DRG validation.\nPCS.', credentials: [{ code: 'CCS' }] });
      const application = await insertApplication(t.dataSource, job, candidate, {
        name: 'Jordan Lee',
        coverLetter: 'Dear team,\nI code <script>alert(1)</script> fast.',
        answers: [KNOCKOUT],
        resumeId,
      });
      const path = `/employer/applications/${application.id}`;

      const page = await b.get(path);
      expect(page.status).toBe(200);
      expect(page.text).toContain('Jordan Lee');
      expect(page.text).toContain(candidate.email);
      expect(page.html).toContain('Dear team,\nI code &lt;script&gt;alert(1)&lt;/script&gt; fast.');
      expect(page.text).toContain('Some answers are ones you marked as knockouts');
      expect(page.text).toContain('CCS: Certified Coding Specialist');
      expect(page.html).toContain(`href="${path}/resume"`);
      expect(page.text).toContain('Mark as reviewed');
      expect(page.text).not.toContain('Mark as hired');
      expect(page.text).toMatch(/History New · .* UTC · Test candidate/);

      const resume = await b.get(`${path}/resume`);
      expect(resume.status).toBe(200);
      expect(resume.headers.get('content-type')).toBe('application/pdf');
      expect(resume.html).toBe(TINY_PDF.toString());

      const quietMessage = await b.submit(path, `${path}/status`, { status: 'reviewed', message: 'Nice' });
      expect(quietMessage.status).toBe(422);
      expect(errorOf(quietMessage, 'message')).toContain('Keep other remarks as a private note.');
      expect(quietMessage.html).toContain('>Nice</textarea>');
      expect(quietMessage.html).toContain('id="status-reviewed" name="status" value="reviewed" checked');

      expect((await b.submit(path, `${path}/status`, { status: 'reviewed', message: '' })).status).toBe(303);
      const moved = await b.submit(path, `${path}/status`, { status: 'rejected', message: 'We need someone on site.' });
      expect(moved.status).toBe(303);
      expect(moved.location).toBe(path);
      const after = await b.get(path);
      expect(after.text).toContain("Jordan Lee's application is marked as not selected. We have emailed them.");
      expect(after.text).toContain('This application is closed: Not selected.');
      expect(after.text).toContain('We need someone on site.');
      expect(after.text).toMatch(/Reviewed · .* · Test employer/);

      const refused = await b.submit(path, `${path}/status`, { status: 'hired' });
      expect(refused.status).toBe(409);
      expect(refused.text).toContain('This application is not selected; it cannot move to hired.');

      const blank = await b.submit(path, `${path}/notes`, { body: '  ' });
      expect(blank.status).toBe(422);
      expect(errorOf(blank, 'body')).toBe('Write a note.');
      const noted = await b.submit(path, `${path}/notes`, { body: 'Keep on file for the remote role.' });
      expect(noted.status).toBe(303);
      const withNote = await b.get(path);
      expect(withNote.text).toContain('Your note is saved. Only your team can see it.');
      expect(withNote.text).toMatch(/Keep on file for the remote role\. Test employer, .* UTC/);
    });

    it('is not found by another organization’s member, who changes nothing', async () => {
      const candidate = await insertCandidate(t.dataSource);
      const application = await insertApplication(t.dataSource, job, candidate, { resumeId: await insertResume(t.dataSource, candidate.id) });
      const outsider = await signIn(await signUp(t.baseUrl, 'employer', t.dataSource));
      const path = `/employer/applications/${application.id}`;
      expect((await outsider.get(path)).status).toBe(404);
      expect((await outsider.get(`${path}/resume`)).status).toBe(404);
      expect((await outsider.get(`/employer/jobs/${job.id}/applicants`)).status).toBe(404);
      const dashboard = await outsider.get('/employer');
      expect((await outsider.post(`${path}/status`, { _csrf: csrfOf(dashboard.html), status: 'reviewed' })).status).toBe(404);
      expect((await outsider.post(`${path}/notes`, { _csrf: csrfOf(dashboard.html), body: 'Sneaky' })).status).toBe(404);
      expect(
        (await outsider.post(`/employer/jobs/${job.id}/applicants/reject`, { _csrf: csrfOf(dashboard.html), applicationIds: application.id })).status,
      ).toBe(404);
      expect(await applicationState(t.dataSource, application.id)).toMatchObject({ status: 'new', events: [{ status: 'new' }] });
      expect(await t.dataSource.query(`SELECT 1 FROM candidate_views WHERE candidate_id = $1`, [candidate.id])).toEqual([]);
    });
  });

  it('lets each member choose how to hear about new applications', async () => {
    const page = await b.get('/employer/notifications');
    expect(page.status).toBe(200);
    expect(page.text).toContain('How you hear about new applications to the jobs of Riverside Health.');
    expect(page.html).toContain('id="applicationEmails-instant" name="applicationEmails" value="instant" checked');

    const refused = await b.submit('/employer/notifications', '/employer/notifications', { applicationEmails: 'hourly' });
    expect(refused.status).toBe(422);
    expect(errorOf(refused, 'applicationEmails')).toBe('Choose instant, daily or off.');

    const saved = await b.submit('/employer/notifications', '/employer/notifications', { applicationEmails: 'daily' });
    expect(saved.status).toBe(303);
    const after = await b.get('/employer/notifications');
    expect(after.text).toContain('Saved: a daily summary.');
    expect(after.html).toContain('value="daily" checked');
    const [member] = await t.dataSource.query(`SELECT application_emails FROM organization_members WHERE user_id = $1`, [owner.id]);
    expect(member.application_emails).toBe('daily');
  });
});
