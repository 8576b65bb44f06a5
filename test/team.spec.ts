import { createHash } from 'node:crypto';
import { Clock } from '../src/common/clock';
import { Browser, csrfOf } from './support/browser';
import { signUp, SignedUp } from './support/factories';
import { api, GOOD_PASSWORD, uniqueEmail } from './support/http';
import { linkIn, ReceivedMail, startSmtpServer, TestSmtpServer } from './support/smtp';
import { createTestApp, TestApp } from './support/test-app';

const SUBJECT = 'You are invited to join a hiring team on CareerCenter';

describe('organization teams and invitations', () => {
  let t: TestApp;
  let smtp: TestSmtpServer;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ SMTP_URL: smtp.url, RATE_LIMIT_AUTH_PER_IP: '1000', RATE_LIMIT_AUTH_PER_ACCOUNT: '1000' });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });
  afterEach(() => jest.restoreAllMocks());

  const client = () => api(t.baseUrl);
  const members = (organizationId: string) =>
    t.dataSource.query(`SELECT user_id, role FROM organization_members WHERE organization_id = $1 ORDER BY created_at`, [organizationId]) as Promise<
      Array<{ user_id: string; role: string }>
    >;

  /** The `n`th invitation mail (1-based) to `email`, once it has arrived. */
  async function invitationMail(email: string, n = 1): Promise<ReceivedMail> {
    const deadline = Date.now() + 15000;
    for (;;) {
      const received = smtp.messages.filter((m) => m.to.includes(email) && m.subject === SUBJECT);
      if (received.length >= n) return received[n - 1];
      if (Date.now() > deadline) throw new Error(`Invitation mail ${n} to ${email} did not arrive; got ${received.length}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** The path and query of the link in the `n`th invitation mail to `email`. */
  async function invitationPath(email: string, n = 1): Promise<string> {
    const url = new URL(linkIn(await invitationMail(email, n), '/invitations/accept'));
    return `${url.pathname}${url.search}`;
  }

  async function invite(owner: SignedUp, email: string, role: 'owner' | 'recruiter' = 'recruiter') {
    const res = await client().post(`/api/organizations/${owner.organizationId}/invitations`, { email, role }, owner.token);
    expect(res.status).toBe(201);
    return res.body;
  }

  async function signIn(email: string): Promise<Browser> {
    const b = new Browser(t.baseUrl);
    const res = await b.submit('/login', '/login', { email, password: GOOD_PASSWORD });
    expect(res.status).toBe(303);
    return b;
  }

  async function apiToken(email: string): Promise<string> {
    const res = await client().post('/api/auth/login', { email, password: GOOD_PASSWORD });
    expect(res.status).toBe(200);
    return res.body.accessToken;
  }

  /** Accepts through the invitation page's own form. */
  async function acceptWith(b: Browser, path: string) {
    const page = await b.get(path);
    const token = /name="token" value="([^"]+)"/.exec(page.html)?.[1];
    if (!token) throw new Error(`No accept form on:\n${page.text}`);
    return b.post('/invitations/accept', { _csrf: csrfOf(page.html), token });
  }

  /** A coder account, registered on the web, with the given address. */
  async function registerCoder(email: string, name = 'Sam Coder'): Promise<Browser> {
    const b = new Browser(t.baseUrl);
    const res = await b.submit('/register', '/register', { role: 'candidate', name, organizationName: '', email, password: GOOD_PASSWORD });
    expect(res.status).toBe(303);
    return b;
  }

  it('takes an invitee from the email to the team, and removal ends their access on the next request', async () => {
    const owner = await signUp(t.baseUrl, 'employer', t.dataSource, 'Riverside Health');
    const email = uniqueEmail('invitee');

    const created = await invite(owner, email.toUpperCase());
    expect(created).toMatchObject({ email, role: 'recruiter', status: 'pending', invitedBy: 'Test employer' });

    const mail = await invitationMail(email);
    expect(mail.text).toContain('Test employer has invited you to join Riverside Health on CareerCenter with the recruiter role.');
    expect(mail.html).toContain('<strong>Riverside Health</strong>');
    const expiresOn = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(created.expiresAt));
    expect(mail.text).toContain(`expires on ${expiresOn}`);
    expect(new Date(created.expiresAt).getTime() - Date.now()).toBeGreaterThan(7 * 86400_000 - 60_000);
    const path = await invitationPath(email);
    const token = new URL(path, t.baseUrl).searchParams.get('token')!;
    expect(token).toMatch(/^[\w-]{43}$/);
    // Only the token's hash is stored.
    const [row] = await t.dataSource.query(`SELECT token_hash FROM organization_invitations WHERE id = $1`, [created.id]);
    expect(row.token_hash).toBe(createHash('sha256').update(token).digest('hex'));

    // Signed out: the page says what the invitation is and how to accept it.
    const visitor = new Browser(t.baseUrl);
    const signedOut = await visitor.get(path);
    expect(signedOut.status).toBe(200);
    expect(signedOut.text).toContain('Join Riverside Health on CareerCenter');
    expect(signedOut.text).toContain('Test employer has invited you to join the team of Riverside Health with the recruiter role.');
    expect(signedOut.text).toContain(`The invitation was sent to ${email}.`);
    const signInHref = /<a class="button" href="([^"]+)">Sign in to accept<\/a>/.exec(signedOut.html)![1].replace(/&#x3D;/g, '=');
    expect(signInHref).toBe(`/login?next=${encodeURIComponent(path)}`);
    expect(signedOut.html).not.toContain('action="/invitations/accept"');

    // A new coder account with the invited address accepts, and becomes an employer.
    const b = await registerCoder(email);
    const page = await b.get(path);
    expect(page.text).toContain('Accepting turns your coder account into an employer account.');
    const accepted = await acceptWith(b, path);
    expect(accepted.status).toBe(303);
    expect(accepted.location).toBe('/employer/team');
    const team = await b.get('/employer/team');
    expect(team.status).toBe(200);
    expect(team.text).toContain('Welcome to Riverside Health! You have joined its team with the recruiter role.');
    expect(team.text).toContain(`Sam Coder · ${email} recruiter (you)`);
    expect(team.text).toContain('Only an owner can invite or remove members.');
    expect(team.html).not.toContain('/remove"');

    const [user] = await t.dataSource.query(`SELECT id, role FROM users WHERE email = $1`, [email]);
    expect(user.role).toBe('employer');
    expect(await members(owner.organizationId!)).toEqual([
      { user_id: owner.id, role: 'owner' },
      { user_id: user.id, role: 'recruiter' },
    ]);
    const [invitation] = await t.dataSource.query(`SELECT accepted_at FROM organization_invitations WHERE id = $1`, [created.id]);
    expect(invitation.accepted_at).not.toBeNull();

    // The new member uses the organization's API.
    const token2 = await apiToken(email);
    const mine = await client().get('/api/organizations/mine', token2);
    expect(mine.body).toEqual([expect.objectContaining({ id: owner.organizationId, name: 'Riverside Health', role: 'recruiter' })]);
    const list = await client().get(`/api/organizations/${owner.organizationId}/members`, token2);
    expect(list.status).toBe(200);
    expect(list.body.map((m: { email: string; role: string }) => [m.email, m.role])).toEqual([
      [owner.email, 'owner'],
      [email, 'recruiter'],
    ]);

    // The link worked once.
    const again = await b.get(path);
    expect(again.status).toBe(410);
    expect(again.text).toContain('This invitation has already been accepted.');

    // The owner removes them: their very next request no longer sees the organization.
    const removed = await client().call('DELETE', `/api/organizations/${owner.organizationId}/members/${user.id}`, { token: owner.token });
    expect(removed.status).toBe(204);
    expect((await client().get('/api/organizations/mine', token2)).body).toEqual([]);
    const gone = await client().get(`/api/organizations/${owner.organizationId}/members`, token2);
    expect(gone.status).toBe(404);
    expect((await b.get('/employer/team')).text).toContain('Your account is not part of an organization.');
    expect(await members(owner.organizationId!)).toEqual([{ user_id: owner.id, role: 'owner' }]);
  });

  it('sends a signed-out invitee to sign in and back to the invitation', async () => {
    const owner = await signUp(t.baseUrl, 'employer', t.dataSource);
    const email = uniqueEmail('existing');
    await registerCoder(email, 'Pat Existing');
    await invite(owner, email, 'owner');
    const path = await invitationPath(email);

    const b = new Browser(t.baseUrl);
    const page = await b.get(path);
    const signInHref = /<a class="button" href="([^"]+)">Sign in to accept<\/a>/.exec(page.html)![1].replace(/&#x3D;/g, '=');
    const login = await b.get(signInHref);
    const next = /name="next" value="([^"]+)"/.exec(login.html)![1].replace(/&#x3D;/g, '=');
    expect(next).toBe(path);
    const signedIn = await b.post('/login', { _csrf: csrfOf(login.html), email, password: GOOD_PASSWORD, next });
    expect(signedIn.location).toBe(path);

    expect((await acceptWith(b, path)).status).toBe(303);
    const [member] = await t.dataSource.query(`SELECT m.role FROM organization_members m JOIN users u ON u.id = m.user_id WHERE u.email = $1`, [email]);
    expect(member.role).toBe('owner');
  });

  describe('links that no longer work', () => {
    let owner: SignedUp;
    beforeAll(async () => {
      owner = await signUp(t.baseUrl, 'employer', t.dataSource);
    });

    it('refuses a tampered token (404) and a missing one', async () => {
      const email = uniqueEmail('tampered');
      await invite(owner, email);
      const path = await invitationPath(email);
      const tampered = path.replace(/token=(.)/, (_m, c: string) => `token=${c === 'A' ? 'B' : 'A'}`);
      const b = await registerCoder(email);
      const page = await b.get(tampered);
      expect(page.status).toBe(404);
      expect(page.text).toContain('This invitation link is not valid.');
      expect((await b.get('/invitations/accept')).status).toBe(404);
      const token = new URL(tampered, t.baseUrl).searchParams.get('token')!;
      const post = await b.post('/invitations/accept', { _csrf: csrfOf((await b.get('/account')).html), token });
      expect(post.status).toBe(404);
      expect(await members(owner.organizationId!)).toHaveLength(1);
    });

    it('refuses an expired invitation (410)', async () => {
      const email = uniqueEmail('late');
      await invite(owner, email);
      const path = await invitationPath(email);
      const b = await registerCoder(email);
      const page = await b.get(path);
      const clock = t.app.get(Clock);
      jest.spyOn(clock, 'now').mockReturnValue(new Date(Date.now() + 7 * 86400_000 + 60_000));
      const late = await b.get(path);
      expect(late.status).toBe(410);
      expect(late.text).toContain('This invitation has expired. Ask the person who invited you to send a new one.');
      const token = /name="token" value="([^"]+)"/.exec(page.html)![1];
      const post = await b.post('/invitations/accept', { _csrf: csrfOf(page.html), token });
      expect(post.status).toBe(410);
      expect(await members(owner.organizationId!)).toHaveLength(1);
      // The owner sees it as expired, ready to send again.
      const list = await client().get(`/api/organizations/${owner.organizationId}/invitations`, owner.token);
      expect(list.body.find((i: { email: string }) => i.email === email).status).toBe('expired');
    });

    it('refuses a withdrawn invitation (410)', async () => {
      const email = uniqueEmail('withdrawn');
      const created = await invite(owner, email);
      const path = await invitationPath(email);
      const revoked = await client().call('DELETE', `/api/organizations/${owner.organizationId}/invitations/${created.id}`, { token: owner.token });
      expect(revoked.status).toBe(204);
      const b = await registerCoder(email);
      const page = await b.get(path);
      expect(page.status).toBe(410);
      expect(page.text).toContain('This invitation was withdrawn.');
      const twice = await client().call('DELETE', `/api/organizations/${owner.organizationId}/invitations/${created.id}`, { token: owner.token });
      expect(twice.status).toBe(404);
    });

    it('withdraws the earlier invitation when the same address is invited again', async () => {
      const email = uniqueEmail('twice');
      await invite(owner, email, 'owner');
      const first = await invitationPath(email, 1);
      await invite(owner, email.toUpperCase(), 'recruiter');
      const second = await invitationPath(email, 2);
      const b = await registerCoder(email);
      expect((await b.get(first)).status).toBe(410);
      const list = await client().get(`/api/organizations/${owner.organizationId}/invitations`, owner.token);
      expect(list.body.filter((i: { email: string }) => i.email === email)).toEqual([expect.objectContaining({ role: 'recruiter', status: 'pending' })]);
      expect((await acceptWith(b, second)).status).toBe(303);
      const [member] = await t.dataSource.query(`SELECT m.role FROM organization_members m JOIN users u ON u.id = m.user_id WHERE u.email = $1`, [email]);
      expect(member.role).toBe('recruiter');
    });

    it('refuses a used invitation (410)', async () => {
      const email = uniqueEmail('used');
      await invite(owner, email);
      const path = await invitationPath(email);
      const b = await registerCoder(email);
      const page = await b.get(path);
      const fields = { _csrf: csrfOf(page.html), token: /name="token" value="([^"]+)"/.exec(page.html)![1] };
      expect((await b.post('/invitations/accept', fields)).status).toBe(303);
      const second = await b.post('/invitations/accept', fields);
      expect(second.status).toBe(410);
      expect(second.text).toContain('This invitation has already been accepted.');
    });
  });

  it('refuses an account with another address (403) and leaves the invitation open', async () => {
    const owner = await signUp(t.baseUrl, 'employer', t.dataSource);
    const invited = uniqueEmail('invited');
    const created = await invite(owner, invited);
    const path = await invitationPath(invited);
    const intruder = uniqueEmail('intruder');
    const b = await registerCoder(intruder);

    const page = await b.get(path);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`You are signed in as ${intruder}. To accept, sign out and sign in with ${invited}.`);
    expect(page.html).not.toContain('name="token"');

    const token = new URL(path, t.baseUrl).searchParams.get('token')!;
    const res = await b.post('/invitations/accept', { _csrf: csrfOf(page.html), token });
    expect(res.status).toBe(403);
    expect(res.text).toContain(`This invitation was sent to ${invited}, but you are signed in as ${intruder}.`);
    expect(await members(owner.organizationId!)).toHaveLength(1);
    const [row] = await t.dataSource.query(`SELECT accepted_at, revoked_at FROM organization_invitations WHERE id = $1`, [created.id]);
    expect(row).toEqual({ accepted_at: null, revoked_at: null });
    const [user] = await t.dataSource.query(`SELECT role FROM users WHERE email = $1`, [intruder]);
    expect(user.role).toBe('candidate');
  });

  it('refuses someone who already belongs to another organization (409)', async () => {
    const owner = await signUp(t.baseUrl, 'employer', t.dataSource);
    const elsewhere = await signUp(t.baseUrl, 'employer', t.dataSource, 'Elsewhere Medical');
    await invite(owner, elsewhere.email);
    const path = await invitationPath(elsewhere.email);
    const b = await signIn(elsewhere.email);
    const res = await acceptWith(b, path);
    expect(res.status).toBe(409);
    expect(res.text).toContain('You already belong to Elsewhere Medical.');
    expect(await members(owner.organizationId!)).toHaveLength(1);
  });

  describe('who may manage the team', () => {
    let owner: SignedUp;
    let other: SignedUp;
    let recruiter: { id: string; email: string; token: string };

    beforeAll(async () => {
      owner = await signUp(t.baseUrl, 'employer', t.dataSource);
      other = await signUp(t.baseUrl, 'employer', t.dataSource);
      const email = uniqueEmail('recruiter');
      await invite(owner, email);
      const b = await registerCoder(email, 'Riley Recruiter');
      expect((await acceptWith(b, await invitationPath(email))).status).toBe(303);
      const [{ id }] = await t.dataSource.query(`SELECT id FROM users WHERE email = $1`, [email]);
      recruiter = { id, email, token: await apiToken(email) };
    });

    it('lets a recruiter see the team and the invitations, but not change them (403)', async () => {
      const list = await client().get(`/api/organizations/${owner.organizationId}/members`, recruiter.token);
      expect(list.status).toBe(200);
      expect(list.body).toHaveLength(2);
      expect((await client().get(`/api/organizations/${owner.organizationId}/invitations`, recruiter.token)).status).toBe(200);

      const inviting = await client().post(
        `/api/organizations/${owner.organizationId}/invitations`,
        { email: uniqueEmail('x'), role: 'owner' },
        recruiter.token,
      );
      expect(inviting.status).toBe(403);
      expect(inviting.body.message).toBe('Only an owner of the organization can do this.');
      const removing = await client().call('DELETE', `/api/organizations/${owner.organizationId}/members/${owner.id}`, { token: recruiter.token });
      expect(removing.status).toBe(403);
      expect(await members(owner.organizationId!)).toHaveLength(2);
    });

    it("answers 404 for another organization's team and changes nothing", async () => {
      const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM organization_invitations`);
      expect((await client().get(`/api/organizations/${owner.organizationId}/members`, other.token)).status).toBe(404);
      expect((await client().get(`/api/organizations/${owner.organizationId}/invitations`, other.token)).status).toBe(404);
      const inviting = await client().post(`/api/organizations/${owner.organizationId}/invitations`, { email: uniqueEmail('x'), role: 'owner' }, other.token);
      expect(inviting.status).toBe(404);
      const removing = await client().call('DELETE', `/api/organizations/${owner.organizationId}/members/${recruiter.id}`, { token: other.token });
      expect(removing.status).toBe(404);
      expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM organization_invitations`)).toEqual(before);
      expect(await members(owner.organizationId!)).toHaveLength(2);
    });

    it('refuses coders (403) and signed-out visitors (401)', async () => {
      const coder = await signUp(t.baseUrl, 'candidate', t.dataSource);
      expect((await client().get(`/api/organizations/${owner.organizationId}/members`, coder.token)).status).toBe(403);
      expect((await client().post(`/api/organizations/${owner.organizationId}/invitations`, { email: uniqueEmail('x'), role: 'owner' })).status).toBe(401);
    });

    it('refuses fields a client must not set, unknown roles and people already on the team', async () => {
      const extra = await client().post(
        `/api/organizations/${owner.organizationId}/invitations`,
        { email: uniqueEmail('x'), role: 'recruiter', organizationId: other.organizationId },
        owner.token,
      );
      expect(extra.status).toBe(400);
      expect(extra.body.message).toBe('Unknown field(s): organizationId.');
      const admin = await client().post(`/api/organizations/${owner.organizationId}/invitations`, { email: uniqueEmail('x'), role: 'admin' }, owner.token);
      expect(admin.status).toBe(400);
      expect(admin.body.details.role).toEqual(['Choose owner or recruiter.']);
      const member = await client().post(`/api/organizations/${owner.organizationId}/invitations`, { email: recruiter.email, role: 'owner' }, owner.token);
      expect(member.status).toBe(409);
      expect(member.body.message).toBe(`${recruiter.email} is already on your team.`);
    });

    it('keeps the last owner (409), and lets an owner remove another owner', async () => {
      const last = await client().call('DELETE', `/api/organizations/${owner.organizationId}/members/${owner.id}`, { token: owner.token });
      expect(last.status).toBe(409);
      expect(last.body.message).toMatch(/at least one owner/);
      const unknown = await client().call('DELETE', `/api/organizations/${owner.organizationId}/members/${other.id}`, { token: owner.token });
      expect(unknown.status).toBe(404);

      const second = uniqueEmail('second-owner');
      await invite(owner, second, 'owner');
      const b = await registerCoder(second);
      expect((await acceptWith(b, await invitationPath(second))).status).toBe(303);
      const secondToken = await apiToken(second);
      const removed = await client().call('DELETE', `/api/organizations/${owner.organizationId}/members/${owner.id}`, { token: secondToken });
      expect(removed.status).toBe(204);
      expect((await client().get('/api/organizations/mine', owner.token)).body).toEqual([]);
      expect((await members(owner.organizationId!)).map((m) => m.role)).toEqual(['recruiter', 'owner']);
    });
  });

  describe('the team page /employer/team', () => {
    it('lets the owner invite, send again and withdraw, and shows a refused invitation in the page', async () => {
      const owner = await signUp(t.baseUrl, 'employer', t.dataSource, 'Hilltop Coding');
      const b = await signIn(owner.email);
      const page = await b.get('/employer/team');
      expect(page.status).toBe(200);
      expect(page.text).toContain(`Test employer · ${owner.email} owner (you)`);
      expect(page.text).toContain('No invitations are waiting for an answer.');

      const refused = await b.submit('/employer/team', '/employer/team/invitations', { email: 'not an address', role: 'recruiter' });
      expect(refused.status).toBe(422);
      expect(refused.text).toContain('Enter a valid email address.');
      expect(refused.text).toContain(`Test employer · ${owner.email} owner (you)`);
      expect(refused.html).toContain('value="not an address"');

      const email = uniqueEmail('web-invitee');
      const sent = await b.submit('/employer/team', '/employer/team/invitations', { email, role: 'owner' });
      expect(sent.status).toBe(303);
      const listed = await b.get('/employer/team');
      expect(listed.text).toContain(`We have emailed an invitation to ${email}. It works for 7 days.`);
      expect(listed.text).toContain(`${email} · owner`);
      expect((await invitationMail(email)).text).toContain('join Hilltop Coding on CareerCenter with the owner role');

      const resent = await b.post('/employer/team/invitations', { _csrf: csrfOf(listed.html), email, role: 'owner' });
      expect(resent.status).toBe(303);
      await invitationMail(email, 2);

      const current = await b.get('/employer/team');
      const revokeAction = /action="(\/employer\/team\/invitations\/[^"]+\/revoke)"/.exec(current.html)![1];
      const withdrawn = await b.post(revokeAction, { _csrf: csrfOf(current.html) });
      expect(withdrawn.status).toBe(303);
      const after = await b.get('/employer/team');
      expect(after.text).toContain('The invitation has been withdrawn; its link no longer works.');
      expect(after.text).toContain('No invitations are waiting for an answer.');
      expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM organization_invitations WHERE email = $1 AND revoked_at IS NULL`, [email]))[0].n).toBe(
        0,
      );
    });

    it('removes a member from the page, and refuses to remove the last owner there too', async () => {
      const owner = await signUp(t.baseUrl, 'employer', t.dataSource);
      const email = uniqueEmail('leaving');
      await invite(owner, email);
      const member = await registerCoder(email, 'Lee Leaving');
      expect((await acceptWith(member, await invitationPath(email))).status).toBe(303);

      const b = await signIn(owner.email);
      const page = await b.get('/employer/team');
      expect(page.text).toContain('Remove Lee Leaving from the team');
      const removeAction = /action="(\/employer\/team\/members\/[^"]+\/remove)"/.exec(page.html)![1];
      const removed = await b.post(removeAction, { _csrf: csrfOf(page.html) });
      expect(removed.status).toBe(303);
      expect((await b.get('/employer/team')).text).toContain('Lee Leaving has been removed from the team.');
      expect((await member.get('/employer/team')).text).toContain('Your account is not part of an organization.');

      const self = await b.post(`/employer/team/members/${owner.id}/remove`, { _csrf: csrfOf(page.html) });
      expect(self.status).toBe(409);
      expect(self.text).toContain('An organization needs at least one owner.');
      expect(self.text).toContain(`Test employer · ${owner.email} owner (you)`);
    });

    it('refuses coders', async () => {
      const coder = await signUp(t.baseUrl, 'candidate', t.dataSource);
      expect((await (await signIn(coder.email)).get('/employer/team')).status).toBe(403);
    });
  });

  it('keeps script in an organization name harmless in the invitation email and page', async () => {
    const owner = await signUp(t.baseUrl, 'employer', t.dataSource);
    const payload = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    expect((await client().patch(`/api/organizations/${owner.organizationId}`, { name: `Evil ${payload}` }, owner.token)).status).toBe(200);
    const email = uniqueEmail('xss');
    await invite(owner, email);
    const mail = await invitationMail(email);
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<img src=x');
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // Plain text is not HTML: the name reads as typed.
    expect(mail.text).toContain(`join Evil ${payload} on CareerCenter`);

    const page = await new Browser(t.baseUrl).get(await invitationPath(email));
    expect(page.html).not.toContain('<script>alert');
    expect(page.html).not.toContain('onerror=alert');
    expect(page.text).toContain(`Join Evil ${payload} on CareerCenter`);
  });
});
