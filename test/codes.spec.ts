import { CodeImportService } from '../src/codes/code-import.service';
import { insertJob, signUp } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

describe('the code reference', () => {
  let t: TestApp;
  const get = (path: string) => fetch(`${t.baseUrl}${path}`, { redirect: 'manual' });
  const json = async (path: string): Promise<{ status: number; body: any }> => {
    const res = await get(path);
    return { status: res.status, body: await res.json() };
  };

  beforeAll(async () => {
    // Metering has its own tests (codes-metering.spec.ts); here every view is shown in full.
    t = await createTestApp({ CODE_VIEWS_SIGNED_OUT: '100000' });
    await t.app.get(CodeImportService).importAll();
    const { organizationId } = await signUp(t.baseUrl, 'employer', t.dataSource);
    await insertJob(t.dataSource, organizationId!, { title: 'Orthopedic Surgery Coder', specialtySlugs: ['surgery-musculoskeletal'] });
    await insertJob(t.dataSource, organizationId!, { title: 'Inpatient Coder', specialtySlugs: ['icd-10-cm'] });
  });
  afterAll(() => t.close());

  describe('GET /api/codes/:system/:code', () => {
    it('shows an ICD-10-CM code with or without its dot: description, billable, parent, neighbours, section and source', async () => {
      for (const code of ['E11.9', 'E119', 'e11.9']) {
        const { status, body } = await json(`/api/codes/icd-10-cm/${code}`);
        expect(status).toBe(200);
        expect(body).toMatchObject({
          system: 'icd-10-cm',
          systemName: 'ICD-10-CM',
          code: 'E119',
          display: 'E11.9',
          description: 'Type 2 diabetes mellitus without complications',
          billable: true,
          source: 'CMS ICD-10-CM FY2026',
          section: { slug: 'icd-10-cm' },
          parent: { code: 'E11', display: 'E11', billable: false },
          children: [],
          previous: { code: 'E118' },
        });
      }
    });

    it('lists the codes right under an ICD-10-CM header', async () => {
      const { body } = await json('/api/codes/icd-10-cm/E11');
      expect(body.billable).toBe(false);
      const children = body.children.map((c: { display: string }) => c.display);
      expect(children).toEqual(expect.arrayContaining(['E11.0', 'E11.9']));
      expect(children.every((c: string) => /^E11\.[0-9A-Z]$/.test(c))).toBe(true);
    });

    it('shows a HCPCS code and a modifier as listed in the CMS file', async () => {
      expect((await json('/api/codes/hcpcs/j1100')).body).toMatchObject({ code: 'J1100', kind: 'code', subsection: { slug: 'hcpcs-drugs-j-codes' } });
      expect((await json('/api/codes/hcpcs/LT')).body).toMatchObject({
        code: 'LT',
        kind: 'modifier',
        shortDescription: 'Left side',
        section: { slug: 'hcpcs-level-ii' },
      });
    });

    it('knows any well-formed CPT code by its section, without a descriptor', async () => {
      expect((await json('/api/codes/cpt/21925')).body).toMatchObject({
        code: '21925',
        description: null,
        source: null,
        section: { slug: 'cpt-surgery' },
        subsection: { slug: 'surgery-musculoskeletal' },
      });
      const gap = await json('/api/codes/cpt/70000');
      expect(gap).toMatchObject({ status: 200, body: { code: '70000', section: null, subsection: null } });
    });

    it('answers 404 with the nearest codes for a code the lists do not hold, and for an unknown code set', async () => {
      const { status, body } = await json('/api/codes/icd-10-cm/E11.99');
      expect(status).toBe(404);
      expect(body.suggestions.length).toBeGreaterThan(0);
      expect(body.suggestions.every((s: { code: string }) => s.code.startsWith('E119'))).toBe(true);
      expect((await json('/api/codes/cpt/2192')).status).toBe(404);
      expect((await json('/api/codes/snomed/123')).status).toBe(404);
    });
  });

  describe('GET /api/codes', () => {
    it('finds codes by prefix, with the exact code first', async () => {
      const { body } = await json('/api/codes?q=E11.9');
      expect(body.hits[0]).toMatchObject({ code: 'E119', display: 'E11.9' });
      const prefix = await json('/api/codes?q=E11');
      expect(prefix.body.total).toBeGreaterThan(50);
      expect(prefix.body.hits.every((h: { code: string }) => h.code.startsWith('E11'))).toBe(true);
    });

    it('finds codes by words, narrows them to a code set or billable codes, and pages them', async () => {
      const { body } = await json('/api/codes?q=type%202%20diabetes&system=icd-10-cm&billable=true');
      expect(body.total).toBeGreaterThan(25);
      expect(body.hits).toHaveLength(25);
      expect(body.hits.every((h: { system: string; billable: boolean }) => h.system === 'icd-10-cm' && h.billable)).toBe(true);
      expect(body.corrected).toBe(false);
      const second = await json('/api/codes?q=type%202%20diabetes&system=icd-10-cm&billable=true&page=2');
      expect(second.body.page).toBe(2);
      expect(second.body.hits[0].code).not.toBe(body.hits[0].code);
    });

    it('finds a misspelt word by its nearest spelling', async () => {
      const { body } = await json('/api/codes?q=diabetis');
      expect(body.corrected).toBe(true);
      expect(body.hits.length).toBeGreaterThan(0);
      expect(body.hits.every((h: { description: string }) => /diabet/i.test(h.description))).toBe(true);
    });

    it('takes hostile text as words, and refuses bad parameters by field', async () => {
      for (const q of ["' OR 1=1--", '%', '_', '\\', '"unclosed', 'ü'.repeat(150)])
        expect((await json(`/api/codes?q=${encodeURIComponent(q)}`)).status).toBe(200);
      const bad = await json('/api/codes?q=x&system=snomed&billable=maybe&page=0');
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.body.details).sort()).toEqual(['billable', 'page', 'system']);
    });
  });

  describe('pages', () => {
    it('shows a code page with its description, JSON-LD MedicalCode and the open jobs of its specialty, at one address', async () => {
      const moved = await get('/codes/icd-10-cm/E11.9');
      expect(moved.status).toBe(301);
      expect(moved.headers.get('location')).toBe('/codes/icd-10-cm/E119');
      const html = await (await get('/codes/icd-10-cm/E119')).text();
      expect(html).toContain('<h1 id="code-title">E11.9</h1>');
      expect(html).toContain('Type 2 diabetes mellitus without complications');
      expect(html).toContain('Billable');
      const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]);
      expect(ld).toEqual({ '@context': 'https://schema.org', '@type': 'MedicalCode', codeValue: 'E11.9', codingSystem: 'ICD-10-CM', name: expect.any(String) });
      expect(html).toContain('Inpatient Coder');
    });

    it('says plainly that a CPT descriptor is AMA-licensed and not shown, and links the jobs of its subsection', async () => {
      const html = (await (await get('/codes/cpt/21925')).text()).replace(/&#x3D;/g, '=').replace(/&amp;/g, '&');
      expect(html).toContain('CPT code in Surgery');
      expect(html).toContain('not shown here');
      expect(html).toContain('Orthopedic Surgery Coder');
      expect(html).toMatch(/href="\/jobs\?[^"]*specialty=surgery-musculoskeletal/);
    });

    it('is linked from the site header', async () => {
      expect(await (await get('/')).text()).toContain('<a href="/codes">Code lookup</a>');
    });

    it('searches from /codes and answers 404 with suggestions for an unknown code', async () => {
      const html = await (await get('/codes?q=type%202%20diabetes&system=icd-10-cm')).text();
      // The category first: among equal matches the shorter, more general description ranks higher.
      expect(html.indexOf('href="/codes/icd-10-cm/E11"')).toBeGreaterThan(0);
      expect(html.indexOf('href="/codes/icd-10-cm/E11"')).toBeLessThan(html.indexOf('href="/codes/icd-10-cm/E1121"'));
      // The form's "All code sets" sends an empty system: every code set.
      const all = await get('/codes?q=J1100&system=');
      expect(all.status).toBe(200);
      expect(await all.text()).toContain('href="/codes/hcpcs/J1100"');
      const missing = await get('/codes/icd-10-cm/E11.99');
      expect(missing.status).toBe(404);
      expect(await missing.text()).toContain('The nearest codes');
    });
  });
});
