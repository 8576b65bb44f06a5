import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CodeImportService } from '../src/codes/code-import.service';
import { CPT_COPYRIGHT } from '../src/codes/codes.service';
import { readCptFile } from '../src/codes/cpt-descriptor-file';
import { signUp } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

// Fixtures are made here with made-up descriptor text: the project never holds real CPT descriptors.
const FIRST = [
  '\uFEFFCPT Code,Short Descriptor,Long Descriptor,Notes',
  '21925,Test short 21925,"Test descriptor for 21925, with a comma",x',
  '99213,,Test descriptor for 99213,',
  '0001f,Test short 0001F,Test descriptor for 0001F,',
  '',
].join('\r\n');
const SECOND = 'code,description\n21925,Test descriptor for 21925 (revised)\n99214,Test descriptor for 99214\n';

describe('importing licensed CPT descriptors', () => {
  let t: TestApp;
  let importer: CodeImportService;
  let dir: string;
  const get = (path: string, token?: string) => fetch(`${t.baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const json = async (path: string, token?: string) => (await get(path, token)).json();
  const html = async (path: string, token?: string) => (await (await get(path, token)).text()).replace(/&#x3D;/g, '=').replace(/&amp;/g, '&');
  const file = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const importCsv = async (path: string, version?: string) => importer.importRelease(await readCptFile(path, version));
  const cptRows = () => t.dataSource.query(`SELECT code, description, short_description FROM codes WHERE system = 'cpt' ORDER BY position`);

  beforeAll(async () => {
    // One member view a day, to see the gate; signed-out views are not limited here.
    t = await createTestApp({ CODE_VIEWS_SIGNED_OUT: '100000', CODE_VIEWS_MEMBER: '1' });
    importer = t.app.get(CodeImportService);
    dir = mkdtempSync(join(tmpdir(), 'careercenter-cpt-'));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('without an import, says on the page that the descriptor is licensed and not shown, and the API has no descriptor', async () => {
    const page = await html('/codes/cpt/21925');
    expect(page).toContain('CPT code in Surgery');
    expect(page).toContain('not shown here');
    expect(page).not.toContain(CPT_COPYRIGHT);
    expect(await json('/api/codes/cpt/21925')).toMatchObject({ code: '21925', description: null, source: null, copyright: null });
    expect(await json('/api/codes?q=21925')).toMatchObject({ total: 0, copyright: null });
  });

  it('shows imported descriptors with the AMA copyright line on the code page, in the API and in search, and records the release', async () => {
    const path = file('cpt-2026-test.csv', FIRST);
    expect(await importCsv(path)).toEqual({ system: 'cpt', source: 'AMA CPT 2026', rows: 3, changed: true });
    expect(await t.dataSource.query(`SELECT system, source, file_name, version, checksum, row_count FROM code_releases`)).toEqual([
      {
        system: 'cpt',
        source: 'AMA CPT 2026',
        file_name: 'cpt-2026-test.csv',
        version: '2026',
        checksum: createHash('sha256').update(FIRST).digest('hex'),
        row_count: 3,
      },
    ]);

    expect(await json('/api/codes/cpt/21925')).toMatchObject({
      code: '21925',
      description: 'Test descriptor for 21925, with a comma',
      shortDescription: 'Test short 21925',
      source: 'AMA CPT 2026',
      copyright: CPT_COPYRIGHT,
      section: { slug: 'cpt-surgery' },
      subsection: { slug: 'surgery-musculoskeletal' },
      next: { code: '99213' },
    });
    expect(await json('/api/codes/cpt/0001F')).toMatchObject({ description: 'Test descriptor for 0001F', copyright: CPT_COPYRIGHT });
    const page = await html('/codes/cpt/21925');
    expect(page).toContain('Test descriptor for 21925, with a comma');
    expect(page).toContain(`<p class="hint">${CPT_COPYRIGHT}</p>`);
    expect(page).toContain('AMA CPT 2026');
    expect(page).not.toContain('not shown here');

    // A number the file does not list is still known by its section alone.
    expect(await json('/api/codes/cpt/21930')).toMatchObject({ description: null, source: null, copyright: null, section: { slug: 'cpt-surgery' } });
    expect(await html('/codes/cpt/21930')).toContain('not shown here');

    // Search finds the same descriptors, with the same line.
    expect(await json('/api/codes?q=21925')).toMatchObject({
      total: 1,
      hits: [{ system: 'cpt', code: '21925', description: 'Test descriptor for 21925, with a comma' }],
      copyright: CPT_COPYRIGHT,
    });
    expect(await json('/api/codes?q=test%20descriptor&system=cpt')).toMatchObject({ total: 3, copyright: CPT_COPYRIGHT });
    const results = await html('/codes?q=21925');
    expect(results).toContain('href="/codes/cpt/21925"');
    expect(results).toContain(CPT_COPYRIGHT);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await cptRows();
    expect(await importCsv(join(dir, 'cpt-2026-test.csv'))).toMatchObject({ rows: 3, changed: false });
    expect(await cptRows()).toEqual(before);
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM code_releases`)).toEqual([{ n: 1 }]);
  });

  it('replaces the previous descriptors with those of a new file', async () => {
    expect(await importCsv(file('descriptors.csv', SECOND), 'Test 2027')).toMatchObject({ source: 'AMA CPT Test 2027', rows: 2, changed: true });
    expect(await cptRows()).toEqual([
      { code: '21925', description: 'Test descriptor for 21925 (revised)', short_description: null },
      { code: '99214', description: 'Test descriptor for 99214', short_description: null },
    ]);
    expect(await json('/api/codes/cpt/21925')).toMatchObject({ description: 'Test descriptor for 21925 (revised)', source: 'AMA CPT Test 2027' });
    // 99213 is no longer in the file: back to its section alone.
    expect(await json('/api/codes/cpt/99213')).toMatchObject({ description: null, copyright: null });
    expect(await html('/codes/cpt/99213')).toContain('not shown here');
    // Without --cpt-version, the file name names the edition.
    expect((await readCptFile(join(dir, 'descriptors.csv'))).version).toBe('descriptors');
  });

  it('rejects a malformed file naming the line and what to do, and keeps the descriptors loaded before', async () => {
    const before = await cptRows();
    const rejects = (content: string, message: string) => expect(importCsv(file('bad.csv', content))).rejects.toThrow(message);
    await rejects('code,description\n21925,Test descriptor for 21925\n2192,Test descriptor for 2192\n', 'bad.csv, line 3: "2192" is not a CPT code');
    await rejects('code,description\n21925,Test one\n\n21925,Test two\n', 'bad.csv, line 4: 21925 is listed again (first on line 2)');
    await rejects('code,description\n21925,\n', 'bad.csv, line 2: 21925 has no descriptor');
    await rejects('cpt number,text\n21925,Test descriptor\n', 'needs a header row with a code column (code, cpt_code or CPT Code)');
    await rejects('code,description\n21925,Test descriptor,extra\n', 'bad.csv is not a well-formed CSV file');
    await rejects('code,description\n', 'bad.csv holds no descriptors');
    await expect(readCptFile(join(dir, 'missing.csv'))).rejects.toThrow('Give the path of the licensed CPT descriptor file');
    expect(await cptRows()).toEqual(before);
  });

  it('hides the descriptor past the view limit, as every description is hidden', async () => {
    const coder = await signUp(t.baseUrl, 'candidate', t.dataSource);
    expect(await json('/api/codes/cpt/21925', coder.token)).toMatchObject({ description: 'Test descriptor for 21925 (revised)' });
    expect(await json('/api/codes/cpt/99214', coder.token)).toMatchObject({
      gated: true,
      description: null,
      shortDescription: null,
      copyright: null,
      previous: { code: '21925', description: null },
    });
    const page = await html('/codes/cpt/99214', coder.token);
    expect(page).toContain('You have seen 1 codes');
    expect(page).not.toContain('Test descriptor for 99214');
    expect(page).not.toContain(CPT_COPYRIGHT);
  });
});
