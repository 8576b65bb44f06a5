import { AlertLinks } from '../src/alerts/alert-links';
import { Browser, csrfOf, textOf } from './support/browser';
import { signedInBrowser } from './support/candidate-fixtures';
import { signUp, SignedUp } from './support/factories';
import { api, uniqueEmail } from './support/http';
import { createTestApp, TestApp } from './support/test-app';

/** What a mail client sends for RFC 8058 one-click unsubscribe: no cookies, no page, no CSRF token. */
function oneClick(url: string): Promise<{ status: number; text: string }> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
    redirect: 'manual',
  }).then(async (res) => ({ status: res.status, text: textOf(await res.text()) }));
}

describe('unsubscribing from job alerts', () => {
  let t: TestApp;
  let links: AlertLinks;

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_AUTH_PER_IP: '1000', RATE_LIMIT_AUTH_PER_ACCOUNT: '1000' });
    links = t.app.get(AlertLinks);
  });
  afterAll(() => t.close());

  /** The path and query of one of the app's links. */
  const pathOf = (url: string) => `${new URL(url).pathname}${new URL(url).search}`;
  /** A link to the app itself, whatever APP_URL says. */
  const local = (url: string) => `${t.baseUrl}${pathOf(url)}`;
  const unsubscribedAt = async (id: string): Promise<Date | null> =>
    (await t.dataSource.query(`SELECT unsubscribed_at FROM alerts WHERE id = $1`, [id]))[0].unsubscribed_at;

  async function memberAlert(name: string): Promise<{ coder: SignedUp; id: string }> {
    const coder = await signUp(t.baseUrl, 'candidate', t.dataSource);
    const res = await api(t.baseUrl).post('/api/alerts', { name, filters: { credential: 'CPC' }, frequency: 'daily' }, coder.token);
    return { coder, id: res.body.id };
  }

  async function guestAlert(email: string, name: string): Promise<string> {
    const [{ id }] = await t.dataSource.query(
      `INSERT INTO alerts (guest_email, name, params, frequency, credential_keys, specialty_keys, setting_keys, workplace_keys, state_keys, employment_type_keys, organization_keys, confirmed_at)
       VALUES ($1, $2, '{"credential":"CRC"}', 'weekly', '{CRC}', '{*}', '{*}', '{*}', '{*}', '{*}', '{*}', now()) RETURNING id`,
      [email, name],
    );
    return id;
  }

  it('shows what a link stops, with a button, and changes nothing until it is pressed', async () => {
    const { id } = await memberAlert('Remote CPC jobs');
    const url = links.unsubscribeUrl({ alertId: id });
    const page = await new Browser(t.baseUrl).get(pathOf(url));
    expect(page.status).toBe(200);
    expect(page.text).toContain('Stop the job alert “Remote CPC jobs”?');
    const action = textOf(/<form method="post" action="([^"]+)">/.exec(page.html)![1]);
    expect(action).toBe(pathOf(url));
    expect(await unsubscribedAt(id)).toBeNull();

    const pressed = await new Browser(t.baseUrl).post(action, {});
    expect(pressed.status).toBe(200);
    expect(pressed.text).toContain('You are unsubscribed');
    expect(await unsubscribedAt(id)).toBeInstanceOf(Date);
  });

  it('unsubscribes with a one-click POST, without a session or a CSRF token, the same way every time', async () => {
    const { coder, id } = await memberAlert('Texas CPC');
    const url = local(links.unsubscribeUrl({ alertId: id }));
    const first = await oneClick(url);
    expect(first.status).toBe(200);
    expect(first.text).toContain('We will not email you the job alert “Texas CPC” again.');
    const at = await unsubscribedAt(id);
    expect(at).toBeInstanceOf(Date);

    const again = await oneClick(url);
    expect(again).toEqual(first);
    expect(await unsubscribedAt(id)).toEqual(at);

    // The member sees it stopped, and can start it again.
    const [listed] = (await api(t.baseUrl).get('/api/alerts', coder.token)).body;
    expect(listed).toMatchObject({ id, unsubscribed: true });
    const resumed = await api(t.baseUrl).patch(`/api/alerts/${id}`, { paused: false }, coder.token);
    expect(resumed.body).toMatchObject({ unsubscribed: false, paused: false });
    expect(await unsubscribedAt(id)).toBeNull();
  });

  it('is exempt from CSRF tokens on this route only, also for a signed-in browser', async () => {
    const { coder, id } = await memberAlert('Signed in');
    const browser = await signedInBrowser(t.baseUrl, coder.email);
    expect((await browser.post(pathOf(links.unsubscribeUrl({ alertId: id })), { 'List-Unsubscribe': 'One-Click' })).status).toBe(200);
    expect(await unsubscribedAt(id)).toBeInstanceOf(Date);

    const withoutToken = await browser.post(`/me/alerts/${id}/resume`, {});
    expect(withoutToken.status).toBe(403);
    const list = await browser.get('/me/alerts');
    expect((await browser.post(`/me/alerts/${id}/resume`, { _csrf: csrfOf(list.html) })).status).toBe(303);
    expect(await unsubscribedAt(id)).toBeNull();
  });

  it('stops every alert of an address with an address link: the guest’s and the member’s', async () => {
    const { coder, id: memberId } = await memberAlert('Member alert');
    const guestId = await guestAlert(coder.email, 'Guest alert');
    const bystander = await guestAlert(uniqueEmail('bystander'), 'Someone else');
    const url = local(links.unsubscribeUrl({ email: coder.email.toUpperCase() }));

    const page = await fetch(url).then(async (res) => ({ status: res.status, text: textOf(await res.text()) }));
    expect(page.text).toContain(`Stop every job alert sent to ${coder.email}?`);
    const done = await oneClick(url);
    expect(done.status).toBe(200);
    expect(done.text).toContain(`We will not email you every job alert sent to ${coder.email} again.`);
    expect(await unsubscribedAt(memberId)).toBeInstanceOf(Date);
    expect(await unsubscribedAt(guestId)).toBeInstanceOf(Date);
    expect(await unsubscribedAt(bystander)).toBeNull();
  });

  it('answers a link that is not genuine with a 400 page and changes nothing', async () => {
    const { id } = await memberAlert('Kept');
    const genuine = new URL(links.unsubscribeUrl({ alertId: id })).searchParams.get('token')!;
    const tampered = `${genuine.slice(0, -4)}AAAA`;
    for (const token of ['', 'forged', tampered, new URL(links.manageUrl('a@example.com')).searchParams.get('token')!]) {
      const path = `/alerts/unsubscribe?token=${encodeURIComponent(token)}`;
      const get = await new Browser(t.baseUrl).get(path);
      expect(get.status).toBe(400);
      expect(get.text).toContain('This unsubscribe link is not valid: nothing was changed.');
      expect((await oneClick(`${t.baseUrl}${path}`)).status).toBe(400);
    }
    expect(await unsubscribedAt(id)).toBeNull();
  });

  it('says the same for an alert deleted since the email was sent', async () => {
    const { coder, id } = await memberAlert('Deleted');
    const url = local(links.unsubscribeUrl({ alertId: id }));
    await api(t.baseUrl).call('DELETE', `/api/alerts/${id}`, { token: coder.token });
    const res = await oneClick(url);
    expect(res.status).toBe(200);
    expect(res.text).toContain('We will not email you this job alert again.');
  });
});
