import { ZipFile } from 'yazl';
import { Browser } from './browser';
import { GOOD_PASSWORD } from './http';
import { textPdf } from '../../src/demo/text-pdf';

/** A browser signed in as `email` (with the test password). */
export async function signedInBrowser(baseUrl: string, email: string): Promise<Browser> {
  const browser = new Browser(baseUrl);
  const res = await browser.submit('/login', '/login', { email, password: GOOD_PASSWORD });
  if (res.status !== 303) throw new Error(`signing in failed: ${res.status}`);
  return browser;
}

/** A one-page PDF whose page shows `text` (Helvetica), built byte by byte with a correct cross-reference table. */
export function pdfWithText(text: string): Buffer {
  return textPdf([text]);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>`;

const PACKAGE_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`;

function documentXml(paragraphs: string[]): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs
    .map((p) => `<w:p><w:r><w:t xml:space="preserve">${escape(p)}</w:t></w:r></w:p>`)
    .join('')}</w:body></w:document>`;
}

function zip(entries: Array<[string, Buffer | string]>): Promise<Buffer> {
  const file = new ZipFile();
  for (const [name, content] of entries) file.addBuffer(Buffer.isBuffer(content) ? content : Buffer.from(content), name);
  file.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    file.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    file.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    file.outputStream.on('error', reject);
  });
}

/** The smallest Word document Word and mammoth open: one paragraph per item of `paragraphs`, plus any `extra` zip entries. */
export function docxWithText(paragraphs: string[], extra: Array<[string, Buffer | string]> = []): Promise<Buffer> {
  return zip([['[Content_Types].xml', CONTENT_TYPES], ['_rels/.rels', PACKAGE_RELS], ['word/document.xml', documentXml(paragraphs)], ...extra]);
}

/** A DOCX that unpacks to `megabytes` of zeros (a zip bomb): tens of kilobytes packed. */
export function zipBombDocx(megabytes: number): Promise<Buffer> {
  return docxWithText(['Experienced coder'], [['word/media/padding.bin', Buffer.alloc(megabytes * 1024 * 1024)]]);
}

/** A DOCX with `count` extra tiny entries, far more than any real document has. */
export function manyEntriesDocx(count: number): Promise<Buffer> {
  return docxWithText(
    ['Experienced coder'],
    Array.from({ length: count }, (_, i): [string, string] => [`word/parts/part${i}.xml`, '<x/>']),
  );
}

/** The start of a Windows executable (the MZ header and a PE signature): what a renamed .exe looks like from its first bytes. */
export const EXECUTABLE = Buffer.concat([
  Buffer.from('MZ'),
  Buffer.alloc(0x3a),
  Buffer.from([0x80, 0, 0, 0]),
  Buffer.alloc(0x40),
  Buffer.from('PE\0\0'),
  Buffer.alloc(256),
]);

export const PDF_TYPE = 'application/pdf';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface UploadFile {
  bytes: Buffer;
  name: string;
  type: string;
}

export interface UploadResult {
  status: number;
  location: string | null;
  text: string;
  json: any;
}

/**
 * A multipart POST with one file in `field` (default `resume`), as an API
 * client (token) or a browser's form (cookies, which are kept up to date) sends it.
 */
export async function postFile(
  url: string,
  file: UploadFile,
  options: { token?: string; cookies?: Map<string, string>; fields?: Record<string, string>; field?: string } = {},
): Promise<UploadResult> {
  const form = new FormData();
  for (const [k, v] of Object.entries(options.fields ?? {})) form.append(k, v);
  form.append(options.field ?? 'resume', new Blob([file.bytes], { type: file.type }), file.name);
  const headers: Record<string, string> = { accept: options.token ? 'application/json' : 'text/html' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.cookies) headers.cookie = [...options.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await fetch(url, { method: 'POST', headers, body: form, redirect: 'manual' });
  for (const cookie of res.headers.getSetCookie()) {
    const pair = cookie.split(';')[0];
    options.cookies?.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
  }
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, location: res.headers.get('location'), text, json };
}

/** Uploads a resume to the profile through the API; its JSON (throws unless 201). */
export async function uploadResume(baseUrl: string, token: string, file: UploadFile): Promise<any> {
  const res = await postFile(`${baseUrl}/api/me/resumes`, file, { token });
  if (res.status !== 201) throw new Error(`uploading a resume failed: ${res.status} ${res.text}`);
  return res.json;
}
