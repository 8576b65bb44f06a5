import { createTestApp, TestApp } from './support/test-app';

describe('the web shell', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const page = async (path: string) => {
    const res = await fetch(`${t.baseUrl}${path}`, { redirect: 'manual' });
    return { status: res.status, headers: res.headers, html: await res.text() };
  };

  it('presents the board on the home page with a way in for coders and for employers', async () => {
    const home = await page('/');
    expect(home.status).toBe(200);
    expect(home.html).toContain('<html lang="en">');
    expect(home.html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(home.html).toContain('<title>Jobs for certified medical coders · CareerCenter</title>');
    expect(home.html).toContain('<a class="skip-link" href="#main">');
    expect(home.html).toContain('<main id="main"');
    expect(home.html).toMatch(/CPC, CCS, CRC, RHIT/);
    expect(home.html).toContain('href="/register?role=candidate"');
    expect(home.html).toContain('href="/register?role=employer"');
    expect(home.html).toContain('href="/login"');
  });

  it('links only to pages that exist', async () => {
    const home = await page('/');
    const links = [...home.html.matchAll(/href="([^"#]+)/g)].map((m) => m[1]).filter((href) => href.startsWith('/'));
    expect(links.length).toBeGreaterThan(3);
    for (const href of new Set(links)) expect({ href, status: (await page(href)).status }).toEqual({ href, status: 200 });
  });

  it.each(['/', '/login', '/register', '/forgot-password', '/reset-password?token=abc', '/verify-email?token=abc', '/no-such-page'])(
    'renders %s with no inline script, style or event handler, which the CSP would block',
    async (path) => {
      const { html } = await page(path);
      expect(html).toContain('<link rel="stylesheet" href="/public/css/site.css">');
      expect(html).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=/i);
    },
  );

  it('gives every form field a label', async () => {
    for (const path of ['/login', '/register', '/forgot-password', '/reset-password?token=abc']) {
      const { html } = await page(path);
      const ids = [...html.matchAll(/<input id="([^"]+)"(?![^>]*type="hidden")/g)].map((m) => m[1]);
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) expect(html).toContain(`<label for="${id}">`);
    }
  });

  it('serves the stylesheet', async () => {
    const css = await page('/public/css/site.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toContain('text/css');
    expect(css.html).toContain(':focus-visible');
  });

  it('renders an unknown address as an HTML 404 page, with the layout', async () => {
    const notFound = await page('/no-such-page');
    expect(notFound.status).toBe(404);
    expect(notFound.html).toContain('<h1 id="error-title">Page not found</h1>');
    expect(notFound.html).toContain('<a class="brand" href="/">CareerCenter</a>');
    expect(notFound.html).toContain('href="/login"');
  });
});
