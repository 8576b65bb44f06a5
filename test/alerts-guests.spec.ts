import { AlertLinks } from '../src/alerts/alert-links';
import { MAX_GUEST_ALERTS } from '../src/alerts/alerts.service';
import { Clock } from '../src/common/clock';
import { Browser, csrfOf, textOf } from './support/browser';
import { signedInBrowser } from './support/candidate-fixtures';
import { signUp } from './support/factories';
import { api, GOOD_PASSWORD, uniqueEmail } from './support/http';
import { linkIn, startSmtpServer, TestSmtpServer } from './support/smtp';
import { createTestApp, TestApp } from './support/test-app';

/** A path on the app from one of its absolute links. */
const pathOf = (link: string) => {
  const url = new URL(link);
  return `${url.pathname}${url.search}`;
};

describe('job alerts for visitors', () => {
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

  const guestAlerts = (email: string) => t.dataSource.query(`SELECT * FROM alerts WHERE guest_email = $1 ORDER BY created_at`, [email]) as Promise<any[]>;

  /** Sends the search page's guest alert form for `search` as a new visitor. */
  async function subscribe(email: string, search: string, fields: Record<string, string> = {}) {
    const browser = new Browser(t.baseUrl);
    const page = await browser.get(`/jobs?${search}`);
    const res = await browser.post('/alerts', { _csrf: csrfOf(page.html), email, search, frequency: 'daily', next: `/jobs?${search}`, ...fields });
    return { browser, res };
  }

  /** The confirmation email sent to `email` for the alert named `name`. */
  const confirmationMail = (email: string, name: string) =>
    smtp.waitFor((m) => m.to.includes(email) && m.subject === 'Confirm your CareerCenter job alert' && m.text.includes(`matching "${name}"`));

  it('saves the alert unconfirmed, emails a link, and the link confirms it once', async () => {
    const email = uniqueEmail('guest');
    const { browser, res } = await subscribe(`  ${email.toUpperCase()} `, 'credential=CRC&workplace=remote');
    expect(res.status).toBe(303);
    expect(res.location).toBe('/jobs?credential=CRC&workplace=remote');
    const back = await browser.get(res.location!);
    expect(back.text).toContain(`Almost done: we have emailed a link to ${email}. Open it to start the alert “CRC · Remote”.`);

    const [alert] = await guestAlerts(email);
    expect(alert).toMatchObject({ user_id: null, name: 'CRC · Remote', confirmed_at: null, params: { credential: 'CRC', workplace: 'remote' } });

    const mail = await confirmationMail(email, 'CRC · Remote');
    expect(mail.text).toContain('matching "CRC · Remote", once a day');
    expect(mail.html).toContain('Start my job alert');
    const link = linkIn(mail, '/alerts/confirm?token=');

    const confirmed = await new Browser(t.baseUrl).get(pathOf(link));
    expect(confirmed.status).toBe(200);
    expect(confirmed.text).toContain('Your job alert is on');
    expect(confirmed.text).toContain('New jobs matching “CRC · Remote” will come to you by email, once a day.');
    const [on] = await guestAlerts(email);
    expect(on.confirmed_at).toBeInstanceOf(Date);

    const again = await new Browser(t.baseUrl).get(pathOf(link));
    expect(again.status).toBe(200);
    expect(again.text).toContain('Your job alert is on');
    expect((await guestAlerts(email))[0].confirmed_at).toEqual(on.confirmed_at);
  });

  it('explains a link that is not genuine or has expired', async () => {
    const bad = await new Browser(t.baseUrl).get('/alerts/confirm?token=forged');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('This confirmation link is not valid or has expired.');

    const email = uniqueEmail('late');
    await subscribe(email, 'credential=CPC');
    const link = linkIn(await confirmationMail(email, 'CPC'), '/alerts/confirm?token=');
    const eightDaysOn = new Date(Date.now() + 8 * 86400_000);
    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(eightDaysOn);
    const late = await new Browser(t.baseUrl).get(pathOf(link));
    expect(late.status).toBe(400);
    expect(late.text).toContain('has expired');
    expect((await guestAlerts(email))[0].confirmed_at).toBeNull();
  });

  it('refuses a bad address with its message, keeping the search', async () => {
    const { res } = await subscribe('not-an-address', 'credential=CPC');
    expect(res.status).toBe(422);
    expect(res.text).toContain('Enter a valid email address.');
    expect(res.html).toContain('<input type="hidden" name="search" value="credential&#x3D;CPC">');
  });

  it(`lets an address have ${MAX_GUEST_ALERTS} alerts, unsubscribed ones aside`, async () => {
    const email = uniqueEmail('many');
    for (let i = 0; i < MAX_GUEST_ALERTS; i++) expect((await subscribe(email, `postedWithin=30&q=coder${i}`)).res.status).toBe(303);
    const refused = await subscribe(email, 'credential=CCS');
    expect(refused.res.status).toBe(409);
    expect(refused.res.text).toContain(`This email address has ${MAX_GUEST_ALERTS} job alerts already, the most there can be.`);
    expect(await guestAlerts(email)).toHaveLength(MAX_GUEST_ALERTS);

    await t.dataSource.query(`UPDATE alerts SET unsubscribed_at = now() WHERE id = $1`, [(await guestAlerts(email))[0].id]);
    expect((await subscribe(email, 'credential=CCS')).res.status).toBe(303);
  });

  it('lets the guest manage the address’s alerts through the signed link', async () => {
    const email = uniqueEmail('manager');
    await subscribe(email, 'credential=CPC&state=TX');
    await subscribe(email, 'credential=CRC');
    const confirmed = await new Browser(t.baseUrl).get(pathOf(linkIn(await confirmationMail(email, 'CPC · Texas'), '/alerts/confirm?token=')));
    const manageLink = textOf(/href="([^"]*\/alerts\/manage\?token[^"]*)"/.exec(confirmed.html)![1]);

    const browser = new Browser(t.baseUrl);
    let page = await browser.get(pathOf(manageLink));
    expect(page.status).toBe(200);
    expect(page.text).toContain(`Job alerts for ${email}`);
    expect(page.text).toContain('CPC · Texas Once a day · On');
    expect(page.text).toContain('CRC Once a day · Waiting for confirmation');

    const [cpc, crc] = await guestAlerts(email);
    const token = new URL(manageLink).searchParams.get('token')!;
    const post = async (action: string, fields: Record<string, string> = {}) => {
      const res = await browser.post(action, { _csrf: csrfOf(page.html), token, ...fields });
      expect(res.status).toBe(303);
      page = await browser.get(res.location!);
      return page;
    };
    expect((await post(`/alerts/manage/${cpc.id}/frequency`, { frequency: 'weekly' })).text).toContain('“CPC · Texas” now comes once a week, on Mondays.');
    expect((await post(`/alerts/manage/${cpc.id}/pause`)).text).toContain('CPC · Texas Once a week, on Mondays · Paused');
    expect((await post(`/alerts/manage/${cpc.id}/resume`)).text).toContain('CPC · Texas Once a week, on Mondays · On');
    expect((await post(`/alerts/manage/${crc.id}/delete`)).text).toContain('The alert “CRC” is deleted.');
    expect((await guestAlerts(email)).map((a) => [a.name, a.frequency])).toEqual([['CPC · Texas', 'weekly']]);

    // Another address's link reaches only that address's alerts.
    const other = t.app.get(AlertLinks).manageUrl(uniqueEmail('other'));
    const refused = await browser.post(`/alerts/manage/${cpc.id}/delete`, { _csrf: csrfOf(page.html), token: new URL(other).searchParams.get('token')! });
    expect(refused.status).toBe(404);
    const forged = await browser.get('/alerts/manage?token=forged');
    expect(forged.status).toBe(400);
    expect(await guestAlerts(email)).toHaveLength(1);
  });

  describe('adoption by a coder’s account', () => {
    it('moves the address’s confirmed alerts to the coder who registers and verifies it', async () => {
      const email = uniqueEmail('adopt');
      await subscribe(email, 'credential=CPC');
      await subscribe(email, 'credential=CRC');
      await new Browser(t.baseUrl).get(pathOf(linkIn(await confirmationMail(email, 'CPC'), '/alerts/confirm?token=')));

      const registered = await api(t.baseUrl).post('/api/auth/register', { email, password: GOOD_PASSWORD, name: 'Dana Rivera', role: 'candidate' });
      expect(registered.status).toBe(201);
      // Not before the address is proven.
      expect(await guestAlerts(email)).toHaveLength(2);

      const verifyMail = await smtp.waitFor((m) => m.to.includes(email) && m.text.includes('/verify-email?token='));
      const token = new URL(linkIn(verifyMail, '/verify-email')).searchParams.get('token')!;
      expect((await api(t.baseUrl).post('/api/auth/verify-email', { token })).status).toBe(200);

      const userId = registered.body.user.id;
      const mine = await t.dataSource.query(`SELECT name, guest_email, confirmed_at IS NOT NULL AS confirmed FROM alerts WHERE user_id = $1`, [userId]);
      expect(mine).toEqual([{ name: 'CPC', guest_email: null, confirmed: true }]);
      // The unconfirmed one waits for its link, which hands it over then.
      expect((await guestAlerts(email)).map((a) => a.name)).toEqual(['CRC']);
      const confirmed = await new Browser(t.baseUrl).get(pathOf(linkIn(await confirmationMail(email, 'CRC'), '/alerts/confirm?token=')));
      expect(confirmed.text).toContain('This address belongs to your CareerCenter account');
      expect(await guestAlerts(email)).toEqual([]);

      const list = await (await signedInBrowser(t.baseUrl, email)).get('/me/alerts');
      expect(list.text).toContain('CPC Once a day · On');
      expect(list.text).toContain('CRC Once a day · On');
    });

    it('leaves an employer’s address alone', async () => {
      const employer = await signUp(t.baseUrl, 'employer', t.dataSource);
      await t.dataSource.query(`UPDATE users SET email_verified = true WHERE id = $1`, [employer.id]);
      await subscribe(employer.email, 'credential=CPC');
      await new Browser(t.baseUrl).get(pathOf(linkIn(await confirmationMail(employer.email, 'CPC'), '/alerts/confirm?token=')));
      expect(await guestAlerts(employer.email)).toHaveLength(1);
    });
  });

  it('limits alert sign-ups per address like sign-ups to accounts', async () => {
    const limited = await createTestApp({ SMTP_URL: smtp.url, RATE_LIMIT_AUTH_PER_IP: '1000', RATE_LIMIT_AUTH_PER_ACCOUNT: '2' });
    try {
      const email = uniqueEmail('limited');
      const attempt = async () => {
        const browser = new Browser(limited.baseUrl);
        const page = await browser.get('/jobs');
        return browser.post('/alerts', { _csrf: csrfOf(page.html), email, search: 'credential=CPC', frequency: 'daily' });
      };
      expect((await attempt()).status).toBe(303);
      expect((await attempt()).status).toBe(303);
      const third = await attempt();
      expect(third.status).toBe(429);
      expect(third.headers.get('retry-after')).toMatch(/^\d+$/);
    } finally {
      await limited.close();
    }
  });
});
