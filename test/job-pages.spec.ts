import hbs from 'hbs';
import { Clock } from '../src/common/clock';
import { Job } from '../src/jobs/job.entity';
import { jobPath } from '../src/jobs/job-paths';
import { textOf } from './support/browser';
import { insertJob, signUp } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

const DAY = 86400_000;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const XSS = {
  script: '</script><script>alert(1)</script>',
  img: '<img src=x onerror=alert(1)>',
};

/** What Handlebars makes of a value in {{ }}. */
const esc = (value: string) => hbs.handlebars.Utils.escapeExpression(value);

interface Page {
  status: number;
  location: string | null;
  html: string;
  text: string;
}

function jsonLdBlocks(html: string): string[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1]);
}

describe('public job pages', () => {
  let t: TestApp;
  let orgId: string;
  let orgSlug: string;
  let logoVersion: number;

  const page = async (path: string): Promise<Page> => {
    const res = await fetch(`${t.baseUrl}${path}`, { redirect: 'manual' });
    const html = await res.text();
    return { status: res.status, location: res.headers.get('location'), html, text: textOf(html) };
  };

  /** The one JSON-LD block of a page, parsed. */
  const jsonLd = (html: string): Record<string, any> => {
    const blocks = jsonLdBlocks(html);
    expect(blocks).toHaveLength(1);
    return JSON.parse(blocks[0]);
  };

  const job = (overrides: Partial<Job> = {}) => insertJob(t.dataSource, orgId, overrides);

  beforeAll(async () => {
    t = await createTestApp({ APP_URL: 'https://coders.example.org' });
    const employer = await signUp(t.baseUrl, 'employer', t.dataSource, 'Lakeside Health Partners');
    orgId = employer.organizationId!;
    const [row] = await t.dataSource.query(
      `UPDATE organizations
          SET website = 'https://lakeside.example.org', logo = $2, logo_content_type = 'image/png', logo_updated_at = now(),
              verified_at = now(), headquarters_city = 'Tulsa', headquarters_state = 'OK'
        WHERE id = $1 RETURNING slug, logo_updated_at`,
      [orgId, PNG],
    );
    orgSlug = row[0].slug;
    logoVersion = row[0].logo_updated_at.getTime();
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  describe('an open job', () => {
    it('shows everything a coder needs, and JSON-LD for an onsite job whose every value is on the page', async () => {
      const onsite = await job({
        title: 'Pro-Fee Coder (CPC or CCS)',
        credentialCodes: ['CPC', 'CCS'],
        apprenticeFriendly: true,
        specialtySlugs: ['cpt-evaluation-management', 'surgery-musculoskeletal'],
        settingSlugs: ['pro-fee', 'outpatient-facility'],
        minYearsExperience: 2,
        tools: ['Epic', '3M'],
        productivity: '20 charts an hour after training',
      });
      const { status, html, text } = await page(jobPath(onsite));
      expect(status).toBe(200);

      const ld = jsonLd(html);
      expect(ld['@context']).toBe('https://schema.org/');
      expect(ld['@type']).toBe('JobPosting');
      expect(ld.title).toBe('Pro-Fee Coder (CPC or CCS)');
      expect(html).toContain(`<h1 id="job-title">${esc(ld.title)}</h1>`);
      expect(ld.description).toBe(onsite.descriptionHtml);
      expect(html).toContain(ld.description);
      expect(ld.datePosted).toBe(onsite.publishedAt!.toISOString());
      expect(html).toContain(`<time datetime="${ld.datePosted}">`);
      expect(ld.validThrough).toBe(onsite.validThrough!.toISOString());
      expect(html).toContain(`<time datetime="${ld.validThrough}">`);
      expect(ld.hiringOrganization).toEqual({
        '@type': 'Organization',
        name: 'Lakeside Health Partners',
        sameAs: 'https://lakeside.example.org/',
        logo: `https://coders.example.org/companies/${orgSlug}/logo?v=${logoVersion}`,
      });
      expect(html).toContain(`<a href="/companies/${orgSlug}">Lakeside Health Partners</a>`);
      expect(html).toContain(`href="${ld.hiringOrganization.sameAs}" rel="nofollow noopener"`);
      expect(html).toContain(`<img class="job-company-logo" src="${esc(`/companies/${orgSlug}/logo?v=${logoVersion}`)}"`);
      expect(text).toContain('Verified employer');
      expect(ld.jobLocation).toEqual([
        { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: 'Austin', addressRegion: 'TX', postalCode: '78701', addressCountry: 'US' } },
      ]);
      expect(text).toContain('Austin, Texas (TX) 78701, US');
      expect(ld.jobLocationType).toBeUndefined();
      expect(ld.applicantLocationRequirements).toBeUndefined();
      expect(ld.employmentType).toBe('FULL_TIME');
      expect(text).toContain('Employment type Full-time');
      expect(ld.baseSalary).toEqual({
        '@type': 'MonetaryAmount',
        currency: 'USD',
        value: { '@type': 'QuantitativeValue', minValue: 52000, maxValue: 64000, unitText: 'YEAR' },
      });
      expect(text).toContain('Salary $52,000 – $64,000 per year');
      expect(ld.identifier).toEqual({ '@type': 'PropertyValue', name: 'Lakeside Health Partners', value: onsite.id });
      expect(text).toContain(`Job ID ${onsite.id}`);
      expect(ld.directApply).toBe(false);
      expect(ld.educationRequirements).toEqual({ '@type': 'EducationalOccupationalCredential', credentialCategory: 'professional certificate' });
      expect(text).toContain('Any one of these qualifies: CPC Certified Professional Coder CCS Certified Coding Specialist');
      expect(ld.experienceRequirements).toEqual({ '@type': 'OccupationalExperienceRequirements', monthsOfExperience: 24 });
      expect(text).toContain('At least 2 years of coding experience');
      expect(ld.occupationalCategory).toBe('29-2072.00');
      expect(text).toContain('Medical Records Specialists (O*NET 29-2072.00)');

      // The rest of the page: badges with "any of" meaning, taxonomy names, tools, productivity, apply link.
      expect(text).toContain('Any of: CPC CCS CPC-A welcome');
      expect(text).toContain('Apprentice-friendly: CPC-A welcome');
      expect(text).toContain('Specialties Evaluation and Management (E/M)');
      expect(text).toContain('Professional fee (pro-fee / physician)');
      expect(text).toContain('Outpatient facility (hospital OP)');
      expect(text).toContain('Encoders and EHRs Epic 3M');
      expect(text).toContain('Productivity 20 charts an hour after training');
      expect(text).toContain('Headquarters: Tulsa, OK');
      // Through the apply link, which counts the click and redirects to the employer's page (test/job-insight.spec.ts).
      expect(html).toContain(`<a class="button job-apply-button" href="/jobs/${onsite.id}/apply" rel="nofollow noopener">Apply on the employer's site</a>`);
      expect(html).toContain('<title>Pro-Fee Coder (CPC or CCS) · CareerCenter</title>');
    });

    it('serves the logo it links to', async () => {
      const res = await fetch(`${t.baseUrl}/companies/${orgSlug}/logo?v=${logoVersion}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await res.arrayBuffer())).toEqual(PNG);
    });

    it('marks a hybrid job with its places and not as TELECOMMUTE', async () => {
      const hybrid = await job({
        workplace: 'hybrid',
        locations: [
          { city: 'Tulsa', state: 'OK', postalCode: '74103' },
          { city: 'Dallas', state: 'TX' },
        ],
        locationStates: ['OK', 'TX'],
        employmentType: 'PART_TIME',
        salaryMin: 24.5,
        salaryMax: 31,
        salaryPeriod: 'HOUR',
      });
      const { html, text } = await page(jobPath(hybrid));
      const ld = jsonLd(html);
      expect(ld.jobLocationType).toBeUndefined();
      expect(ld.applicantLocationRequirements).toBeUndefined();
      expect(ld.jobLocation).toEqual([
        { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: 'Tulsa', addressRegion: 'OK', postalCode: '74103', addressCountry: 'US' } },
        { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: 'Dallas', addressRegion: 'TX', addressCountry: 'US' } },
      ]);
      expect(text).toContain('Workplace Hybrid');
      expect(text).toContain('Locations Tulsa, Oklahoma (OK) 74103, US Dallas, Texas (TX), US');
      expect(ld.employmentType).toBe('PART_TIME');
      expect(text).toContain('Employment type Part-time');
      expect(ld.baseSalary.value).toEqual({ '@type': 'QuantitativeValue', minValue: 24.5, maxValue: 31, unitText: 'HOUR' });
      expect(text).toContain('Salary $24.50 – $31 per hour');
    });

    it('marks a fully remote job TELECOMMUTE with the states it hires in, and shows those states', async () => {
      const remote = await job({ workplace: 'remote', locations: [], locationStates: [], remoteStates: ['TX', 'OK'], employmentType: 'PER_DIEM' });
      const { html, text } = await page(jobPath(remote));
      const ld = jsonLd(html);
      expect(ld.jobLocationType).toBe('TELECOMMUTE');
      expect(ld.applicantLocationRequirements).toEqual([
        { '@type': 'State', name: 'Texas' },
        { '@type': 'State', name: 'Oklahoma' },
      ]);
      expect(ld.jobLocation).toBeUndefined();
      expect(ld.employmentType).toBe('PER_DIEM');
      expect(text).toContain('Where you can live Open to candidates in Texas (TX), Oklahoma (OK)');
      expect(text).toContain('Workplace Remote');
      expect(text).toContain('Employment type Per diem');
      expect(text).not.toContain('Location');
    });

    it('names the whole country for a remote job open in any state, and keeps the office it lists', async () => {
      const remote = await job({ workplace: 'remote', remoteStates: [], applyMethod: 'email', applyUrl: null, applyEmail: 'jobs@lakeside.example.org' });
      const { html, text } = await page(jobPath(remote));
      const ld = jsonLd(html);
      expect(ld.jobLocationType).toBe('TELECOMMUTE');
      expect(ld.applicantLocationRequirements).toEqual({ '@type': 'Country', name: 'US' });
      expect(ld.jobLocation).toHaveLength(1);
      expect(text).toContain('Where you can live Any US state');
      expect(text).toContain('Office Austin, Texas (TX) 78701, US');
      // The button goes through the apply link, which opens this address (test/job-insight.spec.ts).
      expect(html).toContain(`href="/jobs/${remote.id}/apply">Apply by email</a>`);
      expect(html).toContain('Send your résumé to <a href="mailto:jobs@lakeside.example.org">jobs@lakeside.example.org</a>.');
    });

    it('takes applications here: visitors are asked to sign in, and the markup claims directApply', async () => {
      const onsite = await job({ applyMethod: 'onsite', applyUrl: null });
      const { html, text } = await page(jobPath(onsite));
      expect(text).toContain('How to apply Sign in to apply');
      expect(html).not.toContain('enctype="multipart/form-data"');
      expect(jsonLd(html).directApply).toBe(true);
    });

    it('leaves out requirements the job does not state', async () => {
      const plain = await job({ credentialCodes: [], minYearsExperience: null, salaryMin: null, salaryMax: null, salaryPeriod: null });
      const { html, text } = await page(jobPath(plain));
      const ld = jsonLd(html);
      expect(ld.educationRequirements).toBeUndefined();
      expect(ld.experienceRequirements).toBeUndefined();
      expect(ld.baseSalary).toBeUndefined();
      expect(text).toContain('Credentials No credential required');
      expect(text).toContain('Salary Not stated');
    });
  });

  describe('addresses', () => {
    it('redirects a missing or wrong slug to the canonical address with 301, keeping the query', async () => {
      const open = await job({ title: 'Risk Adjustment Coder (CRC)' });
      const canonical = `/jobs/${open.id}/risk-adjustment-coder-crc`;
      expect(jobPath(open)).toBe(canonical);
      for (const path of [`/jobs/${open.id}`, `/jobs/${open.id}/wrong-slug`]) {
        const res = await page(path);
        expect({ path, status: res.status, location: res.location }).toEqual({ path, status: 301, location: canonical });
      }
      expect((await page(`/jobs/${open.id}/old?utm_source=feed`)).location).toBe(`${canonical}?utm_source=feed`);
      expect((await page(canonical)).status).toBe(200);
    });

    it.each([
      ['an unknown id', () => '/jobs/6f1c2c9e-8d4b-4c1a-9e57-0d5b3c7a1e11/some-job'],
      ['an id that is not a uuid', () => '/jobs/12345/some-job'],
    ])('answers 404 for %s', async (_label, path) => {
      const res = await page(path());
      expect(res.status).toBe(404);
      expect(res.html).toContain('<h1 id="error-title">Page not found</h1>');
    });

    it.each(['draft', 'pending_review'] as const)('answers 404 for a %s job, at any slug, never showing it', async (status) => {
      const hidden = await job({ status, title: `Hidden ${status} posting`, publishedAt: null });
      for (const path of [jobPath(hidden), `/jobs/${hidden.id}`]) {
        const res = await page(path);
        expect(res.status).toBe(404);
        expect(res.text).not.toContain(`Hidden ${status} posting`);
        expect(jsonLdBlocks(res.html)).toHaveLength(0);
      }
    });
  });

  describe('a job that is no longer open', () => {
    const goneCases: Array<[string, Partial<Job>, RegExp]> = [
      ['filled', { status: 'closed', closeReason: 'filled', closedAt: new Date() }, /The position has been filled/],
      ['closed early', { status: 'closed', closeReason: 'closed', closedAt: new Date() }, /The employer closed this posting on/],
      ['marked expired', { status: 'expired', validThrough: new Date(Date.now() - DAY) }, /This posting expired on/],
      ['published but past its valid-through date', { status: 'published', validThrough: new Date(Date.now() - 60_000) }, /This posting expired on/],
    ];

    it.each(goneCases)('answers 410 once %s, with similar open jobs and no JobPosting markup', async (_label, overrides, reason) => {
      const title = `Inpatient Coder ${Math.random().toString(36).slice(2, 8)}`;
      const gone = await job({ title, credentialCodes: ['CCS'], specialtySlugs: ['icd-10-pcs'], ...overrides });
      const sharingCredential = await job({ title: 'CCS Facility Coder', credentialCodes: ['CCS', 'RHIT'], specialtySlugs: [] });
      const sharingSpecialty = await job({ title: 'DRG Validator', credentialCodes: ['RHIA'], specialtySlugs: ['icd-10-pcs'] });
      await job({ title: 'Closed CCS job', credentialCodes: ['CCS'], status: 'closed', closeReason: 'closed', closedAt: new Date() });

      const res = await page(jobPath(gone));
      expect(res.status).toBe(410);
      expect(res.html).toContain('<h1 id="gone-title">This job is no longer accepting applications</h1>');
      expect(res.text).toContain(title);
      expect(res.text).toMatch(reason);
      expect(res.html).not.toContain('application/ld+json');
      expect(res.html).not.toContain('JobPosting');
      expect(res.html).not.toContain('job-apply-button');
      expect(res.html).toContain(`href="${jobPath(sharingCredential)}"`);
      expect(res.html).toContain(`href="${jobPath(sharingSpecialty)}"`);
      expect(res.text).not.toContain('Closed CCS job');
      expect(res.html).not.toContain(`href="${jobPath(gone)}"`);
      // Any slug: the posting is gone, there is nothing to redirect to.
      expect((await page(`/jobs/${gone.id}`)).status).toBe(410);
    });

    it('lists at most five similar jobs, and says so when there are none', async () => {
      for (let i = 0; i < 6; i++) await job({ title: `Home Health Coder ${i}`, credentialCodes: ['CHONC'], specialtySlugs: [] });
      const withMany = await job({ status: 'closed', closeReason: 'filled', closedAt: new Date(), credentialCodes: ['CHONC'], specialtySlugs: [] });
      expect((await page(jobPath(withMany))).html.match(/class="job-card"/g)).toHaveLength(5);

      const alone = await job({ status: 'expired', credentialCodes: ['CDIP'], specialtySlugs: ['cpt-anesthesia'] });
      expect((await page(jobPath(alone))).text).toContain('No similar jobs are open right now.');
    });

    it('goes from 200 to 410 when the clock passes its valid-through date, before any expiry run', async () => {
      const soon = await job({ validThrough: new Date(Date.now() + DAY) });
      expect((await page(jobPath(soon))).status).toBe(200);
      jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(Date.now() + 2 * DAY));
      const later = await page(jobPath(soon));
      expect(later.status).toBe(410);
      expect(jsonLdBlocks(later.html)).toHaveLength(0);
    });
  });

  describe('stored XSS', () => {
    it('keeps script, markup and event-handler payloads inert on the job page and inside its JSON-LD', async () => {
      const employer = await signUp(t.baseUrl, 'employer', t.dataSource, `Evil ${XSS.img} Corp`);
      await t.dataSource.query(`UPDATE organizations SET name = $2, website = 'javascript:alert(1)' WHERE id = $1`, [
        employer.organizationId,
        `Evil ${XSS.script} Corp`,
      ]);
      const payloadJob = await insertJob(t.dataSource, employer.organizationId!, {
        title: `Coder ${XSS.script}`,
        description: `Hello ${XSS.script} ${XSS.img} [link](javascript:alert(1))`,
        tools: [XSS.img, XSS.script],
        productivity: XSS.img,
        locations: [{ city: `Austin ${XSS.script}`, state: 'TX', postalCode: '78701' }],
        applyMethod: 'url',
        applyUrl: 'javascript:alert(1)',
      });
      const path = jobPath(payloadJob);
      const { status, html, text } = await page(path);
      expect(status).toBe(200);

      // The only script element is the JSON-LD block, and nothing in it closes it early.
      expect(html.match(/<script/g)).toHaveLength(1);
      expect(html.match(/<\/script>/g)).toHaveLength(1);
      expect(html).not.toMatch(/<img src=x|onerror=|href="javascript:/i);
      // The payloads are text the reader can see.
      expect(text).toContain(`Coder ${XSS.script}`);
      expect(text).toContain(XSS.img);
      expect(text).toContain(`Evil ${XSS.script} Corp`);
      expect(text).toContain(`Austin ${XSS.script}`);
      expect(text).toContain('The employer has not given an application link yet.');

      const ld = jsonLd(html);
      expect(ld.title).toBe(`Coder ${XSS.script}`);
      expect(ld.hiringOrganization).toEqual({ '@type': 'Organization', name: `Evil ${XSS.script} Corp` });
      expect(ld.jobLocation[0].address.addressLocality).toBe(`Austin ${XSS.script}`);
      expect(ld.description).not.toMatch(/<script|<img|javascript:/i);

      // The same job in the browse list.
      const list = await page('/jobs');
      expect(list.html).not.toMatch(/<script|<img src=x|onerror=/i);
      expect(list.text).toContain(`Coder ${XSS.script}`);

      // And on its 410 page.
      await t.dataSource.query(`UPDATE jobs SET status = 'closed', close_reason = 'filled', closed_at = now() WHERE id = $1`, [payloadJob.id]);
      const gone = await page(path);
      expect(gone.status).toBe(410);
      expect(gone.html).not.toMatch(/<script|<img src=x|onerror=/i);
      expect(gone.text).toContain(`Coder ${XSS.script}`);
    });
  });

  it('links the browse list from the navigation of every page', async () => {
    expect((await page('/')).html).toContain('<li><a href="/jobs">Jobs</a></li>');
    expect((await page('/jobs')).html).toContain('<li><a href="/jobs">Jobs</a></li>');
  });
});
