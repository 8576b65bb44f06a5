import { createHmac } from 'node:crypto';
import { api, GOOD_PASSWORD, uniqueEmail } from './support/http';
import { linkIn, startSmtpServer, TestSmtpServer } from './support/smtp';
import { createTestApp, TestApp } from './support/test-app';

function b64url(value: object | string): string {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
}

/** A JWT signed with HS256 and `secret`, for forging tokens in tests. */
function signJwt(payload: object, secret: string, header: object = { alg: 'HS256', typ: 'JWT' }): string {
  const unsigned = `${b64url(header)}.${b64url(payload)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

describe('accounts over the JSON API', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;
  let http: ReturnType<typeof api>;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ SMTP_URL: smtp.url, RATE_LIMIT_AUTH_PER_ACCOUNT: '5', RATE_LIMIT_AUTH_PER_IP: '1000' });
    http = api(t.baseUrl);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  async function register(overrides: Record<string, unknown> = {}) {
    const email = uniqueEmail();
    const res = await http.post('/api/auth/register', { email, password: GOOD_PASSWORD, name: 'Dana Rivera', role: 'candidate', ...overrides });
    return { email, res };
  }

  it('registers a coder and returns the user with an access token that opens /api/me', async () => {
    const { email, res } = await register();
    expect(res.status).toBe(201);
    expect(res.body.user).toEqual({ id: expect.any(String), email, name: 'Dana Rivera', role: 'candidate', emailVerified: false });
    const me = await http.get('/api/me', res.body.accessToken);
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(email);
  });

  it('stores the email normalized and refuses the same address in another case', async () => {
    const email = uniqueEmail('Mixed.Case');
    const first = await http.post('/api/auth/register', { email: `  ${email.toUpperCase()} `, password: GOOD_PASSWORD, name: 'A', role: 'candidate' });
    expect(first.status).toBe(201);
    expect(first.body.user.email).toBe(email.toLowerCase());
    const again = await http.post('/api/auth/register', { email: email.toLowerCase(), password: GOOD_PASSWORD, name: 'B', role: 'candidate' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ statusCode: 409, error: 'conflict', details: { email: [expect.stringContaining('already exists')] } });
    const rows = await t.dataSource.query(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [email.toLowerCase()]);
    expect(rows[0].n).toBe(1);
  });

  it('creates the organization with the employer as owner', async () => {
    const { res } = await register({ role: 'employer', organizationName: 'Riverside Health' });
    expect(res.status).toBe(201);
    const rows = await t.dataSource.query(
      `SELECT o.name, o.slug, m.role FROM organizations o JOIN organization_members m ON m.organization_id = o.id WHERE m.user_id = $1`,
      [res.body.user.id],
    );
    expect(rows).toEqual([{ name: 'Riverside Health', slug: expect.stringMatching(/^riverside-health/), role: 'owner' }]);
  });

  it('requires an organization name from employers and writes nothing without it', async () => {
    const { email, res } = await register({ role: 'employer' });
    expect(res.status).toBe(400);
    expect(res.body.details.organizationName).toBeDefined();
    expect(await t.dataSource.query(`SELECT 1 FROM users WHERE email = $1`, [email])).toHaveLength(0);
  });

  it.each([
    ['too short (11 characters)', 'abcdefghijk', 'at least 12'],
    ['too long (129 characters)', 'x'.repeat(129), 'at most 128'],
    ['common', 'password1234', 'too common'],
  ])('refuses a %s password with a field message', async (_label, password, message) => {
    const { email, res } = await register({ password });
    expect(res.status).toBe(422);
    expect(res.body.details.password[0]).toContain(message);
    expect(await t.dataSource.query(`SELECT 1 FROM users WHERE email = $1`, [email])).toHaveLength(0);
  });

  it('answers an unknown field with 400 naming it', async () => {
    const { res } = await register({ isAdmin: true });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('isAdmin');
    expect(res.body.details.isAdmin).toBeDefined();
  });

  it('refuses a self-chosen admin role', async () => {
    const { res } = await register({ role: 'admin' });
    expect(res.status).toBe(400);
    expect(res.body.details.role).toBeDefined();
  });

  it('signs in, and gives the same 401 for a wrong password and an unknown email', async () => {
    const { email } = await register();
    const ok = await http.post('/api/auth/login', { email: email.toUpperCase(), password: GOOD_PASSWORD });
    expect(ok.status).toBe(200);
    expect(ok.body.user.email).toBe(email);
    const wrongPassword = await http.post('/api/auth/login', { email, password: 'not the right password' });
    const unknownEmail = await http.post('/api/auth/login', { email: uniqueEmail('nobody'), password: GOOD_PASSWORD });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.body).toEqual(unknownEmail.body);
  });

  it('ends every token of the user on logout', async () => {
    const { res } = await register();
    const token = res.body.accessToken;
    const second = (await http.post('/api/auth/login', { email: res.body.user.email, password: GOOD_PASSWORD })).body.accessToken;
    expect((await http.post('/api/auth/logout', undefined, token)).status).toBe(204);
    expect((await http.get('/api/me', token)).status).toBe(401);
    expect((await http.get('/api/me', second)).status).toBe(401);
  });

  it('ends earlier tokens on password change and hands out a working new one', async () => {
    const { email, res } = await register();
    const old = res.body.accessToken;
    const wrong = await http.post('/api/auth/password/change', { currentPassword: 'wrong wrong wrong', newPassword: 'a brand new passphrase' }, old);
    expect(wrong.status).toBe(422);
    expect(wrong.body.details.currentPassword).toBeDefined();
    const changed = await http.post('/api/auth/password/change', { currentPassword: GOOD_PASSWORD, newPassword: 'a brand new passphrase' }, old);
    expect(changed.status).toBe(200);
    expect((await http.get('/api/me', old)).status).toBe(401);
    expect((await http.get('/api/me', changed.body.accessToken)).status).toBe(200);
    expect((await http.post('/api/auth/login', { email, password: GOOD_PASSWORD })).status).toBe(401);
    const notice = await smtp.waitFor((m) => m.to.includes(email) && /password was changed/i.test(m.subject));
    expect(notice.text).toContain('/forgot-password');
  });

  it('verifies the email address with the emailed token, once', async () => {
    const { email, res } = await register();
    const mail = await smtp.waitFor((m) => m.to.includes(email) && /verify/i.test(m.subject));
    const token = new URL(linkIn(mail, '/verify-email')).searchParams.get('token')!;
    const verified = await http.post('/api/auth/verify-email', { token });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ email, emailVerified: true });
    expect((await http.get('/api/me', res.body.accessToken)).body.emailVerified).toBe(true);
    const reused = await http.post('/api/auth/verify-email', { token });
    expect(reused.status).toBe(422);
  });

  it('resends verification only while unverified', async () => {
    const { email, res } = await register();
    const resent = await http.post('/api/auth/verify-email/resend', undefined, res.body.accessToken);
    expect(resent.status).toBe(202);
    const mails = async () => smtp.messages.filter((m) => m.to.includes(email) && /verify/i.test(m.subject)).length;
    await smtp.waitFor((m) => m.to.includes(email) && /verify/i.test(m.subject));
    await new Promise((r) => setTimeout(r, 100));
    expect(await mails()).toBeGreaterThanOrEqual(1);
  });

  it('resets a forgotten password through the emailed link, ending earlier sessions', async () => {
    const { email, res } = await register();
    const forgot = await http.post('/api/auth/password/forgot', { email });
    expect(forgot.status).toBe(202);
    const mail = await smtp.waitFor((m) => m.to.includes(email) && /reset/i.test(m.subject));
    const token = new URL(linkIn(mail, '/reset-password')).searchParams.get('token')!;

    // A reset token is never an access token.
    expect((await http.get('/api/me', token)).status).toBe(401);

    const weak = await http.post('/api/auth/password/reset', { token, password: 'short' });
    expect(weak.status).toBe(422);
    const reset = await http.post('/api/auth/password/reset', { token, password: 'another fine passphrase' });
    expect(reset.status).toBe(204);
    expect((await http.get('/api/me', res.body.accessToken)).status).toBe(401);
    expect((await http.post('/api/auth/login', { email, password: 'another fine passphrase' })).status).toBe(200);
    const again = await http.post('/api/auth/password/reset', { token, password: 'yet another passphrase' });
    expect(again.status).toBe(422);
  });

  it('answers forgot-password the same way for an unknown address and sends nothing', async () => {
    const email = uniqueEmail('ghost');
    const res = await http.post('/api/auth/password/forgot', { email });
    expect(res.status).toBe(202);
    const rows = await t.dataSource.query(`SELECT count(*)::int AS n FROM emails WHERE to_address = $1`, [email]);
    expect(rows[0].n).toBe(0);
  });

  it('expires a reset token after its hour', async () => {
    const { email } = await register();
    await http.post('/api/auth/password/forgot', { email });
    const mail = await smtp.waitFor((m) => m.to.includes(email) && /reset/i.test(m.subject));
    const token = new URL(linkIn(mail, '/reset-password')).searchParams.get('token')!;
    await t.dataSource.query(`UPDATE user_tokens SET expires_at = now() - interval '1 second' WHERE purpose = 'reset_password'`);
    expect((await http.post('/api/auth/password/reset', { token, password: 'another fine passphrase' })).status).toBe(422);
  });

  describe('tampered tokens', () => {
    let userId: string;
    let token: string;
    beforeAll(async () => {
      const { res } = await register();
      userId = res.body.user.id;
      token = res.body.accessToken;
    });

    const now = () => Math.floor(Date.now() / 1000);
    const claims = () => ({ sub: userId, ver: 0, iss: t.env.JWT_ISSUER, aud: t.env.JWT_AUDIENCE, iat: now(), exp: now() + 600 });

    it('accepts the genuine token', async () => {
      expect((await http.get('/api/me', token)).status).toBe(200);
      expect((await http.get('/api/me', signJwt(claims(), t.env.JWT_SECRET))).status).toBe(200);
    });

    it.each([
      ['alg none', () => `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims())}.`],
      ['a changed signature', () => `${token.slice(0, -4)}${token.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`],
      ['a changed payload', () => `${token.split('.')[0]}.${b64url({ ...claims(), sub: '00000000-0000-0000-0000-000000000000' })}.${token.split('.')[2]}`],
      ['another secret', () => signJwt(claims(), 'some other secret entirely, 32+ bytes')],
      ['an expired token', () => signJwt({ ...claims(), iat: now() - 7200, exp: now() - 3600 }, t.env.JWT_SECRET)],
      ['a wrong issuer', () => signJwt({ ...claims(), iss: 'someone-else' }, t.env.JWT_SECRET)],
      ['a wrong audience', () => signJwt({ ...claims(), aud: 'someone-else' }, t.env.JWT_SECRET)],
      ['a refresh token', () => signJwt({ ...claims(), aud: `${t.env.JWT_AUDIENCE}:refresh` }, t.env.JWT_SECRET)],
      ['HS512', () => signJwt(claims(), t.env.JWT_SECRET, { alg: 'HS512', typ: 'JWT' })],
      ['an old token version', () => signJwt({ ...claims(), ver: -1 }, t.env.JWT_SECRET)],
      ['garbage', () => 'not-a-jwt'],
    ])('refuses %s with 401 JSON', async (_label, make) => {
      const res = await http.get('/api/me', make());
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ statusCode: 401, error: 'unauthenticated', message: expect.any(String) });
    });

    it('never takes a token from the query string', async () => {
      const res = await http.get(`/api/me?access_token=${token}&token=${token}`);
      expect(res.status).toBe(401);
    });
  });

  it('stops a disabled account and a changed role on the next request', async () => {
    const { res } = await register();
    const token = res.body.accessToken;
    await t.dataSource.query(`UPDATE users SET role = 'employer' WHERE id = $1`, [res.body.user.id]);
    expect((await http.get('/api/me', token)).body.role).toBe('employer');
    await t.dataSource.query(`UPDATE users SET disabled_at = now() WHERE id = $1`, [res.body.user.id]);
    expect((await http.get('/api/me', token)).status).toBe(401);
  });

  it('answers a signed-out API request with 401 JSON', async () => {
    const res = await http.get('/api/me');
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('unauthenticated');
  });

  it('rate-limits sign-in per account with 429 and Retry-After, counted in Postgres', async () => {
    const { email } = await register();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await http.post('/api/auth/login', { email, password: 'wrong password here' })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const blocked = await http.post('/api/auth/login', { email, password: GOOD_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    const rows = await t.dataSource.query(`SELECT hits FROM rate_limit_buckets WHERE key = $1`, [`account:login:email:${email}`]);
    expect(rows[0].hits).toBeGreaterThanOrEqual(6);
  });

  it('answers a JSON body over 100 kB with 413 and malformed JSON with 400', async () => {
    const big = await http.call('POST', '/api/auth/login', { raw: JSON.stringify({ email: 'a@b.test', password: 'x'.repeat(120_000) }) });
    expect(big.status).toBe(413);
    expect(big.body).toMatchObject({ statusCode: 413 });
    const broken = await http.call('POST', '/api/auth/login', { raw: '{"email": "a@b.test", ' });
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({ statusCode: 400, message: expect.stringContaining('JSON') });
    expect((await http.get('/health')).status).toBe(200);
  });
});

describe('health and API documents', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('reports liveness and database readiness', async () => {
    const http = api(t.baseUrl);
    expect((await http.get('/health')).body).toMatchObject({ status: 'ok' });
    expect((await http.get('/health/ready')).body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });

  it('serves the OpenAPI document generated from the DTOs', async () => {
    const doc = (await api(t.baseUrl).get('/api/docs-json')).body;
    expect(doc.paths['/api/auth/register'].post).toBeDefined();
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['RegisterDto', 'LoginDto']));
    const ui = await fetch(`${t.baseUrl}/api/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
  });

  it('sends security headers and no X-Powered-By', async () => {
    const res = await fetch(`${t.baseUrl}/health`);
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-request-id')).toMatch(/.+/);
  });
});
