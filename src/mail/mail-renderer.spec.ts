import { validateEnv } from '../config/env';
import { MailRenderer } from './mail-renderer';
import { MAIL_SUBJECTS } from './mail.types';

describe('MailRenderer', () => {
  const renderer = new MailRenderer(validateEnv({ APP_URL: 'https://jobs.example.org' }));

  it('renders the verification email with its subject, the link in both parts and the shared layout and footer', () => {
    const mail = renderer.render('verify-email', { name: 'Ada', link: 'https://jobs.example.org/verify-email?token=abc&x=1' });
    expect(mail.subject).toBe(MAIL_SUBJECTS['verify-email']);
    expect(mail.html).toContain(`<title>${MAIL_SUBJECTS['verify-email']}</title>`);
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

  it('refuses a context that lacks a field the template uses, instead of sending a blank', () => {
    expect(() => renderer.render('password-changed', { name: 'Ada' } as never)).toThrow(/resetLink/);
  });
});
