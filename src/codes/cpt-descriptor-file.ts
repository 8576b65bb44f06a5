import { parse } from 'csv-parse';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { CodeRelease, CodeRow } from './code-import.service';
import { normalizeCode } from './code-sections';

/** A licensed CPT file that cannot be imported as it is: the message says what to change. */
export class CptFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CptFileError';
  }
}

/**
 * Header names as licensees' files spell them, compared in lower case
 * without spaces or punctuation ("CPT Code" is cptcode). Where a file has
 * several descriptor columns, the first named here is taken: the long
 * descriptor is the complete one.
 */
const CODE_COLUMNS = ['code', 'cptcode', 'cpt'];
const DESCRIPTOR_COLUMNS = ['longdescription', 'longdescriptor', 'descriptor', 'description'];
const SHORT_COLUMNS = ['shortdescription', 'shortdescriptor'];

/** `code_releases.file_name` and `.version` (with "AMA CPT " before it in `.source`) fit these. */
const MAX_FILE_NAME = 200;
const MAX_VERSION = 100;

const squash = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Reads a licensed CPT descriptor file (CSV, a header row with a code and a
 * descriptor column, optionally a short descriptor) as it streams in, and
 * hashes the same bytes for the release's checksum. The whole file is
 * checked before anything is written: a malformed or repeated code, or a
 * missing descriptor, rejects it with its line, since a file that is wrong
 * in one line (a shifted column, the wrong file) may be wrong in others,
 * and a descriptor shown beside the wrong code is worse than none.
 *
 * `version` names the CPT edition; by default a year in the file name
 * (cpt-2026.csv), else the file name.
 */
export async function readCptFile(path: string, version?: string): Promise<CodeRelease> {
  const fileName = basename(path);
  const found = await stat(path).catch((e: Error) => {
    throw new CptFileError(`Cannot read ${path} (${e.message}). Give the path of the licensed CPT descriptor file (CSV).`);
  });
  if (!found.isFile()) throw new CptFileError(`${path} is not a file. Give the path of the licensed CPT descriptor file (CSV).`);
  if (fileName.length > MAX_FILE_NAME) throw new CptFileError(`${fileName}: the file name is longer than ${MAX_FILE_NAME} characters; rename the file.`);
  const edition = version?.trim() || (/(?:19|20)\d\d/.exec(fileName)?.[0] ?? basename(fileName, extname(fileName)));
  if (edition.length > MAX_VERSION)
    throw new CptFileError(`The CPT version "${edition}" is longer than ${MAX_VERSION} characters; give a shorter --cpt-version.`);

  const hash = createHash('sha256');
  const input = createReadStream(path);
  const parser = parse({ bom: true, trim: true, skip_empty_lines: true, info: true });
  input.on('data', (chunk) => hash.update(chunk));
  input.on('error', (e) => parser.destroy(e));
  const rows: CodeRow[] = [];
  const lineOf = new Map<string, number>();
  let columns: { code: number; descriptor: number; short: number } | undefined;
  try {
    for await (const { record, info } of input.pipe(parser) as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const at = `${fileName}, line ${info.lines}`;
      if (!columns) {
        columns = headerColumns(fileName, record);
        continue;
      }
      const code = normalizeCode('cpt', record[columns.code]);
      if (!code) {
        throw new CptFileError(
          `${at}: "${record[columns.code]}" is not a CPT code (five digits, or four digits and F, T or U). Correct or remove the line and import again.`,
        );
      }
      const first = lineOf.get(code);
      if (first) throw new CptFileError(`${at}: ${code} is listed again (first on line ${first}). Keep one line per code and import again.`);
      lineOf.set(code, info.lines);
      const description = record[columns.descriptor];
      if (!description) throw new CptFileError(`${at}: ${code} has no descriptor. Add it or remove the line and import again.`);
      rows.push({ code, kind: 'code', description, shortDescription: record[columns.short] || null, billable: null, terminatedOn: null });
    }
  } catch (e) {
    if (e instanceof CptFileError) throw e;
    // csv-parse names the line ("Invalid Record Length: expect 3, got 2 on line 5").
    throw new CptFileError(`${fileName} is not a well-formed CSV file: ${(e as Error).message}. Correct it and import again.`);
  } finally {
    input.destroy();
  }
  if (!rows.length) throw new CptFileError(`${fileName} holds no descriptors: it needs a header row and one line per code.`);
  return { system: 'cpt', source: `AMA CPT ${edition}`, fileName, version: edition, checksum: hash.digest('hex'), rows };
}

function headerColumns(fileName: string, header: string[]): { code: number; descriptor: number; short: number } {
  const names = header.map(squash);
  const find = (accepted: string[]) => accepted.map((name) => names.indexOf(name)).find((i) => i >= 0) ?? -1;
  const columns = { code: find(CODE_COLUMNS), descriptor: find(DESCRIPTOR_COLUMNS), short: find(SHORT_COLUMNS) };
  if (columns.code < 0 || columns.descriptor < 0) {
    throw new CptFileError(
      `${fileName} has the columns ${header.join(', ')} in its first line; it needs a header row with a code column (code, cpt_code or CPT Code) ` +
        `and a descriptor column (description, descriptor or long_description), optionally short_description. Name the columns so and import again.`,
    );
  }
  return columns;
}
