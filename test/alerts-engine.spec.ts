import { AlertLinks } from '../src/alerts/alert-links';
import { ALERT_MATCH_QUEUE } from '../src/alerts/engine/alert-matcher';
import { AlertDigests } from '../src/alerts/engine/alert-digests';
import { Clock } from '../src/common/clock';
import { alertEmailsTo, deliveriesOf, insertAlert, verifiedCoder, verifiedEmployer } from './support/alert-fixtures';
import { eventually } from './support/eventually';
import { signUp, SignedUp } from './support/factories';
import { api, uniqueEmail } from './support/http';
import { createJob } from './support/job-fixtures';
import { ReceivedMail, startSmtpServer, TestSmtpServer } from './support/smtp';
import { createTestApp, TestApp } from './support/test-app';

const APP_URL = 'https://jobs.careercenter.test';

/** A header as received, folded lines joined. */
function header(mail: ReceivedMail, name: string): string | undefined {
  const line = mail.parsed.headerLines.find((h) => h.key === name.toLowerCase())?.line;
  return line
    ?.slice(line.indexOf(':') + 1)
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim();
}

describe('instant job alerts', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let employer: SignedUp;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ SMTP_URL: smtp.url, APP_URL, MAIL_FROM: 'CareerCenter <alerts@careercenter.test>', ALERT_INSTANT_DAILY_CAP: '2' });
    employer = await verifiedEmployer(t);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });
  afterEach(() => jest.restoreAllMocks());

  // Members also get the sign-up's verification email.
  const isAlertMail = (address: string) => (m: ReceivedMail) => m.to.includes(address) && m.subject.includes('your alert');
  const receivedBy = (address: string) => smtp.messages.filter(isAlertMail(address));

  /** Waits until every queued match has run, so what was not sent will not be. */
  const matchesDone = () =>
    eventually(
      () => t.dataSource.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state <> 'completed'`, [ALERT_MATCH_QUEUE]),
      ([{ n }]: Array<{ n: number }>) => n === 0,
    );

  it('emails a matching job as soon as it is published, with its details, the links and one-click List-Unsubscribe headers', async () => {
    const coder = await verifiedCoder(t);
    const alert = await insertAlert(t, { userId: coder.id }, { name: 'CPC in Texas', params: { credential: 'CPC', state: 'TX' } });
    const other = await verifiedCoder(t);
    await insertAlert(t, { userId: other.id }, { params: { credential: 'CRC' } });

    const job = await createJob(t.baseUrl, employer.token, { publish: true });
    const mail = await smtp.waitFor(isAlertMail(coder.email));

    expect(mail.subject).toBe('New job for your alert “CPC in Texas”: Outpatient Coder II (CPC or CCS)');
    expect(mail.parsed.from?.value).toEqual([{ name: 'CareerCenter', address: 'alerts@careercenter.test' }]);
    expect(mail.text).toContain(
      [
        '* Outpatient Coder II (CPC or CCS)',
        `  ${job.organization.name} · Hybrid · Austin, TX`,
        '  $52,000 – $64,000 per year',
        '  CPC · CCS',
        `  ${APP_URL}/jobs/${job.id}/outpatient-coder-ii-cpc-or-ccs`,
      ].join('\n'),
    );
    expect(mail.text).toContain(`\n${APP_URL}/jobs?credential=CPC&state=TX\n`);
    expect(mail.text).toContain(`\n${APP_URL}/me/alerts\n`);
    expect(mail.text).toContain(`You received this email because ${coder.email} subscribed to the job alert "CPC in Texas"`);
    expect(mail.text).toContain(t.env.MAIL_POSTAL_ADDRESS);
    expect(mail.html).toContain('<span title="Certified Professional Coder"');
    expect(mail.html).toContain(`You received this email because ${coder.email} subscribed to the job alert “CPC in Texas”`);

    const listUnsubscribe = header(mail, 'List-Unsubscribe')!;
    const [, url, mailto] = /^<(https:\/\/[^>]+)>, <(mailto:[^>]+)>$/.exec(listUnsubscribe)!;
    expect(url.startsWith(`${APP_URL}/alerts/unsubscribe?token=`)).toBe(true);
    expect(t.app.get(AlertLinks).unsubscribeTarget(new URL(url).searchParams.get('token')!)).toEqual({ alertId: alert.id });
    expect(mail.text).toContain(`Unsubscribe from this alert: ${APP_URL}/alerts/unsubscribe?token=`);
    expect(decodeURIComponent(mailto)).toBe(`mailto:alerts@careercenter.test?subject=Unsubscribe from the job alert "CPC in Texas" (${alert.id})`);
    expect(header(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');

    const [delivery] = await eventually(
      () => deliveriesOf(t, alert.id),
      (rows) => rows[0]?.status === 'sent',
    );
    expect(delivery).toMatchObject({ job_id: job.id, status: 'sent' });
    expect(await alertEmailsTo(t, coder.email)).toEqual([expect.objectContaining({ id: delivery.email_id, template: 'alert-instant', status: 'sent' })]);

    // An edit of the published job matches again, and sends nothing twice.
    expect((await api(t.baseUrl).patch(`/api/jobs/${job.id}`, { productivity: '18 charts an hour' }, employer.token)).status).toBe(200);
    await matchesDone();
    expect(receivedBy(coder.email)).toHaveLength(1);
    expect(receivedBy(other.email)).toHaveLength(0);
  });

  it('mails nothing to an unverified member, an unconfirmed guest, or a paused or unsubscribed alert', async () => {
    const params = { q: 'kyphoplasty' };
    const unverified = await signUp(t.baseUrl, 'candidate', t.dataSource);
    const silent = [
      await insertAlert(t, { userId: unverified.id }, { params }),
      await insertAlert(t, { guestEmail: uniqueEmail('unconfirmed') }, { params, confirmed: false }),
      await insertAlert(t, { guestEmail: uniqueEmail('paused') }, { params }),
      await insertAlert(t, { guestEmail: uniqueEmail('unsubscribed') }, { params }),
    ];
    await t.dataSource.query(`UPDATE alerts SET paused_at = now() WHERE id = $1`, [silent[2].id]);
    await t.dataSource.query(`UPDATE alerts SET unsubscribed_at = now() WHERE id = $1`, [silent[3].id]);
    const guest = uniqueEmail('guest');
    await insertAlert(t, { guestEmail: guest }, { params });

    await createJob(t.baseUrl, employer.token, { publish: true, title: 'Kyphoplasty coder' });
    await smtp.waitFor(isAlertMail(guest));
    await matchesDone();

    for (const alert of silent) expect(await deliveriesOf(t, alert.id)).toEqual([]);
    for (const address of [unverified.email, ...silent.slice(1).map((a) => a.guestEmail!)]) expect(receivedBy(address)).toEqual([]);
  });

  it('sends an address at most the daily cap of instant emails and the rest in a digest at its next daily hour', async () => {
    const guest = uniqueEmail('capped');
    const alert = await insertAlert(t, { guestEmail: guest }, { params: { q: 'lymphoma' } });
    const titles = ['Lymphoma registrar', 'Lymphoma abstractor', 'Lymphoma coder'];
    for (const title of titles) {
      await createJob(t.baseUrl, employer.token, { publish: true, title });
      await matchesDone();
    }

    // The third job is held back: no email lists it yet, and the alert owes a digest from it.
    expect(await deliveriesOf(t, alert.id)).toHaveLength(2);
    await eventually(
      async () => receivedBy(guest).length,
      (n) => n === 2,
    );
    const [{ next_digest_at: due }] = await t.dataSource.query(`SELECT next_digest_at FROM alert_schedules WHERE alert_id = $1`, [alert.id]);
    // The next 7:00 in New York.
    expect(due.getTime()).toBeGreaterThan(Date.now());
    expect(due.getTime() - Date.now()).toBeLessThanOrEqual(86400_000);
    expect(due.toLocaleString('en-US', { timeZone: 'America/New_York', hour: 'numeric', minute: '2-digit', hour12: false })).toBe('07:00');

    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(due);
    await t.app.get(AlertDigests).runDue();
    const digest = await smtp.waitFor((m) => isAlertMail(guest)(m) && m.subject.startsWith('1 new job'));
    expect(digest.subject).toBe('1 new job for your alert “Coding jobs” since yesterday');
    expect(digest.text).toContain("after the day's limit of instant emails was reached");
    expect(digest.text).toContain('* Lymphoma coder\n');
    const [{ next_digest_at: next, digest_since: since }] = await t.dataSource.query(
      `SELECT next_digest_at, digest_since FROM alert_schedules WHERE alert_id = $1`,
      [alert.id],
    );
    expect({ next, since }).toEqual({ next: null, since: null });
    expect(await deliveriesOf(t, alert.id)).toHaveLength(3);
  });

  it('keeps line breaks in an alert’s name out of the message headers', async () => {
    const guest = uniqueEmail('crlf');
    await insertAlert(t, { guestEmail: guest }, { name: 'Coders\r\nBcc: intruder@example.test\r\nX-Injected: yes', params: { q: 'cystoscopy' } });
    await createJob(t.baseUrl, employer.token, { publish: true, title: 'Cystoscopy coder' });
    const mail = await smtp.waitFor(isAlertMail(guest));

    expect(mail.to).toEqual([guest]);
    expect(mail.subject).toBe('New job for your alert “Coders Bcc: intruder@example.test X-Injected: yes”: Cystoscopy coder');
    expect(mail.parsed.headers.has('x-injected')).toBe(false);
    expect(mail.parsed.headers.has('bcc')).toBe(false);
    expect(header(mail, 'List-Unsubscribe')).not.toMatch(/%0D|%0A/);
    expect(receivedBy('intruder@example.test')).toEqual([]);
  });

  it('forgets the deliveries of a deleted job and the email of a deleted email row', async () => {
    const guest = uniqueEmail('forget');
    const alert = await insertAlert(t, { guestEmail: guest }, { params: { q: 'myringotomy' } });
    const [kept, deleted] = [
      await createJob(t.baseUrl, employer.token, { publish: true, title: 'Myringotomy coder' }),
      await createJob(t.baseUrl, employer.token, { publish: true, title: 'Myringotomy auditor' }),
    ];
    const rows = await eventually(
      () => deliveriesOf(t, alert.id),
      (r) => r.length === 2 && r.every((d) => d.status === 'sent'),
    );

    await t.dataSource.query(`DELETE FROM jobs WHERE id = $1`, [deleted.id]);
    await t.dataSource.query(`DELETE FROM emails WHERE id = $1`, [rows.find((d) => d.job_id === kept.id)!.email_id]);
    expect(await deliveriesOf(t, alert.id)).toEqual([{ job_id: kept.id, status: 'sent', email_id: null }]);
  });
});
