import { validateEnv } from '../config/env';
import { MailRenderer } from './mail-renderer';
import { MAIL_SUBJECTS } from './mail.types';

describe('MailRenderer', () => {
  const renderer = new MailRenderer(validateEnv({ APP_URL: 'https://jobs.example.org' }));

  it('renders the verification email with its subject, the link in both parts and the shared layout and footer', () => {
    const mail = renderer.render('verify-email', { name: 'Ada', link: 'https://jobs.example.org/verify-email?token=abc&x=1' });
    expect(mail.subject).toBe(MAIL_SUBJECTS['verify-email']);
    expect(mail.html).toContain('<title>Verify your email address for CareerCenter</title>');
    expect(mail.html).toContain('Hi Ada,');
    // Handlebars escapes `=` too; browsers and mail clients decode it back.
    expect(mail.html).toContain('href="https://jobs.example.org/verify-email?token&#x3D;abc&amp;x&#x3D;1"');
    expect(mail.html).toContain('href="https://jobs.example.org"');
    expect(mail.text).toContain('Hi Ada,');
    expect(mail.text).toContain('\nhttps://jobs.example.org/verify-email?token=abc&x=1\n');
    expect(mail.text).toMatch(/-- \nCareerCenter, the job board for medical coders\nhttps:\/\/jobs\.example\.org\n/);
  });

  it('escapes context values in HTML and leaves them as typed in plain text', () => {
    const mail = renderer.render('reset-password', { name: '<script>alert("x")</script> & Co', link: 'https://jobs.example.org/reset-password?token=t' });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('Hi &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co,');
    expect(mail.text).toContain('Hi <script>alert("x")</script> & Co,');
  });

  it('says the reset link expires in an hour and what to do if the reset was not asked for', () => {
    const mail = renderer.render('reset-password', { name: 'Ada', link: 'https://jobs.example.org/reset-password?token=t' });
    for (const part of [mail.html, mail.text]) {
      expect(part).toContain('expires in 1 hour');
      expect(part).toContain('If you did not ask for this, ignore this email');
    }
  });

  it('offers a password reset link in the password-changed notice', () => {
    const mail = renderer.render('password-changed', { name: 'Ada', resetLink: 'https://jobs.example.org/forgot-password' });
    expect(mail.subject).toBe('Your CareerCenter password was changed');
    expect(mail.html).toContain('href="https://jobs.example.org/forgot-password"');
    expect(mail.text).toContain('\nhttps://jobs.example.org/forgot-password\n');
  });

  describe('alert emails', () => {
    const job = {
      title: 'Remote Coder <II>',
      company: 'Cedar & Valley Health',
      where: 'Remote · Any US state',
      salary: '$52,000 – $64,000 per year',
      credentials: [
        { code: 'CPC', name: 'Certified Professional Coder' },
        { code: 'CCS', name: 'Certified Coding Specialist' },
      ],
      link: 'https://jobs.example.org/jobs/j1/remote-coder-ii',
    };
    const alert = {
      alertName: 'Remote CPC',
      address: 'ada@example.org',
      jobs: [job],
      searchLink: 'https://jobs.example.org/jobs?credential=CPC&workplace=remote',
      manageLink: 'https://jobs.example.org/me/alerts',
      unsubscribeLink: 'https://jobs.example.org/alerts/unsubscribe?token=t',
      postalAddress: 'CareerCenter, 100 Example Street, Springfield, IL 62701, USA',
    };

    it('lists each job with its company, place, pay and credentials, and says why it came, with the links to manage and stop it', () => {
      const mail = renderer.render('alert-instant', alert);
      expect(mail.subject).toBe('New job for your alert “Remote CPC”: Remote Coder <II>');
      expect(mail.text).toContain('A new job matches your alert "Remote CPC":');
      expect(mail.text).toContain(
        '* Remote Coder <II>\n  Cedar & Valley Health · Remote · Any US state\n  $52,000 – $64,000 per year\n  CPC · CCS\n  https://jobs.example.org/jobs/j1/remote-coder-ii\n',
      );
      expect(mail.text).toContain('\nhttps://jobs.example.org/jobs?credential=CPC&workplace=remote\n');
      expect(mail.text).toContain('You received this email because ada@example.org subscribed to the job alert "Remote CPC"');
      expect(mail.text).toContain('Unsubscribe from this alert: https://jobs.example.org/alerts/unsubscribe?token=t');
      expect(mail.text).toContain('\nhttps://jobs.example.org/me/alerts\n');
      expect(mail.text).toContain('CareerCenter, 100 Example Street, Springfield, IL 62701, USA');

      expect(mail.html).toContain('>Remote Coder &lt;II&gt;</a>');
      expect(mail.html).toContain('Cedar &amp; Valley Health');
      expect(mail.html).toContain('<span title="Certified Professional Coder"');
      expect(mail.html).toContain('href="https://jobs.example.org/alerts/unsubscribe?token&#x3D;t"');
      expect(mail.html).toContain('You received this email because ada@example.org subscribed to the job alert “Remote CPC”');
      expect(mail.html).not.toContain('used for an account');
      expect(mail.html).toContain('CareerCenter, 100 Example Street, Springfield, IL 62701, USA');
    });

    it('counts the jobs in the subject of an email with several, and keeps a name with line breaks on one line', () => {
      expect(renderer.render('alert-instant', { ...alert, jobs: [job, job] }).subject).toBe('2 new jobs for your alert “Remote CPC”');
      expect(renderer.render('alert-instant', { ...alert, alertName: 'CPC\r\nBcc: x@example.org' }).subject).toBe(
        'New job for your alert “CPC Bcc: x@example.org”: Remote Coder <II>',
      );
    });

    it('says what a digest covers: since yesterday, since last week, or past the day’s limit of instant emails', () => {
      const daily = renderer.render('alert-digest', { ...alert, daily: true, weekly: false, capped: false });
      expect(daily.subject).toBe('1 new job for your alert “Remote CPC” since yesterday');
      expect(daily.text).toContain('New jobs for your alert "Remote CPC" since yesterday, newest first:');
      expect(daily.text).toContain('as a daily summary.');
      const weekly = renderer.render('alert-digest', { ...alert, daily: false, weekly: true, capped: false });
      expect(weekly.subject).toBe('1 new job for your alert “Remote CPC” since last week');
      expect(weekly.html).toContain('as a weekly summary.');
      const capped = renderer.render('alert-digest', { ...alert, daily: false, weekly: false, capped: true });
      expect(capped.text).toContain("after the day's limit of instant emails was reached");
    });
  });

  it('refuses a context that lacks a field the template uses, instead of sending a blank', () => {
    expect(() => renderer.render('password-changed', { name: 'Ada' } as never)).toThrow(/resetLink/);
  });
});
