import { DataSource } from 'typeorm';
import { Browser, csrfOf, Page, textOf } from './support/browser';
import { signUp, SignedUp } from './support/factories';
import { api, GOOD_PASSWORD } from './support/http';
import { createTestApp, TestApp } from './support/test-app';

/** Tiny valid images, known byte for byte (1×1 pixel each). */
const IMAGES = {
  png: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64'),
  jpeg: Buffer.from(
    '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
    'base64',
  ),
  webp: Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64'),
};

interface OrganizationRow {
  name: string;
  slug: string;
  website: string | null;
  about: string | null;
  about_html: string | null;
  headquarters_city: string | null;
  headquarters_state: string | null;
  size_band: string | null;
  logo: Buffer | null;
  logo_content_type: string | null;
  verified_at: Date | null;
}

async function organizationRow(ds: DataSource, id: string): Promise<OrganizationRow> {
  const [row] = await ds.query(`SELECT * FROM organizations WHERE id = $1`, [id]);
  return row;
}

/** A colleague in `organizationId` with the recruiter role (as an accepted invitation leaves them). */
async function recruiterOf(t: TestApp, organizationId: string): Promise<SignedUp> {
  const user = await signUp(t.baseUrl, 'candidate', t.dataSource);
  await t.dataSource.query(`UPDATE users SET role = 'employer' WHERE id = $1`, [user.id]);
  await t.dataSource.query(`INSERT INTO organization_members (organization_id, user_id, role) VALUES ($1, $2, 'recruiter')`, [organizationId, user.id]);
  return { ...user, organizationId };
}

/** Sends a multipart upload, as a client or a browser's form does. */
async function upload(
  url: string,
  file: { bytes: Buffer; name: string; type: string },
  options: { token?: string; cookies?: Map<string, string>; fields?: Record<string, string> } = {},
): Promise<{ status: number; location: string | null; text: string; json: any }> {
  const form = new FormData();
  for (const [k, v] of Object.entries(options.fields ?? {})) form.append(k, v);
  form.append('logo', new Blob([file.bytes], { type: file.type }), file.name);
  const headers: Record<string, string> = { accept: options.token ? 'application/json' : 'text/html' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.cookies) headers.cookie = [...options.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await fetch(url, { method: 'POST', headers, body: form, redirect: 'manual' });
  // Keeps what the response sets (the flash message) for the browser's next page.
  for (const cookie of res.headers.getSetCookie()) {
    const pair = cookie.split(';')[0];
    options.cookies?.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
  }
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, location: res.headers.get('location'), text, json };
}

