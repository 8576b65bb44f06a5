import { Browser } from './support/browser';
import { signedInBrowser } from './support/candidate-fixtures';
import { insertJob, signUp } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

describe('the opt-in history of code lookups', () => {
  let t: TestApp;
  const kept = async (userId: string): Promise<string[]> =>
    (await t.dataSource.query(`SELECT code FROM code_lookups WHERE user_id = $1 ORDER BY code`, [userId])).map((r: { code: string }) => r.code);

  beforeAll(async () => {
    // Metering has its own tests; here every view is shown in full.
    t = await createTestApp({ CODE_VIEWS_SIGNED_OUT: '100000', CODE_VIEWS_MEMBER: '100000' });
    const { organizationId } = await signUp(t.baseUrl, 'employer', t.dataSource);
    await insertJob(t.dataSource, organizationId!, { title: 'Joint Replacement Coder', specialtySlugs: ['surgery-musculoskeletal'] });
    await insertJob(t.dataSource, organizationId!, { title: 'E/M Auditor', specialtySlugs: ['cpt-evaluation-management'] });
  });
  afterAll(() => t.close());

  it('keeps nothing until the coder turns it on, and says so on /codes', async () => {
    const coder = await signUp(t.baseUrl, 'candidate', t.dataSource);
    const browser = await signedInBrowser(t.baseUrl, coder.email);
    expect((await browser.get('/codes/cpt/21925')).status).toBe(200);
    expect(await kept(coder.id)).toEqual([]);
    const codes = await browser.get('/codes');
    expect(codes.text).toContain('Your lookup history is off');
    expect(codes.html).toContain('name="history" value="on"');
    expect(codes.text).not.toContain('Jobs for the codes you look up');
  });

  it('once on, keeps the codes looked up, finds jobs for them on /codes and suggests their specialties for the profile; off deletes them', async () => {
    const coder = await signUp(t.baseUrl, 'candidate', t.dataSource);
    const browser = await signedInBrowser(t.baseUrl, coder.email);
    const on = await browser.submit('/codes', '/codes/history', { history: 'on' });
    expect(on.status).toBe(303);
    expect(on.location).toBe('/codes');
    expect((await browser.get('/codes')).text).toContain('Your code lookups are kept from now on');
    for (const code of ['21925', '27447', '27447', '99213']) expect((await browser.get(`/codes/cpt/${code}`)).status).toBe(200);
    expect(await kept(coder.id)).toEqual(['21925', '27447', '99213']);

    const codes = await browser.get('/codes');
    expect(codes.text).toContain('Jobs for the codes you look up');
    expect(codes.text).toContain('Joint Replacement Coder');
    expect(codes.text).toContain('E/M Auditor');

    const profile = await browser.get('/me/profile');
    expect(profile.text).toMatch(/From the codes you look up: Surgery: Musculoskeletal System \(2 codes\)/);

    const exported = await fetch(`${t.baseUrl}/api/me/export`, { headers: { authorization: `Bearer ${coder.token}` } }).then((r) => r.json() as Promise<any>);
    expect(exported.codeLookups).toEqual({ on: true, lookups: expect.arrayContaining([expect.objectContaining({ system: 'cpt', code: '27447' })]) });
    expect(exported.codeLookups.lookups).toHaveLength(3);

    const off = await browser.submit('/codes', '/codes/history', { history: 'off' });
    expect(off.status).toBe(303);
    expect((await browser.get('/codes')).text).toContain('those kept so far are deleted');
    expect(await kept(coder.id)).toEqual([]);
    await browser.get('/codes/cpt/21925');
    expect(await kept(coder.id)).toEqual([]);
  });

  it('is for coders only: employers and visitors get no switch, and a refused switch changes nothing', async () => {
    const employer = await signUp(t.baseUrl, 'employer', t.dataSource);
    const employerBrowser = await signedInBrowser(t.baseUrl, employer.email);
    expect((await employerBrowser.get('/codes')).html).not.toContain('name="history"');
    expect((await new Browser(t.baseUrl).get('/codes')).html).not.toContain('name="history"');

    const coder = await signUp(t.baseUrl, 'candidate', t.dataSource);
    const browser = await signedInBrowser(t.baseUrl, coder.email);
    const bad = await browser.submit('/codes', '/codes/history', { history: 'maybe' });
    expect(bad.status).toBe(400);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM code_history_optins WHERE user_id = $1`, [coder.id]);
    expect(n).toBe(0);
  });
});
