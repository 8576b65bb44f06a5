import { CodeImportService } from '../src/codes/code-import.service';
import { createTestApp, TestApp } from './support/test-app';

describe('browsing the code reference', () => {
  let t: TestApp;
  const get = (path: string) => fetch(`${t.baseUrl}${path}`, { redirect: 'manual' });
  const page = async (path: string) => {
    const res = await get(path);
    return { status: res.status, location: res.headers.get('location'), html: (await res.text()).replace(/&#x3D;/g, '=') };
  };
  /** The code pages a page links to, in order. */
  const codeLinks = (html: string, system: string) => [...html.matchAll(new RegExp(`href="/codes/${system}/([0-9A-Z]+)"`, 'g'))].map((m) => m[1]);
  const scalar = async (sql: string, params: unknown[] = []) => Number((await t.dataSource.query<Array<{ n: string }>>(sql, params))[0].n);

  beforeAll(async () => {
    // The default view limit (3 a day): browsing must not spend any of it.
    t = await createTestApp();
    await t.app.get(CodeImportService).importAll();
  });
  afterAll(() => t.close());

  it('lists the 22 ICD-10-CM chapters with the codes each holds, every code in exactly one', async () => {
    const { status, html } = await page('/codes/icd-10-cm');
    expect(status).toBe(200);
    const chapters = [
      ...html.matchAll(/<a href="(\/codes\/icd-10-cm\/sections\/[^"]+)"><strong>([^<]+)<\/strong> ([^<]+)<\/a> \(([\d,]+) codes, ([\d,]+) billable\)/g),
    ].map(([, path, range, title, codes, billable]) => ({
      path,
      range,
      title,
      codes: Number(codes.replace(/,/g, '')),
      billable: Number(billable.replace(/,/g, '')),
    }));
    expect(chapters).toHaveLength(22);
    expect(chapters[0]).toMatchObject({ path: '/codes/icd-10-cm/sections/A00-B99', range: 'A00–B99', title: 'Certain infectious and parasitic diseases' });
    expect(chapters[21]).toMatchObject({ path: '/codes/icd-10-cm/sections/U00-U85', title: 'Codes for special purposes' });
    const endocrine = chapters.find((c) => c.range === 'E00–E89')!;
    expect(endocrine.title).toBe('Endocrine, nutritional and metabolic diseases');
    expect(endocrine.codes).toBe(await scalar(`SELECT count(*) AS n FROM codes WHERE system = 'icd-10-cm' AND code LIKE 'E%'`));
    expect(endocrine.codes).toBeGreaterThan(1000);
    expect(endocrine.billable).toBeGreaterThan(500);
    expect(endocrine.billable).toBeLessThan(endocrine.codes);
    const total = await scalar(`SELECT count(*) AS n FROM codes WHERE system = 'icd-10-cm'`);
    expect(chapters.reduce((sum, c) => sum + c.codes, 0)).toBe(total);
  });

  it('lists a chapter’s three-character categories in the order of the list, linked to their code pages with their status', async () => {
    const { status, html } = await page('/codes/icd-10-cm/sections/E00-E89');
    expect(status).toBe(200);
    expect(html).toContain('Chapter 4: Endocrine, nutritional and metabolic diseases');
    expect(html).toContain('each category’s page lists the codes under it');
    expect(html).toMatch(
      /<a href="\/codes\/icd-10-cm\/E11"><strong>E11<\/strong><\/a> Type 2 diabetes mellitus <span class="badge">Header, not billable<\/span>/,
    );
    const codes = codeLinks(html, 'icd-10-cm');
    expect(codes.length).toBe(await scalar(`SELECT count(*) AS n FROM codes WHERE system = 'icd-10-cm' AND code LIKE 'E__'`));
    expect(codes.every((c) => /^E\d\d$/.test(c))).toBe(true);
    expect(codes.indexOf('E10')).toBeLessThan(codes.indexOf('E11'));
    expect(codes.indexOf('E11')).toBeLessThan(codes.indexOf('E13'));
    expect(html).not.toContain('rel="next"');
  });

  it('answers one address per chapter: its number and other spellings redirect to its range', async () => {
    for (const other of ['4', '04', 'e00-e89']) {
      expect(await page(`/codes/icd-10-cm/sections/${other}`)).toMatchObject({ status: 301, location: '/codes/icd-10-cm/sections/E00-E89' });
    }
    expect(await page('/codes/icd-10-cm/sections/20?page=2')).toMatchObject({ status: 301, location: '/codes/icd-10-cm/sections/V00-Y99?page=2' });
    // Chapter 17 reaches past Q99 in FY2026, and 15 past O99: ranges compare character by character.
    expect(codeLinks((await page('/codes/icd-10-cm/sections/Q00-QA8')).html, 'icd-10-cm')).toContain('QA0');
    expect(codeLinks((await page('/codes/icd-10-cm/sections/O00-O9A')).html, 'icd-10-cm')).toContain('O9A');
  });

  it('lists HCPCS Level II sections by letter, and a letter’s codes without the modifiers', async () => {
    const { html } = await page('/codes/hcpcs');
    const jCodes = await scalar(`SELECT count(*) AS n FROM codes WHERE system = 'hcpcs' AND kind = 'code' AND code LIKE 'J%'`);
    expect(html).toContain(
      `<a href="/codes/hcpcs/sections/J"><strong>J codes</strong> Drugs administered other than oral method, chemotherapy drugs</a> (${jCodes.toLocaleString('en-US')} codes)`,
    );
    expect([...html.matchAll(/href="\/codes\/hcpcs\/sections\/([A-Z])"/g)].map((m) => m[1]).join('')).toBe('ABCEGHJKLMPQRSTUV');

    const section = await page('/codes/hcpcs/sections/J');
    expect(section.status).toBe(200);
    expect(section.html).toContain(`${jCodes.toLocaleString('en-US')} codes, in code order`);
    expect(codeLinks(section.html, 'hcpcs').every((c) => /^J\d{4}$/.test(c))).toBe(true);
    // J1100 is on the page its place in the list puts it on.
    const before = await scalar(
      `SELECT count(*) AS n FROM codes WHERE system = 'hcpcs' AND kind = 'code' AND code LIKE 'J%'
       AND position < (SELECT position FROM codes WHERE system = 'hcpcs' AND code = 'J1100')`,
    );
    const onItsPage = await page(`/codes/hcpcs/sections/J?page=${Math.floor(before / 100) + 1}`);
    expect(onItsPage.html).toMatch(/<a href="\/codes\/hcpcs\/J1100"><strong>J1100<\/strong><\/a> Injection, dexamethasone sodium phosphate/i);
    expect(await page('/codes/hcpcs/sections/j')).toMatchObject({ status: 301, location: '/codes/hcpcs/sections/J' });
  });

  it('pages a section 100 codes at a time, and answers 404 past the last page', async () => {
    const total = await scalar(`SELECT count(*) AS n FROM codes WHERE system = 'hcpcs' AND kind = 'code' AND code LIKE 'J%'`);
    const pages = Math.ceil(total / 100);
    const first = await page('/codes/hcpcs/sections/J');
    expect(first.html).toContain(`Page 1 of ${pages}`);
    expect(first.html).toContain('<a href="/codes/hcpcs/sections/J?page=2" rel="next">');
    const seen = codeLinks(first.html, 'hcpcs');
    expect(seen).toHaveLength(100);
    for (let n = 2; n <= pages; n++) {
      const next = await page(`/codes/hcpcs/sections/J?page=${n}`);
      expect(next.html).toContain(`Page ${n} of ${pages}`);
      expect(next.html).toContain(`<a href="/codes/hcpcs/sections/J${n === 2 ? '' : `?page=${n - 1}`}" rel="prev">`);
      seen.push(...codeLinks(next.html, 'hcpcs'));
    }
    expect(new Set(seen).size).toBe(total);
    expect(seen.indexOf('J0120')).toBeLessThan(seen.indexOf('J1100'));
    expect((await page(`/codes/hcpcs/sections/J?page=${pages + 1}`)).status).toBe(404);
    expect((await page('/codes/hcpcs/sections/J?page=0')).status).toBe(400);
    expect((await page('/codes/hcpcs/sections/J?page=two')).status).toBe(400);
  });

  it('lists the CPT sections and surgery subsections with their ranges, linked to their specialty pages, without descriptors', async () => {
    const { status, html } = await page('/codes/cpt');
    expect(status).toBe(200);
    expect(html).toContain('CPT codes are shown by number and section only');
    expect(html).toContain('<a href="/specialties/cpt-surgery"><strong>Surgery</strong></a> 10004–69990');
    expect(html).toContain('<a href="/specialties/surgery-musculoskeletal">Surgery: Musculoskeletal System</a> 20100–29999');
    expect(html).toContain('<a href="/specialties/cpt-anesthesia"><strong>Anesthesia</strong></a> 00100–01999, 99100–99140');
    expect(html.indexOf('surgery-musculoskeletal')).toBeGreaterThan(html.indexOf('cpt-surgery'));
    expect(html.indexOf('surgery-musculoskeletal')).toBeLessThan(html.indexOf('cpt-radiology'));
    expect(codeLinks(html, 'cpt')).toEqual([]);
  });

  it('answers 404 for an unknown code set or section', async () => {
    for (const path of [
      '/codes/snomed',
      '/codes/snomed/sections/A',
      '/codes/icd-10-cm/sections/E00-E90',
      '/codes/icd-10-cm/sections/23',
      '/codes/hcpcs/sections/D',
      '/codes/hcpcs/sections/JJ',
      '/codes/cpt/sections/cpt-surgery',
    ]) {
      const res = await page(path);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(res.html).toContain('Page not found');
    }
  });

  it('is linked from /codes, and spends no metered code views', async () => {
    const html = await (await get('/codes')).text();
    for (const system of ['icd-10-cm', 'hcpcs', 'cpt']) expect(html).toContain(`<a href="/codes/${system}">`);
    const before = await scalar(`SELECT count(*) AS n FROM code_views`);
    for (let i = 0; i < 5; i++) {
      for (const path of ['/codes/icd-10-cm', '/codes/icd-10-cm/sections/E00-E89', '/codes/hcpcs/sections/J', '/codes/cpt'])
        expect((await get(path)).status).toBe(200);
    }
    expect(await scalar(`SELECT count(*) AS n FROM code_views`)).toBe(before);
    expect(before).toBe(0);
    // The code pages it links to are metered as ever.
    expect((await get('/codes/icd-10-cm/E11')).status).toBe(200);
    expect(await scalar(`SELECT count(*) AS n FROM code_views`)).toBeGreaterThan(0);
  });
});
