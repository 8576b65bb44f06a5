import { jobPath } from '../src/jobs/job-paths';
import { Job } from '../src/jobs/job.entity';
import { Browser } from './support/browser';
import { insertJob, signUp, SignedUp, verifyOrganization } from './support/factories';
import { api } from './support/http';
import { createTestApp, TestApp } from './support/test-app';

const DAY = 86400_000;

describe('public company pages', () => {
  let t: TestApp;
  let owner: SignedUp;
  let open: Job;
  let remote: Job;
  let hybrid: Job;
  let notOpen: Job[];

  beforeAll(async () => {
    t = await createTestApp();
    owner = await signUp(t.baseUrl, 'employer', t.dataSource, 'Summit Coding Partners');
    const res = await api(t.baseUrl).patch(
      `/api/organizations/${owner.organizationId}`,
      {
        website: 'https://summit-coding.example',
        about: '### Remote-first\n\nWe hire **certified** coders across the US.',
        headquartersCity: 'Denver',
        headquartersState: 'CO',
        sizeBand: '51-200',
      },
      owner.token,
    );
    expect(res.status).toBe(200);
    const id = owner.organizationId!;
    const now = Date.now();
    open = await insertJob(t.dataSource, id, { title: 'Inpatient Coder III', publishedAt: new Date(now - 3 * DAY) });
    remote = await insertJob(t.dataSource, id, {
      title: 'Remote Risk Adjustment Coder',
      workplace: 'remote',
      locations: [],
      locationStates: [],
      remoteStates: ['TX', 'FL'],
    });
    hybrid = await insertJob(t.dataSource, id, {
      title: 'Hybrid Pro-Fee Coder',
      workplace: 'hybrid',
      locations: [
        { city: 'Denver', state: 'CO', postalCode: '80202' },
        { city: 'Boulder', state: 'CO', postalCode: '80301' },
      ],
      locationStates: ['CO'],
      publishedAt: new Date(now - 5 * DAY),
    });
    notOpen = [
      await insertJob(t.dataSource, id, { title: 'Draft Coder', status: 'draft', publishedAt: null }),
      await insertJob(t.dataSource, id, { title: 'Pending Review Coder', status: 'pending_review', publishedAt: null }),
      await insertJob(t.dataSource, id, { title: 'Filled Coder', status: 'closed', closeReason: 'filled', closedAt: new Date() }),
      await insertJob(t.dataSource, id, { title: 'Expired Coder', status: 'expired', validThrough: new Date(now - DAY) }),
      // Past its date, before the expiry run has marked it.
      await insertJob(t.dataSource, id, { title: 'Lapsed Coder', validThrough: new Date(now - 60_000) }),
    ];
    const elsewhere = await signUp(t.baseUrl, 'employer', t.dataSource, 'Elsewhere Health');
    await insertJob(t.dataSource, elsewhere.organizationId!, { title: 'Somebody Else’s Coder' });
  });
  afterAll(() => t.close());

  it('shows the profile and only the open jobs, newest first, linked to their pages', async () => {
    const page = await new Browser(t.baseUrl).get('/companies/summit-coding-partners');
    expect(page.status).toBe(200);
    expect(page.html).toContain('<title>Summit Coding Partners · CareerCenter</title>');
    expect(page.html).toContain('<h1 id="company-title">Summit Coding Partners</h1>');
    expect(page.html).toContain('<h3>Remote-first</h3>\n<p>We hire <strong>certified</strong> coders across the US.</p>');
    expect(page.html).toContain('<a href="https://summit-coding.example" rel="nofollow noopener">https://summit-coding.example</a>');
    expect(page.text).toContain('Headquarters Denver, CO');
    expect(page.text).toContain('Employees 51-200');
    expect(page.text).not.toContain('Verified employer');
    expect(page.html).not.toContain('class="company-logo"');

    const listed = [...page.html.matchAll(/<h3><a href="([^"]+)">([^<]+)<\/a><\/h3>\s*<p>([^<]+)<\/p>/g)].map((m) => [m[1], m[2], m[3]]);
    expect(listed).toEqual([
      [jobPath(remote), 'Remote Risk Adjustment Coder', 'Remote · Texas, Florida'],
      [jobPath(open), 'Inpatient Coder III', 'On-site · Austin, TX'],
      [jobPath(hybrid), 'Hybrid Pro-Fee Coder', 'Hybrid · Denver, CO; Boulder, CO'],
    ]);
    for (const job of notOpen) expect(page.text).not.toContain(job.title);
    expect(page.text).not.toContain('Somebody Else');
  });

  it('answers the same from GET /api/companies/:slug, to anyone', async () => {
    const res = await api(t.baseUrl).get('/api/companies/summit-coding-partners');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: 'Summit Coding Partners',
      slug: 'summit-coding-partners',
      url: '/companies/summit-coding-partners',
      website: 'https://summit-coding.example',
      headquartersCity: 'Denver',
      headquartersState: 'CO',
      sizeBand: '51-200',
      verified: false,
      logoUrl: null,
    });
    expect(res.body).not.toHaveProperty('id');
    expect(res.body.jobs).toEqual([
      {
        id: remote.id,
        title: remote.title,
        url: jobPath(remote),
        workplace: 'remote',
        location: 'Remote · Texas, Florida',
        publishedAt: remote.publishedAt!.toISOString(),
      },
      {
        id: open.id,
        title: open.title,
        url: jobPath(open),
        workplace: 'onsite',
        location: 'On-site · Austin, TX',
        publishedAt: open.publishedAt!.toISOString(),
      },
      {
        id: hybrid.id,
        title: hybrid.title,
        url: jobPath(hybrid),
        workplace: 'hybrid',
        location: 'Hybrid · Denver, CO; Boulder, CO',
        publishedAt: hybrid.publishedAt!.toISOString(),
      },
    ]);
  });

  it('shows the verified badge once an admin has verified the organization', async () => {
    await verifyOrganization(t.dataSource, owner.organizationId!);
    const page = await new Browser(t.baseUrl).get('/companies/summit-coding-partners');
    expect(page.html).toContain('<span class="badge badge-ok">Verified employer</span>');
    expect((await api(t.baseUrl).get('/api/companies/summit-coding-partners')).body.verified).toBe(true);
  });

  it('says so when a company has no open jobs, and answers 404 for an unknown company', async () => {
    const quiet = await signUp(t.baseUrl, 'employer', t.dataSource, 'Quiet Clinic');
    await insertJob(t.dataSource, quiet.organizationId!, { title: 'Old draft', status: 'draft', publishedAt: null });
    const page = await new Browser(t.baseUrl).get('/companies/quiet-clinic');
    expect(page.text).toContain('Quiet Clinic has no open jobs right now.');
    expect(page.text).not.toContain('Headquarters');

    const missing = await new Browser(t.baseUrl).get('/companies/no-such-company');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('There is no company at this address.');
    const odd = await new Browser(t.baseUrl).get('/companies/%3Cscript%3E');
    expect(odd.status).toBe(404);
    const api404 = await api(t.baseUrl).get('/api/companies/no-such-company');
    expect(api404.status).toBe(404);
    expect(api404.body).toEqual({ statusCode: 404, error: 'not_found', message: 'There is no company at this address.' });
  });

  it('keeps script, event handlers, javascript: links and SVG in the profile harmless', async () => {
    const evil = await signUp(t.baseUrl, 'employer', t.dataSource, 'Harmless Test Org');
    const profile = {
      name: '<script>alert("name")</script>',
      about: [
        '<script>alert("about")</script>',
        '<img src=x onerror=alert("img")>',
        '<svg onload=alert("svg")><circle r="1"/></svg>',
        '[click me](javascript:alert("link"))',
        '<a href="javascript:alert(1)" onclick="alert(2)">raw link</a>',
        '<p style="position:fixed" onmouseover="alert(3)">styled</p>',
      ].join('\n\n'),
      headquartersCity: '<svg/onload=alert("city")>',
    };
    const refused = await api(t.baseUrl).patch(
      `/api/organizations/${evil.organizationId}`,
      { ...profile, website: 'https://example.com/"><script>alert("site")</script>' },
      evil.token,
    );
    expect(refused.status).toBe(400);
    expect(Object.keys(refused.body.details)).toEqual(['website']);
    // Everything else is stored as typed, and escaped or sanitized on the way out.
    const saved = await api(t.baseUrl).patch(
      `/api/organizations/${evil.organizationId}`,
      { ...profile, website: 'https://example.com/jobs?team=coding&src=board' },
      evil.token,
    );
    expect(saved.status).toBe(200);
    await insertJob(t.dataSource, evil.organizationId!, { title: '<img src=x onerror=alert("title")>' });

    const page = await new Browser(t.baseUrl).get(`/companies/${saved.body.slug}`);
    expect(page.status).toBe(200);
    expect(page.html).not.toMatch(/<script>alert/);
    expect(page.html).not.toMatch(/<img src=x/i);
    expect(page.html).not.toMatch(/<svg/i);
    // No tag carries an event handler, a javascript: URL or a style.
    expect(page.html).not.toMatch(/<[^>]*\son\w+\s*=/i);
    expect(page.html).not.toMatch(/<[^>]*javascript:/i);
    expect(page.html).not.toMatch(/<[^>]*style=/i);
    expect(page.html).toContain('&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt;');
    expect(page.text).toContain('Headquarters <svg/onload=alert("city")>');
    expect(page.text).toContain('<img src=x onerror=alert("title")>');
    expect(page.text).toContain('raw link');
    expect(page.html).toContain('<a href="https://example.com/jobs?team&#x3D;coding&amp;src&#x3D;board" rel="nofollow noopener">');
  });
});
