import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DataSource, EntityManager } from 'typeorm';
import { DATA_DIR } from '../taxonomy/reference-data';
import { CodeReleases } from './code-releases';
import { CodeSystem } from './code-sections';

/** A code list the project ships in data/ (see data/README.md for where each comes from). */
export interface CodeFile {
  system: Exclude<CodeSystem, 'cpt'>;
  fileName: string;
  /** How code pages name their source. */
  source: string;
  version: string;
  parse(fields: string[]): CodeRow;
  /** Columns of the header row, checked before anything is written. */
  header: string[];
}

/** A file's codes, with what `code_releases` records of it. */
export interface CodeRelease {
  system: CodeSystem;
  source: string;
  fileName: string;
  version: string;
  /** sha256 of the file as read. */
  checksum: string;
  rows: CodeRow[];
}

export interface CodeRow {
  code: string;
  kind: 'code' | 'modifier';
  description: string;
  shortDescription: string | null;
  billable: boolean | null;
  terminatedOn: string | null;
}

export const CODE_FILES: readonly CodeFile[] = [
  {
    system: 'icd-10-cm',
    fileName: 'icd10cm.tsv.gz',
    source: 'CMS ICD-10-CM FY2026',
    version: 'FY2026, effective 2025-10-01 to 2026-09-30',
    header: ['code', 'description', 'billable'],
    parse: ([code, description, billable]) => ({
      code,
      kind: 'code',
      description,
      shortDescription: null,
      billable: billable === '1',
      terminatedOn: null,
    }),
  },
  {
    system: 'hcpcs',
    fileName: 'hcpcs.tsv',
    source: 'CMS HCPCS Level II, October 2025',
    version: 'HCPC2025_OCT_ANWEB (October 2025 quarterly update)',
    header: ['code', 'short_description', 'long_description', 'kind', 'terminated_on'],
    parse: ([code, shortDescription, description, kind, terminatedOn]) => ({
      code,
      kind: kind === 'modifier' ? 'modifier' : 'code',
      description,
      shortDescription,
      billable: null,
      terminatedOn: terminatedOn || null,
    }),
  },
];

/** Rows per INSERT. */
const BATCH = 5000;

export interface ImportOutcome {
  system: CodeSystem;
  source: string;
  rows: number;
  /** False when the same file (by checksum) is already loaded in full: nothing was written. */
  changed: boolean;
}

export type ProgressFactory = (label: string, total: number) => { increment(by?: number): void; stop(): void };

/**
 * Loads the code lists into `codes`, one transaction per file: a new
 * release row (file, version, checksum), every row inserted or updated to
 * it, and the codes the file no longer lists removed. A file already loaded
 * (same checksum, same number of codes) is left alone, so importing again
 * changes nothing.
 */
@Injectable()
export class CodeImportService {
  private readonly logger = new Logger(CodeImportService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly releases: CodeReleases,
  ) {}

  async importAll(progress?: ProgressFactory, dataDir = DATA_DIR): Promise<ImportOutcome[]> {
    const outcomes: ImportOutcome[] = [];
    for (const file of CODE_FILES) outcomes.push(await this.importFile(file, progress, dataDir));
    return outcomes;
  }

  /** Whether any code list is loaded: the first start imports them in the background when none is. */
  async isEmpty(): Promise<boolean> {
    const [row] = await this.dataSource.query<Array<{ any: boolean }>>(`SELECT EXISTS (SELECT 1 FROM code_releases) AS any`);
    return !row.any;
  }

  /**
   * The first start on the embedded database: loads the code lists while the
   * site already answers (code pages say the reference is loading until then).
   * A stop half-way rolls the file back; the next start goes on.
   */
  importInBackground(log: (message: string) => void): void {
    void (async () => {
      if (!(await this.isEmpty())) return;
      log('Loading the ICD-10-CM and HCPCS code lists in the background…');
      const outcomes = await this.importAll();
      log(`Code lists loaded: ${outcomes.map((o) => `${o.rows.toLocaleString('en-US')} ${o.source}`).join(', ')}.`);
    })().catch((error: unknown) => this.logger.error({ err: error }, 'the code lists could not be loaded; run npm run codes:import to try again'));
  }

