import { Browser } from './support/browser';
import { signedInBrowser } from './support/candidate-fixtures';
import { insertJob, signUp } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

describe('specialty pages, and picking a specialty by code', () => {
  let t: TestApp;
  let organizationId: string;
  let employerEmail: string;
  const page = (path: string) => new Browser(t.baseUrl).get(path);
  /** Page text without the spaces markup leaves before punctuation ("CPC : 2" → "CPC: 2"). */
  const tight = (text: string) => text.replace(/\(\s+/g, '(').replace(/\s+([,):])/g, '$1');
  const json = async (path: string): Promise<{ status: number; body: any }> => {
    const res = await fetch(`${t.baseUrl}${path}`);
    return { status: res.status, body: await res.json() };
  };

  beforeAll(async () => {
    t = await createTestApp();
    const employer = await signUp(t.baseUrl, 'employer', t.dataSource);
    organizationId = employer.organizationId!;
    employerEmail = employer.email;
    const musculoskeletal = { specialtySlugs: ['surgery-musculoskeletal'] };
    await insertJob(t.dataSource, organizationId, { ...musculoskeletal, title: 'Orthopedic Surgery Coder', credentialCodes: ['CPC', 'CCS'] });
    await insertJob(t.dataSource, organizationId, { ...musculoskeletal, title: 'Spine Surgery Coder', credentialCodes: ['CPC'] });
    await insertJob(t.dataSource, organizationId, {
      ...musculoskeletal,
      title: 'Fracture Care Auditor',
      credentialCodes: ['CPC'],
      status: 'closed',
      closedAt: new Date(),
    });
    await insertJob(t.dataSource, organizationId, { title: 'Cardiac Cath Coder', specialtySlugs: ['surgery-cardiovascular'], credentialCodes: ['CIRCC'] });
  });
  afterAll(() => t.close());

  it('shows what a specialty covers, its code ranges linked into the reference, the credentials its open jobs ask for most, and those jobs', async () => {
    const res = await page('/specialties/surgery-musculoskeletal');
    expect(res.status).toBe(200);
    expect(res.text).toContain('Code specialties › Surgery Surgery: Musculoskeletal System');
    expect(res.html).toContain('href="/specialties/cpt-surgery"');
    expect(tight(res.text)).toContain('20100–29999 (20100, 29999)');
    expect(res.html).toContain('href="/codes/cpt/20100"');
    expect(res.html).toContain('href="/codes/cpt/29999"');
    expect(res.text).toContain('descriptors are copyrighted by the American Medical Association');
    // Two open jobs ask for a CPC, one for a CCS; the closed job counts for nothing.
    expect(tight(res.text)).toContain('CPC: 2 open jobs CCS: 1 open job Open jobs');
    expect(res.text).toContain('Orthopedic Surgery Coder');
    expect(res.text).toContain('Spine Surgery Coder');
    expect(res.text).not.toContain('Fracture Care Auditor');
    expect(res.text).not.toContain('Cardiac Cath Coder');
    expect(res.html).toContain('href="/jobs?specialty&#x3D;surgery-musculoskeletal"');
    expect(res.text).toContain('All 2 open jobs in Surgery: Musculoskeletal System');
  });

  it('counts the jobs of a section’s subsections on the section’s page', async () => {
    const res = await page('/specialties/cpt-surgery');
    expect(res.status).toBe(200);
    expect(res.text).toContain('All 3 open jobs in Surgery');
    expect(res.html).toContain('href="/specialties/surgery-musculoskeletal"');
    expect(tight(res.text)).toContain('CPC: 2 open jobs CCS: 1 open job CIRCC: 1 open job Open jobs');
  });

  it('lists the specialties, and answers 404 for an unknown one or a setting', async () => {
    const index = await page('/specialties');
    expect(index.status).toBe(200);
    expect(index.text).toContain('CPT sections');
    expect(index.html).toContain('href="/specialties/hcpcs-drugs-j-codes"');
    expect(index.html).not.toContain('href="/specialties/pro-fee"');
    expect((await page('/specialties/no-such-thing')).status).toBe(404);
    expect((await page('/specialties/pro-fee')).status).toBe(404);
  });

  it('links a job page’s specialties to their pages, and the specialty page back to the job (jobs and codes both ways)', async () => {
    const [job] = await t.dataSource.query(`SELECT id FROM jobs WHERE title = 'Cardiac Cath Coder'`);
    const jobPage = await page(`/jobs/${job.id}/cardiac-cath-coder`);
    expect(jobPage.status).toBe(200);
    expect(jobPage.html).toContain('<a href="/specialties/surgery-cardiovascular">Surgery: Cardiovascular System</a>');
    const specialtyPage = await page('/specialties/surgery-cardiovascular');
    expect(specialtyPage.html).toContain(`/jobs/${job.id}/cardiac-cath-coder`);
    expect(specialtyPage.html).toContain('href="/codes/cpt/33016"');
  });

  describe('GET /api/specialties/for-code', () => {
    it('places a CPT number in its subsection and section, narrowest first', async () => {
      const { status, body } = await json('/api/specialties/for-code?code=21925');
      expect(status).toBe(200);
      expect(body).toEqual([
        {
          system: 'cpt',
          systemName: 'CPT',
          code: '21925',
          display: '21925',
          label: 'Surgery › Musculoskeletal System',
          specialties: [
            { slug: 'surgery-musculoskeletal', name: 'Surgery: Musculoskeletal System' },
            { slug: 'cpt-surgery', name: 'Surgery' },
          ],
        },
      ]);
      expect((await json('/api/specialties/for-code?code=0001F')).body[0].specialties).toEqual([
        { slug: 'cpt-category-ii', name: 'CPT Category II (performance measurement)' },
      ]);
    });

    it('answers an empty list for a code no code set places, and 400 without a usable code', async () => {
      expect(await json('/api/specialties/for-code?code=hello')).toEqual({ status: 200, body: [] });
      const missing = await json('/api/specialties/for-code');
      expect(missing.status).toBe(400);
      expect(JSON.stringify(missing.body)).toContain('Give a code, such as 21925 or E11.9.');
      expect((await json(`/api/specialties/for-code?code=${'1'.repeat(11)}`)).status).toBe(400);
    });

    it('is offered in the job form and the coder profile, whose script is served', async () => {
      const employer = await signedInBrowser(t.baseUrl, employerEmail);
      const form = await employer.get('/employer/jobs/new');
      expect(form.html).toContain('data-specialty-by-code');
      expect(form.html).toContain('<script src="/public/js/specialty-by-code.js" defer></script>');
      const coder = await signUp(t.baseUrl, 'candidate', t.dataSource);
      const profile = await (await signedInBrowser(t.baseUrl, coder.email)).get('/me/profile');
      expect(profile.html).toContain('data-specialty-by-code');
      expect(profile.html).toContain('data-specialty-row');
      const script = await fetch(`${t.baseUrl}/public/js/specialty-by-code.js`);
      expect(script.status).toBe(200);
      expect(await script.text()).toContain('/api/specialties/for-code?code=');
    });
  });
});
