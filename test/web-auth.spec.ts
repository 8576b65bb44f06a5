import { Browser, csrfOf, Page } from './support/browser';
import { GOOD_PASSWORD, uniqueEmail } from './support/http';
import { linkIn, startSmtpServer, TestSmtpServer } from './support/smtp';
import { createTestApp, TestApp } from './support/test-app';

const NEW_PASSWORD = 'a completely different passphrase';

describe('account pages on the web', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ SMTP_URL: smtp.url, RATE_LIMIT_AUTH_PER_IP: '1000', RATE_LIMIT_AUTH_PER_ACCOUNT: '5' });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const browser = () => new Browser(t.baseUrl);

  async function registerCoder(b = browser(), overrides: Record<string, string> = {}) {
    const email = uniqueEmail('web');
    const page = await b.submit('/register', '/register', {
      role: 'candidate',
      name: 'Dana Rivera',
      organizationName: '',
      email,
      password: GOOD_PASSWORD,
      ...overrides,
    });
    return { b, email, page };
  }

  /** The path and query of the first link in the newest mail to `email` that points at `path`. */
  async function mailedLink(email: string, path: string): Promise<string> {
    const mail = await smtp.waitFor((m) => m.to.includes(email) && m.text.includes(`${path}?token=`));
    const url = new URL(linkIn(mail, path));
    return `${url.pathname}${url.search}`;
  }

  describe('registration', () => {
    it('registers a coder, signs them in with HttpOnly SameSite=Lax cookies and welcomes them on /account', async () => {
      const { b, email, page } = await registerCoder();
      expect(page.status).toBe(303);
      expect(page.location).toBe('/account');
      const session = page.setCookies.filter((c) => /^cc_(access|refresh)=/.test(c));
      expect(session).toHaveLength(2);
      for (const cookie of session) {
        expect(cookie).toMatch(/; HttpOnly/i);
        expect(cookie).toMatch(/; SameSite=Lax/i);
        expect(cookie).toMatch(/; Path=\//i);
      }

      const account = await b.get('/account');
      expect(account.status).toBe(200);
      expect(account.text).toContain('Welcome to CareerCenter, Dana Rivera!');
      expect(account.text).toContain(`We have sent a link to ${email}`);
      expect(account.text).toContain(`Email address ${email}`);
      expect(account.text).toContain('Account type Coder');
      expect(account.text).toContain('Not verified');
      expect(account.html).toContain('<title>Your account · CareerCenter</title>');
      // The header shows who is signed in, and a sign-out form instead of the sign-in links.
      expect(account.html).toMatch(/<a href="\/account">Dana Rivera<\/a>/);
      expect(account.html).toMatch(/<form method="post" action="\/logout">/);
      expect(account.html).not.toContain('href="/login"');

      // The flash message shows once.
      expect((await b.get('/account')).text).not.toContain('Welcome to CareerCenter');
    });

    it('registers an employer with their organization', async () => {
      const b = browser();
      const form = await b.get('/register?role=employer');
      expect(form.html).toMatch(/id="role-employer" name="role" value="employer" checked/);
      const email = uniqueEmail('employer');
      const page = await b.post('/register', {
        _csrf: csrfOf(form.html),
        role: 'employer',
        name: 'Sam Okafor',
        organizationName: 'Riverside Health',
        email,
        password: GOOD_PASSWORD,
      });
      expect(page.status).toBe(303);
      expect((await b.get('/account')).text).toContain('Account type Employer');
      const rows = await t.dataSource.query(
        `SELECT o.name, m.role FROM organizations o JOIN organization_members m ON m.organization_id = o.id JOIN users u ON u.id = m.user_id WHERE u.email = $1`,
        [email],
      );
      expect(rows).toEqual([{ name: 'Riverside Health', role: 'owner' }]);
    });

    it('returns to a local next page after registering, and never to another site', async () => {
      const b = browser();
      const form = await b.get('/register?next=%2Finvitations%2Faccept%3Ftoken%3Dabc');
      expect(form.html).toContain('name="next" value="/invitations/accept?token&#x3D;abc"');
      const page = await b.post('/register', {
        _csrf: csrfOf(form.html),
        role: 'candidate',
        name: 'Invited Coder',
        email: uniqueEmail('invited'),
        password: GOOD_PASSWORD,
        next: '/invitations/accept?token=abc',
      });
      expect(page.status).toBe(303);
      expect(page.location).toBe('/invitations/accept?token=abc');

      const other = browser();
      const otherForm = await other.get('/register');
      const away = await other.post('/register', {
        _csrf: csrfOf(otherForm.html),
        role: 'candidate',
        name: 'Another Coder',
        email: uniqueEmail('away'),
        password: GOOD_PASSWORD,
        next: '//evil.example',
      });
      expect(away.location).toBe('/');
    });

    it('asks an employer for the organization name, keeping what was typed', async () => {
      const email = uniqueEmail('employer');
      const page = await browser().submit('/register', '/register', {
        role: 'employer',
        name: 'Sam Okafor',
        organizationName: '',
        email,
        password: GOOD_PASSWORD,
      });
      expect(page.status).toBe(422);
      expect(page.text).toContain("Enter your organization's name.");
      expect(page.html).toMatch(
        /<input id="organizationName" name="organizationName" type="text" autocomplete="organization" maxlength="120" aria-invalid="true" aria-describedby="organizationName-hint organizationName-error">/,
      );
      expect(page.html).toContain(`value="${email}"`);
      expect(page.html).toMatch(/value="employer" checked/);
      expect(page.html).not.toContain(GOOD_PASSWORD);
      expect(await t.dataSource.query(`SELECT 1 FROM users WHERE email = $1`, [email])).toHaveLength(0);
    });

    it('refuses an address already registered in another case with 409 and a message on the field', async () => {
      const { email } = await registerCoder();
      const page = await browser().submit('/register', '/register', {
        role: 'candidate',
        name: 'Someone Else',
        organizationName: '',
        email: email.toUpperCase(),
        password: GOOD_PASSWORD,
      });
      expect(page.status).toBe(409);
      expect(page.html).toContain('<p class="field-error" id="email-error">An account with this email address already exists.');
      expect(page.html).toMatch(/<input id="email"[^>]* aria-invalid="true" aria-describedby="email-error">/);
      expect(page.html).toMatch(/<div class="error-summary" role="alert"/);
      expect(page.html).toContain('<title>Error: Create your account · CareerCenter</title>');
    });

    it.each([
      ['too short (11 characters)', 'abcdefghijk', 'Use at least 12 characters.'],
      ['too long (129 characters)', 'x'.repeat(129), 'Use at most 128 characters.'],
      ['common', 'password1234', 'This password is too common'],
    ])('refuses a %s password with 422 and the message beside the field', async (_label, password, message) => {
      const { email, page } = await registerCoder(browser(), { password });
      expect(page.status).toBe(422);
      expect(page.html).toMatch(new RegExp(`<p class="field-error" id="password-error">${message}`));
      expect(page.html).toMatch(
        /<input id="password" name="password" type="password" autocomplete="new-password" required minlength="12" maxlength="128" aria-invalid="true" aria-describedby="password-hint password-error">/,
      );
      expect(page.html).toContain('<a href="#password">');
      expect(page.html).not.toContain(password);
      expect(await t.dataSource.query(`SELECT 1 FROM users WHERE email = $1`, [email])).toHaveLength(0);
    });
  });

  describe('signing in and out', () => {
    it('signs out, after which /account sends the visitor to sign in and the old cookies are dead', async () => {
      const { b } = await registerCoder();
      const stolen = b.clone();
      const account = await b.get('/account');
      const out = await b.post('/logout', { _csrf: csrfOf(account.html) });
      expect(out.status).toBe(303);
      expect(out.location).toBe('/');
      expect(b.cookies.has('cc_access')).toBe(false);
      expect(b.cookies.has('cc_refresh')).toBe(false);
      const home = await b.get('/');
      expect(home.text).toContain('You have signed out.');
      expect(home.html).toContain('href="/login"');

      for (const tab of [b, stolen]) {
        const again = await tab.get('/account');
        expect(again.status).toBe(303);
        expect(again.location).toBe('/login?next=%2Faccount');
      }
    });

    it('signs in and goes to the page named by next', async () => {
      const { email } = await registerCoder();
      const b = browser();
      const form = await b.get('/login?next=%2Faccount');
      expect(form.html).toContain('<input type="hidden" name="next" value="/account">');
      const page = await b.post('/login', { _csrf: csrfOf(form.html), email: email.toUpperCase(), password: GOOD_PASSWORD, next: '/account' });
      expect(page.status).toBe(303);
      expect(page.location).toBe('/account');
      expect((await b.get('/account')).text).toContain(`Email address ${email}`);
    });

    it('answers a wrong password and an unknown address alike: 401, one message, the email kept, never the password', async () => {
      const { email } = await registerCoder();
      const wrongPassword = await browser().submit('/login?next=%2Faccount', '/login', { email, password: 'not my password at all', next: '/account' });
      const unknownEmail = await browser().submit('/login', '/login', { email: uniqueEmail('nobody'), password: 'not my password at all' });
      for (const page of [wrongPassword, unknownEmail]) {
        expect(page.status).toBe(401);
        expect(page.html).toContain('<h2 id="error-summary-title">The email or password is incorrect.</h2>');
        expect(page.html).not.toContain('not my password at all');
        expect(page.html).toMatch(/<input id="password" name="password" type="password" autocomplete="current-password" required maxlength="1024">/);
      }
      expect(wrongPassword.html).toContain(`value="${email}"`);
      expect(wrongPassword.html).toContain('<input type="hidden" name="next" value="/account">');
      expect(wrongPassword.setCookies.some((c) => c.startsWith('cc_access='))).toBe(false);
    });

    it.each(['//evil.example', 'https://evil.example', '/\\evil.example'])('lands on / instead of the outside address %s', async (next) => {
      const { email } = await registerCoder();
      const page = await browser().submit(`/login?next=${encodeURIComponent(next)}`, '/login', { email, password: GOOD_PASSWORD, next });
      expect(page.status).toBe(303);
      expect(page.location).toBe('/');
    });

    it('refuses a sign-in without the CSRF token with the 403 error page', async () => {
      const { email } = await registerCoder();
      const b = browser();
      await b.get('/login');
      const page = await b.post('/login', { email, password: GOOD_PASSWORD });
      expect(page.status).toBe(403);
      expect(page.text).toContain('This form has expired or was sent from another site.');
      expect(page.html).toContain('<title>You do not have access to this page · CareerCenter</title>');
      expect(page.setCookies.some((c) => c.startsWith('cc_access='))).toBe(false);
    });

    it('limits sign-in attempts per account with the 429 page and Retry-After', async () => {
      const { email } = await registerCoder();
      const statuses: number[] = [];
      let last: Page | undefined;
      for (let i = 0; i < 6; i++) {
        last = await browser().submit('/login', '/login', { email, password: 'guessing a password' });
        statuses.push(last.status);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
      expect(last!.text).toContain('Too many attempts');
      expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    });
  });

  describe('the account page', () => {
    it('changes the name', async () => {
      const { b } = await registerCoder();
      const page = await b.submit('/account', '/account', { name: '  Dana R. Rivera ' });
      expect(page.status).toBe(303);
      const account = await b.get('/account');
      expect(account.text).toContain('Your name has been saved.');
      expect(account.text).toContain('Name Dana R. Rivera');
      expect(account.html).toContain('<a href="/account">Dana R. Rivera</a>');
    });

    it('shows an empty name as a field error, keeping the rest of the page', async () => {
      const { b, email } = await registerCoder();
      const page = await b.submit('/account', '/account', { name: '   ' });
      expect(page.status).toBe(422);
      expect(page.html).toContain('<p class="field-error" id="name-error">Enter your name.');
      expect(page.text).toContain(`Email address ${email}`);
    });

    it('refuses a change without the CSRF token with the 403 error page', async () => {
      const { b } = await registerCoder();
      const page = await b.post('/account', { name: 'Mallory' });
      expect(page.status).toBe(403);
      expect(page.text).toContain('Error 403');
      expect((await b.get('/account')).text).toContain('Name Dana Rivera');
    });

    it('changes the password: this browser stays signed in, other sessions end, the old password stops working', async () => {
      const { b, email } = await registerCoder();
      const other = b.clone();
      const wrong = await b.submit('/account', '/account/password', { currentPassword: 'not the current one', newPassword: NEW_PASSWORD });
      expect(wrong.status).toBe(422);
      expect(wrong.html).toContain('<p class="field-error" id="currentPassword-error">Your current password is not correct.');
      expect(wrong.html).not.toContain(NEW_PASSWORD);

      const page = await b.submit('/account', '/account/password', { currentPassword: GOOD_PASSWORD, newPassword: NEW_PASSWORD });
      expect(page.status).toBe(303);
      expect(page.setCookies.filter((c) => /^cc_(access|refresh)=/.test(c))).toHaveLength(2);
      const account = await b.get('/account');
      expect(account.status).toBe(200);
      expect(account.text).toContain('Your password has been changed.');
      expect((await other.get('/account')).location).toBe('/login?next=%2Faccount');
      expect((await browser().submit('/login', '/login', { email, password: GOOD_PASSWORD })).status).toBe(401);
      expect((await browser().submit('/login', '/login', { email, password: NEW_PASSWORD })).status).toBe(303);
    });
  });

  describe('emailed links', () => {
    it('verifies the address through the page the emailed link opens, and only when the button is pressed', async () => {
      const { b, email } = await registerCoder();
      const link = await mailedLink(email, '/verify-email');
      const page = await browser().get(link);
      expect(page.status).toBe(200);
      expect(page.text).toContain('Verify my email address');
      const verified = async () => (await t.dataSource.query(`SELECT email_verified FROM users WHERE email = $1`, [email]))[0].email_verified;
      expect(await verified()).toBe(false);

      const confirm = await b.submit(link, '/verify-email', { token: new URL(link, t.baseUrl).searchParams.get('token')! });
      expect(confirm.status).toBe(303);
      expect(confirm.location).toBe('/account');
      expect(await verified()).toBe(true);
      const account = await b.get('/account');
      expect(account.text).toContain('Your email address is verified.');
      expect(account.text).toContain('Verified');
      expect(account.text).not.toContain('Not verified');
      expect(account.html).not.toContain('action="/account/verify-email/resend"');

      const reused = await browser().submit(link, '/verify-email', { token: new URL(link, t.baseUrl).searchParams.get('token')! });
      expect(reused.status).toBe(422);
      expect(reused.text).toContain('This link is invalid, was already used or has expired.');
    });

    it('sends the verification link again from the account page', async () => {
      const { b, email } = await registerCoder();
      const first = await mailedLink(email, '/verify-email');
      const page = await b.submit('/account', '/account/verify-email/resend', {});
      expect(page.status).toBe(303);
      expect((await b.get('/account')).text).toContain(`We have sent a new link to ${email}.`);
      const mail = await smtp.waitFor((m) => m.to.includes(email) && m.text.includes('/verify-email?token=') && !m.text.includes(first));
      expect(linkIn(mail, '/verify-email')).not.toContain(first);
    });

    it('resets a forgotten password through the emailed link, ending earlier sessions', async () => {
      const { b: signedIn, email } = await registerCoder();
      const b = browser();
      const asked = await b.submit('/forgot-password', '/forgot-password', { email });
      expect(asked.status).toBe(303);
      expect(asked.location).toBe('/forgot-password');
      expect((await b.get('/forgot-password')).text).toContain(`If an account exists for ${email}, we have sent it a link`);

      const link = await mailedLink(email, '/reset-password');
      const form = await b.get(link);
      const token = new URL(link, t.baseUrl).searchParams.get('token')!;
      expect(form.html).toContain(`<input type="hidden" name="token" value="${token}">`);

      // A refused password keeps the link's token in the form, so the next try can succeed.
      const weak = await b.post('/reset-password', { _csrf: csrfOf(form.html), token, password: 'password1234' });
      expect(weak.status).toBe(422);
      expect(weak.text).toContain('This password is too common');
      expect(weak.html).toContain(`<input type="hidden" name="token" value="${token}">`);

      const reset = await b.post('/reset-password', { _csrf: csrfOf(weak.html), token, password: NEW_PASSWORD });
      expect(reset.status).toBe(303);
      expect(reset.location).toBe('/login');
      expect((await b.get('/login')).text).toContain('Your password has been changed. Sign in with your new password.');

      expect((await signedIn.get('/account')).location).toBe('/login?next=%2Faccount');
      expect((await browser().submit('/login', '/login', { email, password: GOOD_PASSWORD })).status).toBe(401);
      expect((await browser().submit('/login', '/login', { email, password: NEW_PASSWORD })).status).toBe(303);
    });

    it('shows the same confirmation for an address without an account and sends nothing', async () => {
      const email = uniqueEmail('ghost');
      const b = browser();
      const asked = await b.submit('/forgot-password', '/forgot-password', { email });
      expect(asked.status).toBe(303);
      expect((await b.get('/forgot-password')).text).toContain(`If an account exists for ${email}, we have sent it a link`);
      expect(await t.dataSource.query(`SELECT 1 FROM emails WHERE to_address = $1`, [email])).toHaveLength(0);
    });

    it('explains an unknown reset link instead of showing the form again', async () => {
      const b = browser();
      const form = await b.get('/reset-password?token=not-a-real-token-but-long-enough');
      const page = await b.post('/reset-password', { _csrf: csrfOf(form.html), token: 'not-a-real-token-but-long-enough', password: NEW_PASSWORD });
      expect(page.status).toBe(422);
      expect(page.text).toContain('This link is invalid, was already used or has expired.');
      expect(page.html).toContain('href="/forgot-password"');
      expect(page.html).not.toContain('name="password"');
    });
  });

  describe('the shell around every page', () => {
    it('offers signed-in visitors their account on the home page', async () => {
      const { b } = await registerCoder();
      const home = await b.get('/');
      expect(home.text).toContain('Go to your account');
      expect(home.html).not.toContain('href="/register?role=candidate"');
    });

    it('renders an unknown address as the 404 page inside the layout, without a stack trace', async () => {
      const { b } = await registerCoder();
      const page = await b.get('/no-such-page');
      expect(page.status).toBe(404);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(page.html).toContain('<title>Page not found · CareerCenter</title>');
      expect(page.html).toContain('<a class="brand" href="/">CareerCenter</a>');
      expect(page.html).toContain('<main id="main"');
      expect(page.text).toContain('Error 404');
      expect(page.html).not.toMatch(/\bat \S+ \(|node_modules|\.ts:\d+/);
    });
  });
});
