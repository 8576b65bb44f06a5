import { readdirSync, readFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { freePort } from '../src/database/embedded-postgres';
import { MAIL_SEND_QUEUE, MailDeliveryService } from '../src/mail/mail-delivery.service';
import { MailService } from '../src/mail/mail.service';
import { QueueService } from '../src/queue/queue.service';
import { AlertMatcher } from '../src/alerts/engine/alert-matcher';
import { alertEmailsTo, deliveriesOf, insertAlert } from './support/alert-fixtures';
import { insertJob, signUp } from './support/factories';
import { uniqueEmail } from './support/http';
import { startSmtpServer, TestSmtpServer } from './support/smtp';
import { createTestApp, TestApp } from './support/test-app';
import { eventually } from './support/eventually';

interface EmailRow {
  template: string;
  to_address: string;
  subject: string;
  html: string | null;
  text: string | null;
  status: 'queued' | 'sent' | 'failed' | 'skipped';
  attempts: number;
  last_error: string | null;
  sent_at: Date | null;
}

function emailRow(t: TestApp, id: string): Promise<EmailRow | undefined> {
  return t.dataSource.query(`SELECT * FROM emails WHERE id = $1`, [id]).then((rows: EmailRow[]) => rows[0]);
}

/** The states of the delivery jobs queued for an email, oldest first. */
function jobStates(t: TestApp, emailId: string): Promise<string[]> {
  return t.dataSource
    .query(`SELECT state FROM pgboss.job WHERE name = $1 AND data->>'emailId' = $2 ORDER BY created_on`, [MAIL_SEND_QUEUE, emailId])
    .then((rows: Array<{ state: string }>) => rows.map((r) => r.state));
}

describe('mail delivery over SMTP', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let mail: MailService;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'CareerCenter <no-reply@careercenter.test>' });
    mail = t.app.get(MailService);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const receivedBy = (to: string) => smtp.messages.filter((m) => m.to.includes(to));

  it('delivers an email to the SMTP server with its subject, sender, text and HTML, then marks it sent and drops the bodies', async () => {
    const to = uniqueEmail();
    const link = `${t.env.appUrl}/reset-password?token=tok-123`;
    const id = await mail.send('reset-password', to, { name: 'Dana <Rivera>', link });

    const received = await smtp.waitFor((m) => m.to.includes(to));
    expect(received.subject).toBe('Reset your CareerCenter password');
    expect(received.parsed.from?.value).toEqual([{ name: 'CareerCenter', address: 'no-reply@careercenter.test' }]);
    expect(received.messageId).toBe(`<${id}@localhost>`);
    expect(received.text).toContain('Hi Dana <Rivera>,');
    expect(received.text).toContain(`\n${link}\n`);
    expect(received.text).toContain('expires in 1 hour');
    expect(received.html).toContain('Hi Dana &lt;Rivera&gt;,');
    expect(received.html).toContain('Choose a new password</a>');
    expect(received.html).toContain('href="http://localhost:3000/reset-password?token&#x3D;tok-123"');

    const row = await eventually(
      () => emailRow(t, id),
      (r) => r?.status === 'sent',
    );
    expect(row).toMatchObject({
      template: 'reset-password',
      to_address: to,
      subject: 'Reset your CareerCenter password',
      attempts: 1,
      last_error: null,
      html: null,
      text: null,
    });
    expect(row?.sent_at).toBeInstanceOf(Date);
  });

  it('sends an email once however often its delivery runs, at the same time or after it was sent', async () => {
    const to = uniqueEmail();
    const id = await mail.send('verify-email', to, { name: 'Dana', link: `${t.env.appUrl}/verify-email?token=v` });
    const delivery = t.app.get(MailDeliveryService);

    // Two direct deliveries race the queue's own worker for the same row.
    await Promise.all([delivery.deliver(id), delivery.deliver(id)]);
    await smtp.waitFor((m) => m.to.includes(to));
    await eventually(
      () => jobStates(t, id),
      (states) => states.length === 1 && states[0] === 'completed',
    );

    // A job queued again for an email already sent completes without sending.
    await t.app.get(QueueService).enqueue(MAIL_SEND_QUEUE, { emailId: id });
    await eventually(
      () => jobStates(t, id),
      (states) => states.length === 2 && states.every((s) => s === 'completed'),
    );
    await delivery.deliver(id);

    expect(receivedBy(to)).toHaveLength(1);
    expect(await emailRow(t, id)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('records and queues nothing when the caller’s transaction rolls back, and sends what a committed one recorded', async () => {
    const to = uniqueEmail();
    let rolledBackId = '';
    await expect(
      t.dataSource.transaction(async (manager) => {
        rolledBackId = await mail.send('password-changed', to, { name: 'Dana', resetLink: `${t.env.appUrl}/forgot-password` }, { manager });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(rolledBackId).not.toBe('');
    expect(await emailRow(t, rolledBackId)).toBeUndefined();
    expect(await jobStates(t, rolledBackId)).toEqual([]);

    const committedId = await t.dataSource.transaction((manager) =>
      mail.send('verify-email', to, { name: 'Dana', link: `${t.env.appUrl}/verify-email?token=c` }, { manager }),
    );
    const received = await smtp.waitFor((m) => m.to.includes(to));
    expect(received.messageId).toBe(`<${committedId}@localhost>`);
    await eventually(
      () => jobStates(t, committedId),
      (states) => states[0] === 'completed',
    );
    expect(receivedBy(to).map((m) => m.subject)).toEqual(['Verify your email address for CareerCenter']);
  });
});

describe('mail delivery while the SMTP server is down', () => {
  let t: TestApp;
  let smtp: TestSmtpServer | undefined;
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    t = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}` });
  });
  afterAll(async () => {
    await t.close();
    await smtp?.close();
  });

  it('records the failed attempt, keeps the email queued and delivers it exactly once when the server is back', async () => {
    const to = uniqueEmail();
    const id = await t.app.get(MailService).send('verify-email', to, { name: 'Dana', link: `${t.env.appUrl}/verify-email?token=later` });

    const failed = await eventually(
      () => emailRow(t, id),
      (r) => (r?.attempts ?? 0) >= 1,
    );
    expect(failed).toMatchObject({ status: 'queued', sent_at: null });
    expect(failed?.last_error).toMatch(/\S/);
    expect(failed?.text).toContain('/verify-email?token=later');

    smtp = await startSmtpServer(port);
    const received = await smtp.waitFor((m) => m.to.includes(to));
    expect(received.subject).toBe('Verify your email address for CareerCenter');
    expect(received.messageId).toBe(`<${id}@localhost>`);

    const sent = await eventually(
      () => emailRow(t, id),
      (r) => r?.status === 'sent',
    );
    expect(sent?.attempts).toBeGreaterThanOrEqual(2);
    expect(sent).toMatchObject({ last_error: null, html: null, text: null });
    await eventually(
      () => jobStates(t, id),
      (states) => states[0] === 'completed',
    );
    expect(smtp.messages.filter((m) => m.to.includes(to))).toHaveLength(1);
  });
});

describe('mail delivery when the server refuses a message', () => {
  let t: TestApp;
  let server: SMTPServer;
  /** Recipients of the messages the server took. */
  const accepted: string[] = [];
  const tries = new Map<string, number>();
  const reply = (message: string, responseCode: number) => Object.assign(new Error(message), { responseCode });

  beforeAll(async () => {
    // Refuses `refused.*` addresses for good (550) and `busy.*` ones once for now (451).
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo({ address }, _session, callback) {
        tries.set(address, (tries.get(address) ?? 0) + 1);
        if (address.startsWith('refused.')) return callback(reply('5.1.1 No such mailbox here', 550));
        if (address.startsWith('busy.') && tries.get(address) === 1) return callback(reply('4.2.1 Mailbox busy, try again later', 451));
        callback();
      },
      onData(stream, session, callback) {
        stream.resume();
        stream.on('end', () => {
          accepted.push(...session.envelope.rcptTo.map((r) => r.address));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    t = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}` });
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('records a 5xx refusal as a permanent failure with the server’s reason, at once and without retrying', async () => {
    const to = uniqueEmail('refused');
    const id = await t.app.get(MailService).send('verify-email', to, { name: 'Dana', link: `${t.env.appUrl}/verify-email?token=refused` });
    const row = await eventually(
      () => emailRow(t, id),
      (r) => r?.status === 'failed',
    );
    expect(row).toMatchObject({ attempts: 1, sent_at: null });
    expect(row?.last_error).toMatch(/550 5\.1\.1 No such mailbox here/);
    // The delivery job completes: nothing is left to retry.
    expect(
      await eventually(
        () => jobStates(t, id),
        (states) => states[0] === 'completed',
      ),
    ).toEqual(['completed']);
    expect(tries.get(to)).toBe(1);
    expect(accepted).not.toContain(to);
  });

  it('marks the jobs of an alert email that failed for good as skipped: none of them is left queued', async () => {
    const { organizationId } = await signUp(t.baseUrl, 'employer', t.dataSource);
    const alert = await insertAlert(t, { guestEmail: uniqueEmail('refused') }, { params: { q: 'kyphoplasty' } });
    const job = await insertJob(t.dataSource, organizationId!, { title: 'Kyphoplasty coder' });
    await t.app.get(AlertMatcher).match([job.id]);
    const [email] = await eventually(
      () => alertEmailsTo(t, alert.guestEmail!),
      (rows) => rows[0]?.status === 'failed',
    );
    expect(email.last_error).toMatch(/550/);
    expect(await deliveriesOf(t, alert.id)).toEqual([{ job_id: job.id, status: 'skipped', email_id: email.id }]);
  });

  it('retries a 4xx refusal with backoff and delivers the message once the server takes it', async () => {
    const to = uniqueEmail('busy');
    const id = await t.app.get(MailService).send('verify-email', to, { name: 'Dana', link: `${t.env.appUrl}/verify-email?token=busy` });
    const row = await eventually(
      () => emailRow(t, id),
      (r) => r?.status === 'sent',
    );
    expect(row).toMatchObject({ attempts: 2, last_error: null });
    expect(tries.get(to)).toBe(2);
    expect(accepted.filter((a) => a === to)).toHaveLength(1);
  });
});

describe('mail delivery that never succeeds', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${await freePort()}`, MAIL_RETRY_LIMIT: '1' });
  });
  afterAll(() => t.close());

  it('marks the email failed once its retries are used up', async () => {
    const id = await t.app.get(MailService).send('verify-email', uniqueEmail(), { name: 'Dana', link: `${t.env.appUrl}/verify-email?token=never` });
    const row = await eventually(
      () => emailRow(t, id),
      (r) => r?.status === 'failed',
    );
    expect(row).toMatchObject({ attempts: 2, sent_at: null });
    // Usually ECONNREFUSED; under parallel runs another test may have taken the freed port, so any error counts.
    expect(row?.last_error).toMatch(/\S/);
    // The queue records the job's failure just after the worker marks the row.
    expect(
      await eventually(
        () => jobStates(t, id),
        (states) => states.length === 1 && states[0] === 'failed',
      ),
    ).toEqual(['failed']);
  });
});

describe('mail without SMTP_URL (development)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('writes each email as an .eml file under DATA_DIR/mail and lists them, newest first, at /dev/mail', async () => {
    const empty = await (await fetch(`${t.baseUrl}/dev/mail`)).text();
    expect(empty).toContain('<p>No mail yet.</p>');

    const mail = t.app.get(MailService);
    const to = uniqueEmail();
    const first = await mail.send('verify-email', to, { name: 'Dana', link: `${t.env.appUrl}/verify-email?token=dev-1` });
    await eventually(
      () => emailRow(t, first),
      (r) => r?.status === 'sent',
    );
    const second = await mail.send('password-changed', to, { name: 'Dana', resetLink: `${t.env.appUrl}/forgot-password` });
    await eventually(
      () => emailRow(t, second),
      (r) => r?.status === 'sent',
    );

    const dir = join(t.env.DATA_DIR, 'mail');
    const files = readdirSync(dir).sort();
    expect(files).toEqual([
      expect.stringMatching(new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[\\d-]+Z-${first}\\.eml$`)),
      expect.stringMatching(new RegExp(`-${second}\\.eml$`)),
    ]);
    const eml = readFileSync(join(dir, files[0]), 'utf8');
    expect(eml).toContain(`Message-ID: <${first}@localhost>`);
    expect(eml).toContain('Subject: Verify your email address for CareerCenter');

    const res = await fetch(`${t.baseUrl}/dev/mail`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1>Sent mail</h1>');
    expect(html).toContain('2 messages, newest first</caption>');
    expect(html).toContain(to);
    const newer = html.indexOf(`<a href="/dev/mail/${files[1]}">Your CareerCenter password was changed</a>`);
    const older = html.indexOf(`<a href="/dev/mail/${files[0]}">Verify your email address for CareerCenter</a>`);
    expect(newer).toBeGreaterThan(-1);
    expect(older).toBeGreaterThan(newer);
  });

  it('shows one message with its headers, its text and its links, and serves its HTML only in a sandbox', async () => {
    const to = uniqueEmail();
    const link = `${t.env.appUrl}/verify-email?token=dev-2`;
    const id = await t.app.get(MailService).send('verify-email', to, { name: 'Dana <b>', link });
    await eventually(
      () => emailRow(t, id),
      (r) => r?.status === 'sent',
    );
    const file = readdirSync(join(t.env.DATA_DIR, 'mail')).find((f) => f.includes(id))!;

    const page = await (await fetch(`${t.baseUrl}/dev/mail/${file}`)).text();
    expect(page).toContain('<h1>Verify your email address for CareerCenter</h1>');
    expect(page).toContain(`<dd>${to}</dd>`);
    expect(page).toContain(`<code>&lt;${id}@localhost&gt;</code>`);
    expect(page).toContain('Hi Dana &lt;b&gt;,');
    expect(page).toContain(`<a href="http://localhost:3000/verify-email?token&#x3D;dev-2">http://localhost:3000/verify-email?token&#x3D;dev-2</a>`);
    expect(page).not.toContain('<b>');

    const htmlPart = await fetch(`${t.baseUrl}/dev/mail/${file}/html`);
    expect(htmlPart.headers.get('content-type')).toMatch(/^text\/html/);
    expect(htmlPart.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(await htmlPart.text()).toContain('Verify my email address</a>');
  });

  it('answers 404 for a message that does not exist or a name that is not a mail file', async () => {
    for (const path of ['/dev/mail/2020-01-01T00-00-00-000Z-missing.eml', '/dev/mail/..%2F..%2Fetc%2Fpasswd', '/dev/mail/x.txt/html']) {
      const res = await fetch(`${t.baseUrl}${path}`);
      expect(res.status).toBe(404);
      expect(await res.text()).toContain('There is no such message.');
    }
  });
});

describe('mail in production', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-forty-characters!' });
  });
  afterAll(() => t.close());

  it('has no dev mail viewer', async () => {
    await t.app.get(MailService).send('verify-email', uniqueEmail(), { name: 'Dana', link: `${t.env.appUrl}/verify-email?token=prod` });
    const res = await fetch(`${t.baseUrl}/dev/mail`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('Sent mail');
  });
});