describe('organization profiles', () => {
  let t: TestApp;
  let owner: SignedUp;
  let other: SignedUp;
  let recruiter: SignedUp;

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_AUTH_PER_IP: '1000' });
    owner = await signUp(t.baseUrl, 'employer', t.dataSource, 'Riverside Health');
    other = await signUp(t.baseUrl, 'employer', t.dataSource, 'Lakeside Clinic');
    recruiter = await recruiterOf(t, owner.organizationId!);
  });
  afterAll(() => t.close());

  const client = () => api(t.baseUrl);

  describe('GET /api/organizations/mine', () => {
    it('lists the organization of an owner and of a recruiter, each with their role', async () => {
      const mine = await client().get('/api/organizations/mine', owner.token);
      expect(mine.status).toBe(200);
      expect(mine.body).toEqual([
        expect.objectContaining({
          id: owner.organizationId,
          name: 'Riverside Health',
          slug: 'riverside-health',
          url: '/companies/riverside-health',
          role: 'owner',
          verified: false,
          logoUrl: null,
        }),
      ]);
      expect(mine.body[0]).not.toHaveProperty('logo');
      const theirs = await client().get('/api/organizations/mine', recruiter.token);
      expect(theirs.body).toEqual([expect.objectContaining({ id: owner.organizationId, role: 'recruiter' })]);
    });

    it('refuses coders (403) and signed-out visitors (401)', async () => {
      const coder = await signUp(t.baseUrl, 'candidate', t.dataSource);
      const asCoder = await client().get('/api/organizations/mine', coder.token);
      expect(asCoder.status).toBe(403);
      expect(asCoder.body.message).toMatch(/does not have access/);
      const anonymous = await client().get('/api/organizations/mine');
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.error).toBe('unauthenticated');
    });
  });

  describe('PATCH /api/organizations/:id', () => {
    it('lets the owner change the profile and renders the about text from Markdown', async () => {
      const res = await client().patch(
        `/api/organizations/${owner.organizationId}`,
        {
          name: 'Riverside Health System',
          website: 'https://www.riverside-health.example/careers',
          about: '## Who we are\n\nA **community** hospital. [Benefits](https://riverside-health.example/benefits)',
          headquartersCity: 'Austin',
          headquartersState: 'tx',
          sizeBand: '1001-5000',
        },
        owner.token,
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        name: 'Riverside Health System',
        // The slug stays, so links to the company page keep working.
        slug: 'riverside-health',
        website: 'https://www.riverside-health.example/careers',
        headquartersCity: 'Austin',
        headquartersState: 'TX',
        sizeBand: '1001-5000',
      });
      expect(res.body.aboutHtml).toBe(
        '<h3>Who we are</h3>\n<p>A <strong>community</strong> hospital. <a href="https://riverside-health.example/benefits" rel="nofollow noopener">Benefits</a></p>\n',
      );
      const row = await organizationRow(t.dataSource, owner.organizationId!);
      expect(row).toMatchObject({ name: 'Riverside Health System', slug: 'riverside-health', headquarters_state: 'TX', size_band: '1001-5000' });
      expect(row.about_html).toContain('<strong>community</strong>');
    });

    it('changes only the fields sent, and clears a field sent as null', async () => {
      await client().patch(`/api/organizations/${owner.organizationId}`, { website: 'http://riverside.example' }, owner.token);
      const res = await client().patch(`/api/organizations/${owner.organizationId}`, { sizeBand: null, headquartersCity: null }, owner.token);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ website: 'http://riverside.example', sizeBand: null, headquartersCity: null, headquartersState: 'TX' });
      const row = await organizationRow(t.dataSource, owner.organizationId!);
      expect(row).toMatchObject({ website: 'http://riverside.example', size_band: null, headquarters_city: null });
    });

    it('refuses a recruiter (403) and changes nothing', async () => {
      const before = await organizationRow(t.dataSource, owner.organizationId!);
      const res = await client().patch(`/api/organizations/${owner.organizationId}`, { name: 'Taken over' }, recruiter.token);
      expect(res.status).toBe(403);
      expect(res.body.message).toBe('Only an owner of the organization can do this.');
      expect(await organizationRow(t.dataSource, owner.organizationId!)).toEqual(before);
    });

    it("answers 404 for another organization's id, exactly as for one that does not exist, and changes nothing", async () => {
      const before = await organizationRow(t.dataSource, other.organizationId!);
      const res = await client().patch(`/api/organizations/${other.organizationId}`, { name: 'Taken over' }, owner.token);
      expect(res.status).toBe(404);
      const missing = await client().patch(`/api/organizations/00000000-0000-4000-8000-000000000000`, { name: 'x' }, owner.token);
      const garbage = await client().patch(`/api/organizations/not-an-id`, { name: 'x' }, owner.token);
      expect(missing.status).toBe(404);
      expect(garbage.status).toBe(404);
      expect(missing.body.message).toBe(res.body.message);
      expect(await organizationRow(t.dataSource, other.organizationId!)).toEqual(before);
    });

    it('refuses coders (403) and signed-out visitors (401)', async () => {
      const coder = await signUp(t.baseUrl, 'candidate', t.dataSource);
      expect((await client().patch(`/api/organizations/${owner.organizationId}`, { name: 'x' }, coder.token)).status).toBe(403);
      expect((await client().patch(`/api/organizations/${owner.organizationId}`, { name: 'x' })).status).toBe(401);
    });

    it.each([['verified'], ['verifiedAt'], ['slug'], ['id'], ['logo']])('refuses the field %s (400) and changes nothing', async (field) => {
      const before = await organizationRow(t.dataSource, owner.organizationId!);
      const res = await client().patch(
        `/api/organizations/${owner.organizationId}`,
        { name: 'Renamed', [field]: field === 'verified' ? true : 'x' },
        owner.token,
      );
      expect(res.status).toBe(400);
      expect(res.body.message).toBe(`Unknown field(s): ${field}.`);
      expect(await organizationRow(t.dataSource, owner.organizationId!)).toEqual(before);
    });

    it.each([
      ['website', 'a javascript: URL', 'javascript:alert(document.cookie)', /https:\/\/ or http:\/\//],
      ['website', 'an ftp URL', 'ftp://files.example.com', /https:\/\/ or http:\/\//],
      ['website', 'an address without a scheme', 'riverside.example', /https:\/\/ or http:\/\//],
      ['about', '5,001 characters', 'x'.repeat(5001), /5,000 characters/],
      ['headquartersState', 'an unknown state', 'XX', /two-letter US state/],
      ['headquartersCity', '101 characters', 'c'.repeat(101), /100 characters/],
      ['sizeBand', 'an unlisted size', '10-20', /listed sizes/],
      ['name', 'blanks', '  ', /organization's name/],
      ['name', 'null', null, /organization's name/],
    ])('refuses %s given %s, with a message by field', async (field, _label, value, message) => {
      const before = await organizationRow(t.dataSource, owner.organizationId!);
      const res = await client().patch(`/api/organizations/${owner.organizationId}`, { [field]: value }, owner.token);
      expect(res.status).toBe(400);
      expect(res.body.details[field].join(' ')).toMatch(message);
      expect(await organizationRow(t.dataSource, owner.organizationId!)).toEqual(before);
    });
  });

  describe('logo', () => {
    const logoUrl = (slug: string) => `${t.baseUrl}/companies/${slug}/logo`;

    it.each([
      ['png', 'logo.png', 'image/png'],
      ['jpeg', 'logo.jpg', 'image/jpeg'],
      ['webp', 'logo.webp', 'image/webp'],
    ] as const)('accepts a %s image and serves its bytes with their type, nosniff and a cache header', async (kind, name, type) => {
      // The declared type is not trusted: the stored type comes from the bytes.
      const res = await upload(
        `${t.baseUrl}/api/organizations/${owner.organizationId}/logo`,
        { bytes: IMAGES[kind], name, type: 'application/octet-stream' },
        { token: owner.token },
      );
      expect(res.status).toBe(200);
      expect(res.json.logoUrl).toMatch(/^\/companies\/riverside-health\/logo\?v=\d+$/);
      const row = await organizationRow(t.dataSource, owner.organizationId!);
      expect(row.logo_content_type).toBe(type);
      expect(Buffer.compare(row.logo!, IMAGES[kind])).toBe(0);

      const served = await fetch(`${t.baseUrl}${res.json.logoUrl}`);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe(type);
      expect(served.headers.get('x-content-type-options')).toBe('nosniff');
      expect(served.headers.get('cache-control')).toBe('public, max-age=86400');
      expect(Buffer.compare(Buffer.from(await served.arrayBuffer()), IMAGES[kind])).toBe(0);
    });

    it('refuses a text file named .png with a message, and keeps the current logo', async () => {
      const before = await organizationRow(t.dataSource, owner.organizationId!);
      const res = await upload(
        `${t.baseUrl}/api/organizations/${owner.organizationId}/logo`,
        { bytes: Buffer.from('just some text, not an image at all\n'), name: 'logo.png', type: 'image/png' },
        { token: owner.token },
      );
      expect(res.status).toBe(422);
      expect(res.json.details.logo).toEqual(['The logo must be a PNG, JPEG or WebP image.']);
      expect(Buffer.compare((await organizationRow(t.dataSource, owner.organizationId!)).logo!, before.logo!)).toBe(0);
    });

    it('refuses an SVG image, even one declared as PNG', async () => {
      const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>');
      const res = await upload(
        `${t.baseUrl}/api/organizations/${owner.organizationId}/logo`,
        { bytes: svg, name: 'logo.png', type: 'image/png' },
        { token: owner.token },
      );
      expect(res.status).toBe(422);
      expect(res.json.message).toBe('The logo must be a PNG, JPEG or WebP image.');
    });

    it('refuses an image over 1 MB as too large, without storing it', async () => {
      const before = await organizationRow(t.dataSource, owner.organizationId!);
      const big = Buffer.concat([IMAGES.png, Buffer.alloc(1024 * 1024)]);
      const res = await upload(
        `${t.baseUrl}/api/organizations/${owner.organizationId}/logo`,
        { bytes: big, name: 'logo.png', type: 'image/png' },
        { token: owner.token },
      );
      expect(res.status).toBe(413);
      expect(res.json.message).toMatch(/too large/i);
      expect(Buffer.compare((await organizationRow(t.dataSource, owner.organizationId!)).logo!, before.logo!)).toBe(0);
    });

    it('asks for a file when the upload has none', async () => {
      const form = new FormData();
      form.append('note', 'no file here');
      const empty = await fetch(`${t.baseUrl}/api/organizations/${owner.organizationId}/logo`, {
        method: 'POST',
        headers: { authorization: `Bearer ${owner.token}` },
        body: form,
      });
      expect(empty.status).toBe(422);
      expect(((await empty.json()) as any).details.logo).toEqual(['Choose a PNG, JPEG or WebP image to upload.']);
    });

    it("refuses a recruiter (403) and another organization's owner (404)", async () => {
      const file = { bytes: IMAGES.png, name: 'logo.png', type: 'image/png' };
      expect((await upload(`${t.baseUrl}/api/organizations/${owner.organizationId}/logo`, file, { token: recruiter.token })).status).toBe(403);
      expect((await upload(`${t.baseUrl}/api/organizations/${owner.organizationId}/logo`, file, { token: other.token })).status).toBe(404);
      expect((await upload(`${t.baseUrl}/api/organizations/${owner.organizationId}/logo`, file)).status).toBe(401);
      expect((await client().call('DELETE', `/api/organizations/${owner.organizationId}/logo`, { token: recruiter.token })).status).toBe(403);
      expect((await organizationRow(t.dataSource, owner.organizationId!)).logo).not.toBeNull();
    });

    it('is removed by the owner, after which it answers 404', async () => {
      const res = await client().call('DELETE', `/api/organizations/${owner.organizationId}/logo`, { token: owner.token });
      expect(res.status).toBe(200);
      expect(res.body.logoUrl).toBeNull();
      expect((await organizationRow(t.dataSource, owner.organizationId!)).logo).toBeNull();
      const served = await fetch(logoUrl('riverside-health'), { headers: { accept: 'text/html' } });
      expect(served.status).toBe(404);
      expect(textOf(await served.text())).toContain('This organization has no logo.');
      expect((await fetch(logoUrl('no-such-company'))).status).toBe(404);
    });
  });

  describe('the profile page /employer/organization', () => {
    async function signIn(user: SignedUp): Promise<Browser> {
      const b = new Browser(t.baseUrl);
      const res = await b.submit('/login', '/login', { email: user.email, password: GOOD_PASSWORD });
      expect(res.status).toBe(303);
      return b;
    }

    /** Submits the logo form of the page, as a browser does (multipart, with the page's token unless told otherwise). */
    async function submitLogo(b: Browser, file: { bytes: Buffer; name: string; type: string }, csrf?: string) {
      const page = await b.get('/employer/organization');
      const token = csrf ?? csrfOf(page.html);
      const fields: Record<string, string> = token ? { _csrf: token } : {};
      return upload(`${t.baseUrl}/employer/organization/logo`, file, { cookies: b.cookies, fields });
    }

    let b: Browser;
    beforeAll(async () => {
      b = await signIn(owner);
    });

    it('shows the owner a form filled with the current profile', async () => {
      const page = await b.get('/employer/organization');
      expect(page.status).toBe(200);
      expect(page.html).toContain('<title>Company profile · CareerCenter</title>');
      expect(page.html).toMatch(/<input id="name" name="name" type="text" value="[^"]+"/);
      expect(page.html).toContain('action="/employer/organization/logo" enctype="multipart/form-data"');
      expect(page.html).toContain('<a href="/companies/riverside-health">');
    });

    it('saves the form and shows a confirmation', async () => {
      const res = await b.submit('/employer/organization', '/employer/organization', {
        name: 'Riverside Health',
        website: 'https://riverside.example',
        about: 'We code *everything*.',
        headquartersCity: 'Dallas',
        headquartersState: 'TX',
        sizeBand: '201-1000',
      });
      expect(res.status).toBe(303);
      expect(res.location).toBe('/employer/organization');
      const page = await b.get('/employer/organization');
      expect(page.text).toContain('Your company profile has been saved.');
      expect(page.html).toContain('value="Dallas"');
      expect(page.html).toContain('<option value="201-1000" selected>');
      expect(await organizationRow(t.dataSource, owner.organizationId!)).toMatchObject({
        headquarters_city: 'Dallas',
        size_band: '201-1000',
        about_html: '<p>We code <em>everything</em>.</p>\n',
      });
    });

    it('shows a refused form again with the messages and what was typed', async () => {
      const res = await b.submit('/employer/organization', '/employer/organization', {
        name: 'Riverside Health',
        website: 'javascript:alert(1)',
        about: '',
        headquartersCity: 'Houston',
        headquartersState: 'Texas',
        sizeBand: '',
      });
      expect(res.status).toBe(422);
      expect(res.text).toContain('Enter a web address that starts with https:// or http://.');
      expect(res.text).toContain('Use a two-letter US state code, such as TX.');
      expect(res.html).toContain('value="Houston"');
      expect(res.html).toContain('<title>Error: Company profile · CareerCenter</title>');
      expect((await organizationRow(t.dataSource, owner.organizationId!)).headquarters_city).toBe('Dallas');
    });

    it('refuses a logo upload without the form token (403) and stores nothing', async () => {
      const res = await submitLogo(b, { bytes: IMAGES.png, name: 'logo.png', type: 'image/png' }, '');
      expect(res.status).toBe(403);
      expect(textOf(res.text)).toContain('This form has expired or was sent from another site.');
      const forged = await submitLogo(b, { bytes: IMAGES.png, name: 'logo.png', type: 'image/png' }, 'forged-token');
      expect(forged.status).toBe(403);
      expect((await organizationRow(t.dataSource, owner.organizationId!)).logo).toBeNull();
    });

    it('uploads a logo with the form token and shows it on the page', async () => {
      const res = await submitLogo(b, { bytes: IMAGES.webp, name: 'logo.webp', type: 'image/webp' });
      expect(res.status).toBe(303);
      expect(res.location).toBe('/employer/organization');
      const row = await organizationRow(t.dataSource, owner.organizationId!);
      expect(row.logo_content_type).toBe('image/webp');
      const page = await b.get('/employer/organization');
      expect(page.text).toContain('Your logo has been saved.');
      expect(page.html).toMatch(/<img class="company-logo" src="\/companies\/riverside-health\/logo\?v(=|&#x3D;)\d+"/);
    });

    it('shows the form again with a message for a file that is not an image', async () => {
      const res = await submitLogo(b, { bytes: Buffer.from('%PDF-1.7 not an image'), name: 'logo.png', type: 'image/png' });
      expect(res.status).toBe(422);
      expect(textOf(res.text)).toContain('The logo must be a PNG, JPEG or WebP image.');
      expect(res.text).toContain('name="name"');
      expect((await organizationRow(t.dataSource, owner.organizationId!)).logo_content_type).toBe('image/webp');
    });

    it('refuses a logo over 1 MB with a clear message', async () => {
      const res = await submitLogo(b, { bytes: Buffer.concat([IMAGES.jpeg, Buffer.alloc(1024 * 1024 + 10)]), name: 'big.jpg', type: 'image/jpeg' });
      expect(res.status).toBe(413);
      expect(textOf(res.text)).toContain('The logo must be 1 MB or smaller.');
      expect((await organizationRow(t.dataSource, owner.organizationId!)).logo_content_type).toBe('image/webp');
    });

    it('removes the logo', async () => {
      const res = await b.submit('/employer/organization', '/employer/organization/logo/delete', {});
      expect(res.status).toBe(303);
      expect((await organizationRow(t.dataSource, owner.organizationId!)).logo).toBeNull();
      expect((await b.get('/employer/organization')).text).toContain('Your organization has no logo yet.');
    });

    it('shows a recruiter the profile without a form, and refuses their posts', async () => {
      const rb = await signIn(recruiter);
      const page = await rb.get('/employer/organization');
      expect(page.status).toBe(200);
      expect(page.text).toContain('Only an owner of Riverside Health can change its profile.');
      expect(page.html).not.toContain('action="/employer/organization"');
      const res = await rb.post('/employer/organization', { _csrf: csrfOf(page.html), name: 'Taken over' });
      expect(res.status).toBe(403);
      expect((await organizationRow(t.dataSource, owner.organizationId!)).name).toBe('Riverside Health');
    });

    it('refuses coders and sends signed-out visitors to sign in', async () => {
      const coder = await signUp(t.baseUrl, 'candidate', t.dataSource);
      const cb = await signIn(coder);
      const page: Page = await cb.get('/employer/organization');
      expect(page.status).toBe(403);
      const anonymous = await new Browser(t.baseUrl).get('/employer/organization');
      expect(anonymous.status).toBe(303);
      expect(anonymous.location).toBe('/login?next=%2Femployer%2Forganization');
    });
  });
});
