import { FileTypeValidator } from '@nestjs/common';
import type { Response } from 'express';
import yauzl, { Entry, ZipFile } from 'yauzl';
import { Resume, RESUME_TYPES, ResumeType } from './resume.entity';

export const RESUME_MAX_BYTES = 5 * 1024 * 1024;
export const PDF_TYPE: ResumeType = 'application/pdf';
export const DOCX_TYPE: ResumeType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * A DOCX is a zip: a real resume has a few dozen entries and unpacks to a
 * few megabytes. Anything far beyond is a zip bomb or not a resume, and is
 * refused before any library unpacks it.
 */
export const DOCX_LIMITS = { entries: 500, unpackedBytes: 50 * 1024 * 1024 } as const;

/** The bytes and name of a resume as served to whoever may download it. */
export type ResumeFile = Pick<Resume, 'fileName' | 'contentType' | 'content'>;

const EXTENSIONS: Record<ResumeType, string> = { [PDF_TYPE]: '.pdf', [DOCX_TYPE]: '.docx' };
const MAX_NAME_LENGTH = 255;

const typeValidator = new FileTypeValidator({
  fileType: new RegExp(`^(${RESUME_TYPES.map((t) => t.replace(/[.+]/g, '\\$&')).join('|')})$`),
  overrideMimeType: true,
});

/** PDF or DOCX as read from the file's magic numbers (and, for a DOCX, its zip directory); null for anything else, whatever its name says. */
export async function detectResumeType(bytes: Buffer): Promise<ResumeType | null> {
  const probe = { buffer: bytes, size: bytes.length, mimetype: 'application/octet-stream' };
  if (!(await typeValidator.isValid(probe))) return null;
  return probe.mimetype as ResumeType;
}

/**
 * The name to store and to offer on download: no folders (`../`), no
 * control or invisible characters (CR/LF, bidi overrides), none of the
 * characters file systems refuse, at most 255 characters, and always the
 * extension of the type read from the bytes.
 */
export function cleanResumeFileName(original: string, type: ResumeType): string {
  const extension = EXTENSIONS[type];
  const base = original.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/\.(pdf|docx?)\s*$/i, '')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const stem = Array.from(cleaned)
    .slice(0, MAX_NAME_LENGTH - extension.length)
    .join('');
  return `${stem || 'resume'}${extension}`;
}

export type DocxProblem = 'damaged' | 'too_large';

/**
 * Walks the DOCX's zip and unpacks every entry into nothing, counting: more
 * entries or more unpacked bytes than DOCX_LIMITS is `too_large`; a broken or
 * encrypted zip, an entry larger than its header claims (yauzl checks), or
 * one without `word/document.xml` is `damaged`. Null when it is sound.
 */
export async function inspectDocx(bytes: Buffer): Promise<DocxProblem | null> {
  let zip: ZipFile;
  try {
    zip = await new Promise<ZipFile>((resolve, reject) =>
      yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (error, file) => (error ? reject(error) : resolve(file))),
    );
  } catch {
    return 'damaged';
  }
  if (zip.entryCount > DOCX_LIMITS.entries) {
    zip.close();
    return 'too_large';
  }
  return new Promise<DocxProblem | null>((resolve) => {
    let unpacked = 0;
    let hasDocument = false;
    let settled = false;
    const finish = (problem: DocxProblem | null) => {
      if (settled) return;
      settled = true;
      zip.close();
      resolve(problem);
    };
    zip.on('error', () => finish('damaged'));
    zip.on('end', () => finish(hasDocument ? null : 'damaged'));
    zip.on('entry', (entry: Entry) => {
      if (entry.isEncrypted()) return finish('damaged');
      if (entry.fileName === 'word/document.xml') hasDocument = true;
      if (entry.fileName.endsWith('/')) return zip.readEntry();
      if (unpacked + entry.uncompressedSize > DOCX_LIMITS.unpackedBytes) return finish('too_large');
      zip.openReadStream(entry, (error, stream) => {
        if (error) return finish('damaged');
        stream.on('data', (chunk: Buffer) => {
          unpacked += chunk.length;
          if (unpacked > DOCX_LIMITS.unpackedBytes) {
            stream.destroy();
            finish('too_large');
          }
        });
        stream.on('error', () => finish('damaged'));
        stream.on('end', () => zip.readEntry());
      });
    });
    zip.readEntry();
  });
}

/** RFC 8187 encoding: UTF-8, percent-encoded, with only `attr-char`s left as they are. */
const extValue = (value: string) => encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * `Content-Disposition: attachment` for `fileName` (RFC 6266): a quoted
 * ASCII `filename` for every client, and, when the name is not plain ASCII,
 * the exact name as UTF-8 in `filename*`, which current browsers prefer.
 * Control characters, quotes and backslashes never reach the header.
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/gu, '?').replace(/["\\]/g, '_');
  return ascii === fileName ? `attachment; filename="${ascii}"` : `attachment; filename="${ascii}"; filename*=UTF-8''${extValue(fileName)}`;
}

/**
 * Sends a resume as a download: the type stored when it was checked (never
 * one guessed from the name), the name as attachmentDisposition() gives it,
 * no sniffing, no caching.
 */
export function sendResumeFile(res: Response, file: ResumeFile): void {
  res.setHeader('Content-Disposition', attachmentDisposition(file.fileName));
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Length', String(file.content.length));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', 'no-store');
  res.end(file.content);
}
