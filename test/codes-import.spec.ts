import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CODE_FILES, CodeImportService } from '../src/codes/code-import.service';
import { CodesService } from '../src/codes/codes.service';
import { DATA_DIR } from '../src/taxonomy/reference-data';
import { createTestApp, TestApp } from './support/test-app';

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('importing the code lists', () => {
  let t: TestApp;
  let importer: CodeImportService;
  /** Every code row, to compare before and after. */
  const fingerprint = async () =>
    (
      await t.dataSource.query<Array<{ md5: string }>>(
        `SELECT md5(string_agg(concat_ws('|', system, code, kind, description, short_description, billable, terminated_on, position, release_id), ',' ORDER BY system, code)) AS md5 FROM codes`,
      )
    )[0].md5;

  beforeAll(async () => {
    t = await createTestApp();
    importer = t.app.get(CodeImportService);
  });
  afterAll(() => t.close());

  it('loads every row of both files, records each file’s release and checksum, and a second import changes nothing', async () => {
    expect(await importer.isEmpty()).toBe(true);
    const outcomes = await importer.importAll();
    expect(outcomes.map(({ system, rows, changed }) => ({ system, rows, changed }))).toEqual([
      { system: 'icd-10-cm', rows: 98186, changed: true },
      { system: 'hcpcs', rows: 8846, changed: true },
    ]);

    const counts = await t.dataSource.query(
      `SELECT system, count(*)::int AS rows, count(*) FILTER (WHERE billable)::int AS billable, count(*) FILTER (WHERE kind = 'modifier')::int AS modifiers
       FROM codes GROUP BY system ORDER BY system`,
    );
    expect(counts).toEqual([
      { system: 'hcpcs', rows: 8846, billable: 0, modifiers: 383 },
      { system: 'icd-10-cm', rows: 98186, billable: 74719, modifiers: 0 },
    ]);
    const releases = await t.dataSource.query(`SELECT system, source, file_name, checksum, row_count FROM code_releases ORDER BY system`);
    expect(releases).toEqual([
      { system: 'hcpcs', source: 'CMS HCPCS Level II, October 2025', file_name: 'hcpcs.tsv', checksum: sha256(join(DATA_DIR, 'hcpcs.tsv')), row_count: 8846 },
      {
        system: 'icd-10-cm',
        source: 'CMS ICD-10-CM FY2026',
        file_name: 'icd10cm.tsv.gz',
        checksum: sha256(join(DATA_DIR, 'icd10cm.tsv.gz')),
        row_count: 98186,
      },
    ]);

    const spot = await t.dataSource.query(
      `SELECT system, code, kind, description, billable FROM codes WHERE (system, code) IN (('icd-10-cm', 'E119'), ('icd-10-cm', 'E11'), ('hcpcs', 'E0100'), ('hcpcs', 'LT')) ORDER BY system, code`,
    );
    expect(spot).toEqual([
      { system: 'hcpcs', code: 'E0100', kind: 'code', description: expect.stringMatching(/cane/i), billable: null },
      { system: 'hcpcs', code: 'LT', kind: 'modifier', description: expect.stringMatching(/left side/i), billable: null },
      { system: 'icd-10-cm', code: 'E11', kind: 'code', description: 'Type 2 diabetes mellitus', billable: false },
      { system: 'icd-10-cm', code: 'E119', kind: 'code', description: 'Type 2 diabetes mellitus without complications', billable: true },
    ]);
    // File order is kept: the tabular order puts the category before its codes.
    const [order] = await t.dataSource.query(
      `SELECT (SELECT position FROM codes WHERE system = 'icd-10-cm' AND code = 'E11') < (SELECT position FROM codes WHERE system = 'icd-10-cm' AND code = 'E119') AS ok`,
    );
    expect(order.ok).toBe(true);

    const before = await fingerprint();
    const again = await importer.importAll();
    expect(again.map((o) => o.changed)).toEqual([false, false]);
    expect(await fingerprint()).toBe(before);
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM code_releases`)).toEqual([{ n: 2 }]);
    expect(await importer.isEmpty()).toBe(false);
  });

  it('replaces a list with a new release of its file: changed rows are updated and codes it no longer lists are removed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'careercenter-codes-'));
    try {
      const [icd, hcpcs] = CODE_FILES;
      const codes = t.app.get(CodesService);
      expect((await codes.lookup('icd-10-cm', 'E11.9'))?.description).toBe('Type 2 diabetes mellitus without complications');
      writeFileSync(
        join(dir, icd.fileName),
        gzipSync('code\tdescription\tbillable\nE11\tType 2 diabetes mellitus\t0\nE119\tType 2 diabetes, revised wording\t1\n'),
      );
      const outcome = await importer.importFile(icd, undefined, dir);
      expect(outcome).toMatchObject({ rows: 2, changed: true });
      expect(await t.dataSource.query(`SELECT code, description FROM codes WHERE system = 'icd-10-cm' ORDER BY position`)).toEqual([
        { code: 'E11', description: 'Type 2 diabetes mellitus' },
        { code: 'E119', description: 'Type 2 diabetes, revised wording' },
      ]);
      // Kept answers belong to the release they were read from.
      expect((await codes.lookup('icd-10-cm', 'E11.9'))?.description).toBe('Type 2 diabetes, revised wording');
      expect((await codes.search({ q: 'E11', system: 'icd-10-cm', page: 1 })).total).toBe(2);
      // The other list is untouched.
      expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM codes WHERE system = 'hcpcs'`)).toEqual([{ n: 8846 }]);

      writeFileSync(join(dir, hcpcs.fileName), 'code\tshort\tlong\n');
      await expect(importer.importFile(hcpcs, undefined, dir)).rejects.toThrow('hcpcs.tsv has the columns code, short, long; expected code, short_description');
      expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM codes WHERE system = 'hcpcs'`)).toEqual([{ n: 8846 }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      // The shipped lists again, for whoever runs next.
      await importer.importAll();
    }
  });
});
