import { AlertDigests } from '../src/alerts/engine/alert-digests';
import { AlertEmails } from '../src/alerts/engine/alert-emails';
import { AlertMatcher } from '../src/alerts/engine/alert-matcher';
import { Clock } from '../src/common/clock';
import { Job } from '../src/jobs/job.entity';
import { alertEmailsTo, deliveriesOf, insertAlert, scheduleOf } from './support/alert-fixtures';
import { eventually } from './support/eventually';
import { insertJob, signUp } from './support/factories';
import { uniqueEmail } from './support/http';
import { ReceivedMail, startSmtpServer, TestSmtpServer } from './support/smtp';
import { createTestApp, TestApp } from './support/test-app';

// Daily digests go out at 7:00 in New York (UTC-5 in December).
const TUESDAY_10AM = new Date('2026-12-01T15:00:00Z');
const WEDNESDAY_7AM = new Date('2026-12-02T12:00:00Z');
const THURSDAY_7AM = new Date('2026-12-03T12:00:00Z');

/** The job titles a digest lists, in its order. */
const listedTitles = (mail: ReceivedMail) => [...mail.text.matchAll(/^\* (.+)$/gm)].map((m) => m[1]);

describe('alert digests', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let organizationId: string;
  let digests: AlertDigests;
  let matcher: AlertMatcher;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ SMTP_URL: smtp.url });
    organizationId = (await signUp(t.baseUrl, 'employer', t.dataSource)).organizationId!;
    digests = t.app.get(AlertDigests);
    matcher = t.app.get(AlertMatcher);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });
  afterEach(() => jest.restoreAllMocks());

  const clockAt = (date: Date) => jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(date);
  const receivedBy = (address: string) => smtp.messages.filter((m) => m.to.includes(address));
  const alertRow = (id: string): Promise<{ last_digest_at: Date | null; next_digest_at: Date | null }> =>
    t.dataSource.query(`SELECT last_digest_at, next_digest_at FROM alert_schedules WHERE alert_id = $1`, [id]).then((rows: never[]) => rows[0]);
  const close = (job: Job) => t.dataSource.query(`UPDATE jobs SET status = 'closed', closed_at = now(), close_reason = 'filled' WHERE id = $1`, [job.id]);
  /** Published jobs titled `title 1`, `title 2`… one minute apart, matched to the alerts. */
  const publish = async (title: string, count = 1): Promise<Job[]> => {
    const jobs: Job[] = [];
    for (let i = 0; i < count; i++) {
      jobs.push(await insertJob(t.dataSource, organizationId, { title: `${title} ${i + 1}`, publishedAt: new Date(TUESDAY_10AM.getTime() + i * 60_000) }));
    }
    await matcher.match(jobs.map((j) => j.id));
    return jobs;
  };
  /** Holds alert emails before they are composed until `release` is called. */
  const holdComposing = () => {
    const emails = t.app.get(AlertEmails);
    const refresh = emails.refresh.bind(emails);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    jest.spyOn(emails, 'refresh').mockImplementation(async (manager, email) => {
      await gate;
      return refresh(manager, email);
    });
    return release;
  };

  it('sends a daily digest at the hour in the alert’s zone: the open jobs matched since, newest first, at most 20, and never an empty one', async () => {
    clockAt(TUESDAY_10AM);
    const guest = uniqueEmail('daily');
    const alert = await insertAlert(t, { guestEmail: guest }, { name: 'Arthroscopy', frequency: 'daily', params: { q: 'arthroscopy' } });
    expect((await scheduleOf(t, alert.id)).nextDigestAt).toEqual(WEDNESDAY_7AM);
    const jobs = await publish('Arthroscopy coder', 22);
    await close(jobs[21]);

    clockAt(new Date(WEDNESDAY_7AM.getTime() - 60_000));
    await digests.runDue();
    expect(await alertEmailsTo(t, guest)).toEqual([]);

    clockAt(WEDNESDAY_7AM);
    await digests.runDue();
    const mail = await smtp.waitFor((m) => m.to.includes(guest));
    expect(mail.subject).toBe('20 new jobs for your alert “Arthroscopy” since yesterday');
    expect(listedTitles(mail)).toEqual(Array.from({ length: 20 }, (_, i) => `Arthroscopy coder ${21 - i}`));
    expect(mail.text).toContain(`${t.env.appUrl}/jobs?q=arthroscopy`);
    const deliveries = await eventually(
      () => deliveriesOf(t, alert.id),
      (rows) => !rows.some((d) => d.status === 'queued'),
    );
    const statusOf = (job: Job) => deliveries.find((d) => d.job_id === job.id)?.status;
    // The oldest did not fit, and the closed one was not open: no email lists them.
    expect(statusOf(jobs[0])).toBeUndefined();
    expect(statusOf(jobs[21])).toBeUndefined();
    expect(jobs.slice(1, 21).map(statusOf)).toEqual(Array(20).fill('sent'));
    expect(await alertRow(alert.id)).toEqual({ last_digest_at: WEDNESDAY_7AM, next_digest_at: THURSDAY_7AM });

    // The next day nothing new matched: no email, and the digest after is scheduled.
    clockAt(THURSDAY_7AM);
    await digests.runDue();
    expect((await alertEmailsTo(t, guest)).map((e) => e.template)).toEqual(['alert-digest']);
    expect(await alertRow(alert.id)).toEqual({ last_digest_at: WEDNESDAY_7AM, next_digest_at: new Date('2026-12-04T12:00:00Z') });
  });

  it('sends a weekly digest on Monday morning', async () => {
    clockAt(TUESDAY_10AM);
    const guest = uniqueEmail('weekly');
    const alert = await insertAlert(t, { guestEmail: guest }, { name: 'Sialendoscopy', frequency: 'weekly', params: { q: 'sialendoscopy' } });
    const monday = new Date('2026-12-07T12:00:00Z');
    expect((await scheduleOf(t, alert.id)).nextDigestAt).toEqual(monday);
    await publish('Sialendoscopy coder');

    clockAt(new Date('2026-12-06T12:00:00Z'));
    await digests.runDue();
    expect(await alertEmailsTo(t, guest)).toEqual([]);

    clockAt(monday);
    await digests.runDue();
    const mail = await smtp.waitFor((m) => m.to.includes(guest));
    expect(mail.subject).toBe('1 new job for your alert “Sialendoscopy” since last week');
    expect(listedTitles(mail)).toEqual(['Sialendoscopy coder 1']);
    expect(mail.text).toContain('as a weekly summary.');
    expect(await alertRow(alert.id)).toEqual({ last_digest_at: monday, next_digest_at: new Date('2026-12-14T12:00:00Z') });
  });

  it('sends nothing to an unsubscribed alert and clears its schedule', async () => {
    clockAt(TUESDAY_10AM);
    const guest = uniqueEmail('stopped');
    const alert = await insertAlert(t, { guestEmail: guest }, { frequency: 'daily', params: { q: 'tympanostomy' } });
    await publish('Tympanostomy coder');
    await t.dataSource.query(`UPDATE alerts SET unsubscribed_at = $2 WHERE id = $1`, [alert.id, TUESDAY_10AM]);

    clockAt(WEDNESDAY_7AM);
    await digests.runDue();
    expect(await alertEmailsTo(t, guest)).toEqual([]);
    expect(await scheduleOf(t, alert.id)).toMatchObject({ nextDigestAt: null, digestSince: TUESDAY_10AM, lastDigestAt: null });
  });

  it('leaves out a job that closes between the digest and its sending, and sends nothing when all of them closed', async () => {
    clockAt(TUESDAY_10AM);
    const [partly, wholly] = [uniqueEmail('partly'), uniqueEmail('wholly')];
    const partlyAlert = await insertAlert(t, { guestEmail: partly }, { frequency: 'daily', params: { q: 'vertebroplasty' } });
    const whollyAlert = await insertAlert(t, { guestEmail: wholly }, { frequency: 'daily', params: { q: 'pyeloplasty' } });
    const [older, newer] = await publish('Vertebroplasty coder', 2);
    const [only] = await publish('Pyeloplasty coder');

    clockAt(WEDNESDAY_7AM);
    const release = holdComposing();
    expect(await digests.runDue()).toEqual({ alerts: 2, emails: 2 });
    await close(newer);
    await close(only);
    release();

    const mail = await smtp.waitFor((m) => m.to.includes(partly));
    expect(mail.subject).toBe('1 new job for your alert “Coding jobs” since yesterday');
    expect(listedTitles(mail)).toEqual([older.title]);
    const [skipped] = await eventually(
      () => alertEmailsTo(t, wholly),
      (rows) => rows[0]?.status === 'skipped',
    );
    expect(skipped.template).toBe('alert-digest');
    expect(await deliveriesOf(t, whollyAlert.id)).toEqual([expect.objectContaining({ job_id: only.id, status: 'skipped' })]);
    expect(
      (
        await eventually(
          () => deliveriesOf(t, partlyAlert.id),
          (rows) => rows.every((d) => d.status !== 'queued'),
        )
      ).map((d) => [d.job_id, d.status]),
    ).toEqual(
      expect.arrayContaining([
        [older.id, 'sent'],
        [newer.id, 'skipped'],
      ]),
    );
    expect(receivedBy(wholly)).toEqual([]);
  });

  it('sends each digest once when a run is stopped half-way and two runs then go at the same time', async () => {
    clockAt(TUESDAY_10AM);
    const guests = [uniqueEmail('run-a'), uniqueEmail('run-b'), uniqueEmail('run-c')];
    for (const guest of guests) await insertAlert(t, { guestEmail: guest }, { frequency: 'daily', params: { q: 'thoracentesis' } });
    await publish('Thoracentesis coder');

    const emails = t.app.get(AlertEmails);
    const send = emails.send.bind(emails);
    let batches = 0;
    jest.spyOn(emails, 'send').mockImplementation(async (...args) => {
      if (++batches === 2) throw new Error('the worker stopped');
      return send(...args);
    });
    clockAt(WEDNESDAY_7AM);
    await expect(digests.runDue(1)).rejects.toThrow('the worker stopped');
    jest.restoreAllMocks();

    clockAt(WEDNESDAY_7AM);
    const runs = await Promise.all([digests.runDue(1), digests.runDue(1)]);
    expect(runs[0].emails + runs[1].emails).toBe(2);
    for (const guest of guests) await smtp.waitFor((m) => m.to.includes(guest));
    for (const guest of guests) {
      await eventually(
        () => alertEmailsTo(t, guest),
        (rows) => rows.length === 1 && rows[0].status === 'sent',
      );
      expect(receivedBy(guest)).toHaveLength(1);
    }
  });

  it('sends a digest again with the same Message-ID when the server accepted it but recording that failed, then marks its jobs sent', async () => {
    clockAt(TUESDAY_10AM);
    const guest = uniqueEmail('resent');
    const alert = await insertAlert(t, { guestEmail: guest }, { frequency: 'daily', params: { q: 'pericardiocentesis' } });
    const [job] = await publish('Pericardiocentesis coder');
    jest.spyOn(t.app.get(AlertEmails), 'delivered').mockRejectedValueOnce(new Error('the database connection was lost'));

    clockAt(WEDNESDAY_7AM);
    await digests.runDue();
    const [first, second] = await eventually(
      async () => receivedBy(guest),
      (received) => received.length === 2,
    );
    expect(second.messageId).toBe(first.messageId);
    const [email] = await eventually(
      () => alertEmailsTo(t, guest),
      (rows) => rows[0]?.status === 'sent',
    );
    expect(email.last_error).toBeNull();
    expect(await deliveriesOf(t, alert.id)).toEqual([{ job_id: job.id, status: 'sent', email_id: email.id }]);
  });
});
