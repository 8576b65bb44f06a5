import { Clock } from '../src/common/clock';
import { signUp } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

// CPT numbers need no code list: their pages exist by structure alone.
const page = (n: number) => `/codes/cpt/${21900 + n}`;

describe('metered code views', () => {
  let t: TestApp;
  let now: Date;

  beforeAll(async () => {
    t = await createTestApp({ CODE_VIEWS_SIGNED_OUT: '2', CODE_VIEWS_MEMBER: '3' });
  });
  afterAll(() => t.close());
  beforeEach(() => {
    now = new Date('2026-12-01T15:00:00Z');
    jest.spyOn(t.app.get(Clock), 'now').mockImplementation(() => now);
  });
  afterEach(() => jest.restoreAllMocks());

  const isGated = (html: string) => html.includes('<meta name="robots" content="noindex">') && html.includes('Sign up free');

  it('shows a signed-out visitor a few codes a day, then the code and its section with a sign-up prompt, marked noindex', async () => {
    const first = await fetch(`${t.baseUrl}${page(1)}`);
    const cookie = first.headers.get('set-cookie')!.split(';')[0];
    expect(cookie).toMatch(/^cc_visitor=/);
    expect(isGated(await first.text())).toBe(false);
    const visit = (path: string) => fetch(`${t.baseUrl}${path}`, { headers: { cookie } });
    expect(isGated(await (await visit(page(2))).text())).toBe(false);

    const gated = await visit(page(3));
    expect(gated.status).toBe(200);
    const html = (await gated.text()).replace(/&#x3D;/g, '=');
    expect(isGated(html)).toBe(true);
    expect(html).toContain('<h1 id="code-title">21903</h1>');
    expect(html).toContain(
      'CPT › <a href="/specialties/cpt-surgery">Surgery</a> › <a href="/specialties/surgery-musculoskeletal">Surgery: Musculoskeletal System</a>',
    );
    expect(html).toContain(`href="/register?next=${encodeURIComponent(page(3))}"`);
    expect(html).not.toContain('not shown here');
    // Search is never metered.
    expect((await visit('/codes?q=2190')).status).toBe(200);

    // The window rolls: a day after the first views, the visitor sees codes again.
    now = new Date(now.getTime() + 24 * 3600_000 + 1000);
    expect(isGated(await (await visit(page(3))).text())).toBe(false);
  });

  it('counts a signed-out visitor by address too, at ten times the number, so dropping the cookie does not reset it', async () => {
    let gatedAt = 0;
    for (let i = 1; i <= 25 && !gatedAt; i++) if (isGated(await (await fetch(`${t.baseUrl}${page(10 + i)}`)).text())) gatedAt = i;
    // 20 views an address may make, less the ones the first test made today (its clock is a day later).
    expect(gatedAt).toBeGreaterThan(15);
    expect(gatedAt).toBeLessThanOrEqual(21);
  });

  it('gives a signed-in coder more views, over the API too, and does not meter employers', async () => {
    const coder = await signUp(t.baseUrl, 'candidate', t.dataSource);
    const asCoder = (path: string) => fetch(`${t.baseUrl}${path}`, { headers: { authorization: `Bearer ${coder.token}` } }).then((r) => r.json());
    for (let i = 1; i <= 3; i++) expect(await asCoder(`/api${page(40 + i)}`)).not.toHaveProperty('gated');
    expect(await asCoder(`/api${page(44)}`)).toMatchObject({ code: '21944', gated: true, description: null, section: { slug: 'cpt-surgery' } });

    const employer = await signUp(t.baseUrl, 'employer', t.dataSource);
    for (let i = 1; i <= 6; i++) {
      const body = await fetch(`${t.baseUrl}/api${page(50 + i)}`, { headers: { authorization: `Bearer ${employer.token}` } }).then((r) => r.json());
      expect(body).not.toHaveProperty('gated');
    }
  });

  it('brings a visitor who signs in from a code page back to it', async () => {
    const html = await (await fetch(`${t.baseUrl}/login?next=${encodeURIComponent(page(1))}`)).text();
    expect(html).toContain(`name="next" value="${page(1)}"`);
  });
});
