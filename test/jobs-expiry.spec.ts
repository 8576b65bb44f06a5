import { JwtService } from '@nestjs/jwt';
import { Clock } from '../src/common/clock';
import { JOB_EXPIRY_QUEUE } from '../src/jobs/job-expiry.scheduler';
import { JobsService } from '../src/jobs/jobs.service';
import { QueueService } from '../src/queue/queue.service';
import { Browser, csrfOf } from './support/browser';
import { api } from './support/http';
import { createJob } from './support/job-fixtures';
import { insertJob, SignedUp, signUp, verifyOrganization } from './support/factories';
import { linkIn, startSmtpServer, TestSmtpServer } from './support/smtp';
import { createTestApp, TestApp } from './support/test-app';
import { eventually } from './support/eventually';

const DAY_MS = 86400_000;

describe('job expiry, the expiry warning and its extend link', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let jobs: JobsService;
  let http: ReturnType<typeof api>;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ SMTP_URL: smtp.url });
    jobs = t.app.get(JobsService);
    http = api(t.baseUrl);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });
  afterEach(() => jest.restoreAllMocks());

  const moveClock = (to: Date) => jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(to);
  const jobRow = async (id: string) => (await t.dataSource.query(`SELECT * FROM jobs WHERE id = $1`, [id]))[0];
  const warningsTo = async (email: string) =>
    Number((await t.dataSource.query(`SELECT count(*) AS n FROM emails WHERE template = 'job-expiring' AND to_address = $1`, [email]))[0].n);

  async function verifiedEmployer(): Promise<SignedUp> {
    const employer = await signUp(t.baseUrl, 'employer', t.dataSource);
    await verifyOrganization(t.dataSource, employer.organizationId!);
    return employer;
  }

  /** Moves `user` into `organizationId`'s team as a recruiter. */
  async function joinAsRecruiter(user: SignedUp, organizationId: string): Promise<void> {
    await t.dataSource.query(`DELETE FROM organization_members WHERE user_id = $1`, [user.id]);
    await t.dataSource.query(`INSERT INTO organization_members (organization_id, user_id, role) VALUES ($1, $2, 'recruiter')`, [organizationId, user.id]);
  }

  /** The path and query of the extend link in the warning about `title` sent to `email`. */
  async function extendLinkFor(email: string, title: string): Promise<string> {
    const mail = await smtp.waitFor((m) => m.to.includes(email) && m.text.includes(title));
    const url = new URL(linkIn(mail, '/extend?token='));
    return `${url.pathname}${url.search}`;
  }

  it('expires published postings once their valid-through date has passed, by the clock', async () => {
    const employer = await verifiedEmployer();
    const job = await createJob(t.baseUrl, employer.token, { publish: true });
    const validThrough = new Date(job.validThrough);

    moveClock(new Date(validThrough.getTime() - 60_000));
    expect(await jobs.expireDue()).toBe(0);
    expect((await jobRow(job.id)).status).toBe('published');

    moveClock(new Date(validThrough.getTime() + 60_000));
    expect(await jobs.expireDue()).toBe(1);
    expect((await jobRow(job.id)).status).toBe('expired');
    expect((await http.get(`/api/jobs/${job.id}`)).status).toBe(404);
    expect((await http.get(`/api/jobs/${job.id}`, employer.token)).body.status).toBe('expired');
    expect(await jobs.expireDue()).toBe(0);
  });

  it('runs expiry from the scheduled jobs.expire queue, registered every five minutes', async () => {
    const employer = await verifiedEmployer();
    const overdue = await insertJob(t.dataSource, employer.organizationId!, { validThrough: new Date(Date.now() - 60_000) });
    // Far enough ahead to stay out of the windows the later tests move the clock into.
    const current = await insertJob(t.dataSource, employer.organizationId!, { validThrough: new Date(Date.now() + 80 * DAY_MS) });

    const [schedule] = await t.dataSource.query(`SELECT cron, timezone FROM pgboss.schedule WHERE name = $1`, [JOB_EXPIRY_QUEUE]);
    expect(schedule).toEqual({ cron: '*/5 * * * *', timezone: 'UTC' });

    await t.app.get(QueueService).enqueue(JOB_EXPIRY_QUEUE, {});
    await eventually(
      () => jobRow(overdue.id),
      (row) => row.status === 'expired',
    );
    expect((await jobRow(current.id)).status).toBe('published');
  });

  it('emails the owners and the author of a posting three days before it expires, once each, with an extend link', async () => {
    const owner = await verifiedEmployer();
    const author = await signUp(t.baseUrl, 'employer', t.dataSource);
    const bystander = await signUp(t.baseUrl, 'employer', t.dataSource);
    await joinAsRecruiter(author, owner.organizationId!);
    await joinAsRecruiter(bystander, owner.organizationId!);
    const job = await createJob(t.baseUrl, author.token, { title: 'Inpatient DRG Coder', publish: true });
    const ownJob = await createJob(t.baseUrl, owner.token, { title: 'Pro-fee Coder', publish: true });
    const validThrough = new Date(job.validThrough);

    moveClock(new Date(validThrough.getTime() - 4 * DAY_MS));
    expect(await jobs.warnExpiring()).toBe(0);

    moveClock(new Date(validThrough.getTime() - 2 * DAY_MS));
    expect(await jobs.warnExpiring()).toBe(2);
    expect((await jobRow(job.id)).expiry_warned_at).toEqual(new Date(validThrough.getTime() - 2 * DAY_MS));

    const toOwner = await smtp.waitFor((m) => m.to.includes(owner.email) && m.text.includes('Inpatient DRG Coder'));
    const toAuthor = await smtp.waitFor((m) => m.to.includes(author.email) && m.text.includes('Inpatient DRG Coder'));
    await smtp.waitFor((m) => m.to.includes(owner.email) && m.text.includes('Pro-fee Coder'));
    const expiresOn = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(validThrough);
    for (const mail of [toOwner, toAuthor]) {
      expect(mail.subject).toBe('Your job posting expires in 3 days');
      expect(mail.text).toContain(`Your job posting "Inpatient DRG Coder" expires on ${expiresOn}.`);
      expect(mail.text).toContain(`/jobs/${job.id}/extend?token=`);
      expect(mail.text).toContain(`${t.env.appUrl}${job.url}`);
      expect(mail.html).toContain('Extend 30 days</a>');
      expect(mail.html).toContain(`/jobs/${job.id}/extend?token&#x3D;`);
    }

    // Once: the owner who wrote a posting is not emailed twice for it, a second run sends nothing, and other recruiters get nothing.
    expect(await jobs.warnExpiring()).toBe(0);
    expect(await warningsTo(owner.email)).toBe(2);
    expect(await warningsTo(author.email)).toBe(1);
    expect(await warningsTo(bystander.email)).toBe(0);
    expect((await jobRow(ownJob.id)).expiry_warned_at).not.toBeNull();
  });

  it('the extend link shows the posting and a button, changes nothing on GET, and extends an expired posting by 30 days on POST', async () => {
    const employer = await verifiedEmployer();
    const job = await createJob(t.baseUrl, employer.token, { title: 'Risk Adjustment Coder (CRC)', publish: true });
    const validThrough = new Date(job.validThrough);
    moveClock(new Date(validThrough.getTime() - DAY_MS));
    expect(await jobs.warnExpiring()).toBe(1);
    const link = await extendLinkFor(employer.email, 'Risk Adjustment Coder (CRC)');

    // The posting runs out before its employer reads the email.
    const later = new Date(validThrough.getTime() + 2 * DAY_MS);
    moveClock(later);
    await jobs.expireDue();
    const expiredRow = await jobRow(job.id);
    expect(expiredRow.status).toBe('expired');

    const browser = new Browser(t.baseUrl);
    const page = await browser.get(link);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Extend a job posting');
    expect(page.text).toContain('Risk Adjustment Coder (CRC)');
    expect(page.text).toContain(`Expired on ${new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(validThrough)}`);
    expect(page.html).toMatch(/<button type="submit" class="button">Extend 30 days<\/button>/);
    expect(page.html).toContain(`action="/jobs/${job.id}/extend"`);
    expect(await jobRow(job.id)).toEqual(expiredRow);

    const token = new URL(link, t.baseUrl).searchParams.get('token')!;
    const done = await browser.post(`/jobs/${job.id}/extend`, { _csrf: csrfOf(page.html), token });
    expect(done.status).toBe(303);
    expect(done.location).toBe(job.url);
    const flash = done.setCookies.find((c) => c.startsWith('cc_flash='));
    expect(decodeURIComponent(flash!)).toContain('is open until');

    const extended = await jobRow(job.id);
    expect(extended).toMatchObject({ status: 'published', expiry_warned_at: null });
    expect(extended.valid_through).toEqual(new Date(later.getTime() + 30 * DAY_MS));
    expect((await http.get(`/api/jobs/${job.id}`)).body.status).toBe('published');

    // Without the form's CSRF token, nothing happens.
    const forged = await new Browser(t.baseUrl).post(`/jobs/${job.id}/extend`, { token });
    expect(forged.status).toBe(403);
  });

  it('never shortens a posting already renewed for longer, and refuses to extend a closed one', async () => {
    const employer = await verifiedEmployer();
    const job = await createJob(t.baseUrl, employer.token, { title: 'Coding Auditor', publish: true });
    moveClock(new Date(new Date(job.validThrough).getTime() - DAY_MS));
    await jobs.warnExpiring();
    const token = new URL(await extendLinkFor(employer.email, 'Coding Auditor'), t.baseUrl).searchParams.get('token')!;
    jest.restoreAllMocks();

    const longer = new Date(Date.now() + 80 * DAY_MS).toISOString();
    await http.post(`/api/jobs/${job.id}/renew`, { validThrough: longer }, employer.token);
    expect((await jobs.extendWithToken(token, job.id)).validThrough!.toISOString()).toBe(longer);

    await http.post(`/api/jobs/${job.id}/close`, { reason: 'filled' }, employer.token);
    const browser = new Browser(t.baseUrl);
    const page = await browser.get(`/jobs/${job.id}/extend?token=${encodeURIComponent(token)}`);
    expect(page.status).toBe(409);
    expect(page.text).toContain('You cannot extend this job. This job is closed.');
    expect(page.html).not.toContain('Extend 30 days</button>');
    expect((await jobRow(job.id)).status).toBe('closed');
  });

  it('refuses a tampered, foreign, expired or session token with a clear 422 page, and changes nothing', async () => {
    const employer = await verifiedEmployer();
    const job = await createJob(t.baseUrl, employer.token, { title: 'Denials Coder', publish: true });
    const other = await createJob(t.baseUrl, employer.token, { title: 'Another posting', publish: true });
    const validThrough = new Date(job.validThrough);
    moveClock(new Date(validThrough.getTime() - DAY_MS));
    await jobs.warnExpiring();
    const token = new URL(await extendLinkFor(employer.email, 'Denials Coder'), t.baseUrl).searchParams.get('token')!;
    const before = await jobRow(job.id);

    const tampered = `${token.slice(0, -4)}${token.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    const message = 'This extend link is not valid or has expired. Sign in to renew the job from your employer dashboard.';
    const attempts: Array<[string, string]> = [
      ['tampered', `/jobs/${job.id}/extend?token=${encodeURIComponent(tampered)}`],
      ['for another job', `/jobs/${other.id}/extend?token=${encodeURIComponent(token)}`],
      ['a session token', `/jobs/${job.id}/extend?token=${encodeURIComponent(employer.token)}`],
      ['missing', `/jobs/${job.id}/extend`],
    ];
    const browser = new Browser(t.baseUrl);
    for (const [label, path] of attempts) {
      const page = await browser.get(path);
      expect([label, page.status]).toEqual([label, 422]);
      expect(page.text).toContain(message);
      expect(page.html).not.toContain('Extend 30 days</button>');
    }

    // A week after the expiry it warned of, the link has run out.
    moveClock(new Date(validThrough.getTime() + 7 * DAY_MS + 60_000));
    const lapsed = await browser.get(`/jobs/${job.id}/extend?token=${encodeURIComponent(token)}`);
    expect(lapsed.status).toBe(422);
    expect(lapsed.text).toContain(message);
    const form = await browser.get('/login');
    const posted = await browser.post(`/jobs/${job.id}/extend`, { _csrf: csrfOf(form.html), token });
    expect(posted.status).toBe(422);
    expect(posted.text).toContain(message);

    expect(await jobRow(job.id)).toEqual(before);
  });

  it('never accepts an extend token as a session', async () => {
    const employer = await verifiedEmployer();
    const job = await insertJob(t.dataSource, employer.organizationId!, { createdBy: employer.id, validThrough: new Date(Date.now() + DAY_MS) });
    await jobs.warnExpiring();
    const token = new URL(await extendLinkFor(employer.email, job.title), t.baseUrl).searchParams.get('token')!;
    const claims = t.app.get(JwtService).decode<Record<string, unknown>>(token);
    expect(claims).toMatchObject({
      sub: job.id,
      aud: `${t.env.JWT_AUDIENCE}:job-extend`,
      iss: t.env.JWT_ISSUER,
      exp: Math.floor((job.validThrough!.getTime() + 7 * DAY_MS) / 1000),
    });

    const me = await http.get('/api/me', token);
    expect(me.status).toBe(401);
    expect((await http.get('/api/employer/jobs', token)).status).toBe(401);
  });

  it('escapes XSS payloads in the title on the extend page and in the email', async () => {
    const employer = await verifiedEmployer();
    const title = '<script>alert(1)</script><img src=x onerror=alert(2)><svg onload=alert(3)>';
    const job = await createJob(t.baseUrl, employer.token, { title, publish: true });
    moveClock(new Date(new Date(job.validThrough).getTime() - DAY_MS));
    await jobs.warnExpiring();

    const mail = await smtp.waitFor((m) => m.to.includes(employer.email) && m.text.includes(title));
    expect(mail.text).toContain(`Your job posting "${title}" expires on`);
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src&#x3D;x onerror&#x3D;alert(2)&gt;&lt;svg onload&#x3D;alert(3)&gt;');
    expect(mail.html).not.toMatch(/<(script|img|svg)/i);

    const page = await new Browser(t.baseUrl).get(await extendLinkFor(employer.email, title));
    expect(page.status).toBe(200);
    expect(page.text).toContain(title);
    expect(page.html).not.toMatch(/<(script|img|svg)\b/i);
    expect(page.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