  async importFile(file: CodeFile, progress?: ProgressFactory, dataDir = DATA_DIR): Promise<ImportOutcome> {
    const bytes = await readFile(join(dataDir, file.fileName)).catch((e: Error) => {
      throw new Error(
        `Cannot read ${file.fileName} in ${dataDir} (${e.message}). The code lists ship in the project's data/ folder; restore it from the repository.`,
      );
    });
    return this.importRelease(
      {
        system: file.system,
        source: file.source,
        fileName: file.fileName,
        version: file.version,
        checksum: createHash('sha256').update(bytes).digest('hex'),
        rows: parseTsv(file, file.fileName.endsWith('.gz') ? gunzipSync(bytes) : bytes),
      },
      progress,
    );
  }

  /** Writes a file's codes in place of its system's current ones (also a licensed CPT file, see cpt-descriptor-file.ts). */
  async importRelease(release: CodeRelease, progress?: ProgressFactory): Promise<ImportOutcome> {
    const { system, source, checksum, rows } = release;
    const outcome = { system, source, rows: rows.length };
    if (await this.isLoaded(system, checksum, rows.length)) return { ...outcome, changed: false };

    const bar = progress?.(`Importing ${source}`, rows.length);
    try {
      await this.dataSource.transaction(async (manager) => {
        const [{ id }] = await manager.query<Array<{ id: number }>>(
          `INSERT INTO code_releases (system, source, file_name, version, checksum, row_count) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
          [system, source, release.fileName, release.version, checksum, rows.length],
        );
        for (let from = 0; from < rows.length; from += BATCH) {
          await this.upsert(manager, system, id, rows.slice(from, from + BATCH), from);
          bar?.increment(Math.min(BATCH, rows.length - from));
        }
        await manager.query(`DELETE FROM codes WHERE system = $1 AND release_id <> $2`, [system, id]);
      });
    } finally {
      bar?.stop();
    }
    this.releases.changed();
    this.logger.log({ system, rows: rows.length, checksum }, 'code list imported');
    return { ...outcome, changed: true };
  }

  private async isLoaded(system: CodeSystem, checksum: string, rows: number): Promise<boolean> {
    const [row] = await this.dataSource.query<Array<{ loaded: boolean }>>(
      `SELECT coalesce((SELECT r.checksum = $2 FROM code_releases r WHERE r.system = $1 ORDER BY r.imported_at DESC, r.id DESC LIMIT 1), false)
              AND (SELECT count(*) FROM codes WHERE system = $1) = $3 AS loaded`,
      [system, checksum, rows],
    );
    return row.loaded;
  }

  private async upsert(manager: EntityManager, system: CodeSystem, releaseId: number, rows: CodeRow[], offset: number): Promise<void> {
    await manager.query(
      `INSERT INTO codes (system, code, kind, description, short_description, billable, terminated_on, position, release_id)
       SELECT $1, r.code, r.kind, r.description, r.short_description, r.billable, r.terminated_on, $2::int + r.ord::int, $3
       FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::boolean[], $9::date[]) WITH ORDINALITY
         AS r(code, kind, description, short_description, billable, terminated_on, ord)
       ON CONFLICT (system, code) DO UPDATE SET
         kind = excluded.kind, description = excluded.description, short_description = excluded.short_description,
         billable = excluded.billable, terminated_on = excluded.terminated_on, position = excluded.position, release_id = excluded.release_id`,
      [
        system,
        offset,
        releaseId,
        rows.map((r) => r.code),
        rows.map((r) => r.kind),
        rows.map((r) => r.description),
        rows.map((r) => r.shortDescription),
        rows.map((r) => r.billable),
        rows.map((r) => r.terminatedOn),
      ],
    );
  }
}

/** The rows of a tab-separated file with one header row and no quoting (data/README.md). */
export function parseTsv(file: CodeFile, content: Buffer): CodeRow[] {
  const lines = content.toString('utf8').split('\n');
  const header = lines[0].replace(/\r$/, '').split('\t');
  if (header.join('\t') !== file.header.join('\t')) {
    throw new Error(`${file.fileName} has the columns ${header.join(', ')}; expected ${file.header.join(', ')}.`);
  }
  return lines
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const fields = line.replace(/\r$/, '').split('\t');
      if (fields.length !== file.header.length) throw new Error(`${file.fileName}, line ${i + 2}: ${fields.length} fields, expected ${file.header.length}.`);
      return file.parse(fields);
    });
}
