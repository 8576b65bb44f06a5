import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { Job } from '../src/jobs/job.entity';
import { jobPath } from '../src/jobs/job-paths';
import { insertJob, signUp } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

const APP_URL = 'https://coders.example.org';
const DAY = 86400_000;
const PAYLOAD = '</script><script>alert(1)</script> <img src=x onerror=alert(1)> ]]> & "quotes"';

/** Lists stay lists however many elements there are; CDATA sections are kept apart so we can see they were used. */
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  cdataPropName: '#cdata',
  parseTagValue: false,
  trimValues: false,
  isArray: (_name, path) => ['rss.channel.item', 'rss.channel.item.category', 'source.job', 'urlset.url'].includes(String(path)),
});

/** The text of a CDATA element (several sections are joined, as an XML reader does); an empty element reads as ''. */
const cdata = (node: unknown): string => {
  if (node === '') return '';
  const sections = (node as { '#cdata'?: unknown })['#cdata'];
  if (sections === undefined) throw new Error(`not CDATA: ${JSON.stringify(node)}`);
  return Array.isArray(sections) ? sections.join('') : String(sections);
};

describe('feeds, sitemap and robots.txt', () => {
  let t: TestApp;
  let openOrgSlug: string;
  let closedOrgSlug: string;
  let onsite: Job;
  let hybrid: Job;
  let remote: Job;
  let payload: Job;
  let hidden: Job[];

  const get = async (path: string) => {
    const res = await fetch(`${t.baseUrl}${path}`);
    return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
  };

  /** Parses a feed after checking the body is well-formed XML. */
  const xml = async (path: string) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(XMLValidator.validate(res.body)).toBe(true);
    return { ...res, doc: parser.parse(res.body) };
  };

  const openUrls = () => [payload, remote, hybrid, onsite].map((j) => `${APP_URL}${jobPath(j)}`);

  beforeAll(async () => {
    t = await createTestApp({ APP_URL });
    const employer = await signUp(t.baseUrl, 'employer', t.dataSource, 'Prairie Coding Group');
    const other = await signUp(t.baseUrl, 'employer', t.dataSource, 'Only Closed Jobs Inc');
    const orgId = employer.organizationId!;
    [{ slug: openOrgSlug }] = await t.dataSource.query(`SELECT slug FROM organizations WHERE id = $1`, [orgId]);
    [{ slug: closedOrgSlug }] = await t.dataSource.query(`SELECT slug FROM organizations WHERE id = $1`, [other.organizationId]);

    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
    onsite = await insertJob(t.dataSource, orgId, {
      title: 'Pro-Fee Coder',
      publishedAt: at(40),
      credentialCodes: ['CPC', 'CCS'],
      locations: [
        { city: 'Austin', state: 'TX', postalCode: '78701' },
        { city: 'Tulsa', state: 'OK', postalCode: '74103' },
      ],
      locationStates: ['TX', 'OK'],
      minYearsExperience: 3,
    });
    hybrid = await insertJob(t.dataSource, orgId, {
      title: 'Hybrid Facility Coder',
      publishedAt: at(30),
      workplace: 'hybrid',
      employmentType: 'PER_DIEM',
      salaryMin: 28,
      salaryMax: 34.5,
      salaryPeriod: 'HOUR',
      applyMethod: 'email',
      applyUrl: null,
      applyEmail: 'hiring@prairie.example.org',
    });
    remote = await insertJob(t.dataSource, orgId, {
      title: 'Remote HCC Coder',
      publishedAt: at(20),
      workplace: 'remote',
      employmentType: 'CONTRACTOR',
      locations: [],
      locationStates: [],
      remoteStates: ['TX', 'OK'],
      salaryMin: null,
      salaryMax: null,
      salaryPeriod: null,
      credentialCodes: ['CRC'],
    });
    payload = await insertJob(t.dataSource, orgId, {
      title: `Coder \u0001${PAYLOAD}`.slice(0, 120),
      publishedAt: at(10),
      locations: [{ city: `Austin ${PAYLOAD}`.slice(0, 100), state: 'TX', postalCode: '78701' }],
      tools: [PAYLOAD.slice(0, 40)],
    });
    hidden = [
      await insertJob(t.dataSource, orgId, { title: 'Draft job', status: 'draft', publishedAt: null }),
      await insertJob(t.dataSource, orgId, { title: 'Pending job', status: 'pending_review', publishedAt: null }),
      await insertJob(t.dataSource, orgId, { title: 'Filled job', status: 'closed', closeReason: 'filled', closedAt: new Date() }),
      await insertJob(t.dataSource, orgId, { title: 'Expired job', status: 'expired', validThrough: new Date(Date.now() - DAY) }),
      await insertJob(t.dataSource, orgId, { title: 'Lapsed job', validThrough: new Date(Date.now() - 60_000) }),
      await insertJob(t.dataSource, other.organizationId!, { title: 'Closed elsewhere', status: 'closed', closeReason: 'closed', closedAt: new Date() }),
    ];
  });
  afterAll(() => t.close());

  describe('/jobs.rss', () => {
    it('is RSS 2.0 with exactly the open jobs, newest first', async () => {
      const { type, doc } = await xml('/jobs.rss');
      expect(type).toBe('application/rss+xml; charset=utf-8');
      expect(doc.rss['@version']).toBe('2.0');
      const channel = doc.rss.channel;
      expect(channel.title).toBe('CareerCenter: jobs for medical coders');
      expect(channel.link).toBe(`${APP_URL}/jobs`);
      expect(channel['atom:link']['@href']).toBe(`${APP_URL}/jobs.rss`);
      const items = channel.item;
      expect(items.map((i: any) => i.link)).toEqual(openUrls());
      expect(items.map((i: any) => i.guid['#text'])).toEqual(openUrls());
      for (const item of items) expect(item.guid['@isPermaLink']).toBe('true');
    });

    it('gives each item its title and company, an RFC 822 date, the description as escaped HTML and a category per credential', async () => {
      const { body, doc } = await xml('/jobs.rss');
      const item = doc.rss.channel.item.find((i: any) => i.link === `${APP_URL}${jobPath(onsite)}`);
      expect(item.title).toBe('Pro-Fee Coder at Prairie Coding Group');
      expect(item.pubDate).toBe(onsite.publishedAt!.toUTCString());
      expect(item.pubDate).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/);
      expect(item.description).toBe(onsite.descriptionHtml);
      expect(body).toContain('&lt;strong&gt;E/M&lt;/strong&gt;');
      expect(item.category).toEqual(['CPC', 'CCS']);
    });

    it('keeps hostile text as text and drops characters XML cannot hold', async () => {
      const { body, doc } = await xml('/jobs.rss');
      expect(body).not.toMatch(/<script|<img/);
      expect(body.includes('\u0001')).toBe(false);
      const item = doc.rss.channel.item.find((i: any) => i.link === `${APP_URL}${jobPath(payload)}`);
      expect(item.title).toBe(`${payload.title.replace('\u0001', '')} at Prairie Coding Group`);
    });
  });

  describe('/feeds/indeed.xml', () => {
    it('lists exactly the open jobs, one <job> per location, each with its own reference number', async () => {
      const { type, doc } = await xml('/feeds/indeed.xml');
      expect(type).toBe('application/xml; charset=utf-8');
      expect(doc.source.publisher).toBe('CareerCenter');
      expect(doc.source.publisherurl).toBe(APP_URL);
      const references = doc.source.job.map((j: any) => cdata(j.referencenumber));
      expect(references.sort()).toEqual([payload.id, remote.id, hybrid.id, onsite.id, `${onsite.id}-2`].sort());
      const requisitions = new Set(doc.source.job.map((j: any) => cdata(j.requisitionid)));
      expect(requisitions).toEqual(new Set([payload.id, remote.id, hybrid.id, onsite.id]));
      for (const job of hidden) expect(requisitions.has(job.id)).toBe(false);
    });

    it('fills every field, in CDATA, from the posting', async () => {
      const { body, doc } = await xml('/feeds/indeed.xml');
      expect(body).toContain('<remotetype></remotetype>');
      const byReference = new Map<string, any>(doc.source.job.map((j: any) => [cdata(j.referencenumber), j]));

      const first = byReference.get(onsite.id);
      const fields = (entry: any) =>
        Object.fromEntries(
          ['title', 'date', 'requisitionid', 'url', 'company', 'city', 'state', 'country', 'postalcode', 'salary', 'jobtype', 'remotetype', 'experience'].map(
            (k) => [k, cdata(entry[k])],
          ),
        );
      expect(fields(first)).toEqual({
        title: 'Pro-Fee Coder',
        date: onsite.publishedAt!.toISOString(),
        requisitionid: onsite.id,
        url: `${APP_URL}${jobPath(onsite)}`,
        company: 'Prairie Coding Group',
        city: 'Austin',
        state: 'TX',
        country: 'US',
        postalcode: '78701',
        salary: '$52,000 - $64,000 per year',
        jobtype: 'fulltime',
        remotetype: '',
        experience: '3+ years',
      });
      expect(cdata(first.description)).toBe(onsite.descriptionHtml);
      expect(first.email).toBeUndefined();
      const second = byReference.get(`${onsite.id}-2`);
      expect([cdata(second.city), cdata(second.state), cdata(second.postalcode)]).toEqual(['Tulsa', 'OK', '74103']);

      const emailJob = byReference.get(hybrid.id);
      expect(cdata(emailJob.email)).toBe('hiring@prairie.example.org');
      expect(cdata(emailJob.jobtype)).toBe('perdiem');
      expect(cdata(emailJob.remotetype)).toBe('Hybrid remote');
      expect(cdata(emailJob.salary)).toBe('$28 - $34.50 per hour');

      const remoteJob = byReference.get(remote.id);
      expect(cdata(remoteJob.remotetype)).toBe('Fully remote');
      expect(cdata(remoteJob.jobtype)).toBe('contract');
      expect([cdata(remoteJob.city), cdata(remoteJob.state), cdata(remoteJob.country), cdata(remoteJob.salary)]).toEqual(['', '', 'US', '']);
    });

    it('keeps "]]>" and markup in any field from breaking out of its CDATA section', async () => {
      const { body, doc } = await xml('/feeds/indeed.xml');
      const entry = doc.source.job.find((j: any) => cdata(j.referencenumber) === payload.id);
      expect(cdata(entry.title)).toBe(payload.title.replace('\u0001', ''));
      expect(cdata(entry.city)).toBe(payload.locations[0].city);
      // Outside CDATA sections, nothing but our own elements.
      const outside = body.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
      expect(outside).not.toMatch(/<script|<img|alert/);
    });
  });

  describe('/sitemap.xml', () => {
    it('lists the static pages, the company pages with open jobs and exactly the open jobs, with lastmod', async () => {
      const { type, doc } = await xml('/sitemap.xml');
      expect(type).toBe('application/xml; charset=utf-8');
      expect(doc.urlset['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
      const entries = new Map<string, string | undefined>(doc.urlset.url.map((u: any) => [u.loc, u.lastmod]));
      const locs = [...entries.keys()];
      expect(locs.slice(0, 4)).toEqual([`${APP_URL}/`, `${APP_URL}/jobs`, `${APP_URL}/register`, `${APP_URL}/login`]);
      expect(locs.filter((l) => l.includes('/companies/'))).toEqual([`${APP_URL}/companies/${openOrgSlug}`]);
      expect(locs).not.toContain(`${APP_URL}/companies/${closedOrgSlug}`);
      expect(locs.filter((l) => l.includes('/jobs/'))).toEqual(openUrls());
      for (const job of [payload, remote, hybrid, onsite]) expect(entries.get(`${APP_URL}${jobPath(job)}`)).toBe(job.updatedAt.toISOString());
      expect(entries.get(`${APP_URL}/jobs`)).toBe(payload.updatedAt.toISOString());
      expect(entries.get(`${APP_URL}/companies/${openOrgSlug}`)).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    });
  });

  it('serves robots.txt that keeps crawlers out of private areas and names the sitemap', async () => {
    const res = await get('/robots.txt');
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/plain; charset=utf-8');
    expect(res.body.split('\n')).toEqual([
      'User-agent: *',
      'Allow: /',
      'Disallow: /employer',
      'Disallow: /account',
      'Disallow: /api/',
      'Disallow: /dev/',
      '',
      `Sitemap: ${APP_URL}/sitemap.xml`,
      '',
    ]);
  });

  it('puts the newest 50 open jobs in the RSS feed and every open job in the Indeed feed', async () => {
    const org = await signUp(t.baseUrl, 'employer', t.dataSource);
    const more: Job[] = [];
    for (let i = 0; i < 50; i++)
      more.push(await insertJob(t.dataSource, org.organizationId!, { title: `Bulk coder ${i}`, publishedAt: new Date(Date.now() + i * 1000) }));
    const rss = (await xml('/jobs.rss')).doc.rss.channel.item.map((i: any) => i.link);
    expect(rss).toEqual(more.reverse().map((j) => `${APP_URL}${jobPath(j)}`));
    const indeed = (await xml('/feeds/indeed.xml')).doc.source.job;
    expect(indeed).toHaveLength(50 + 5);
  });
});
