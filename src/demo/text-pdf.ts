/*
 * No dependency of ours writes PDF (PDF.js only reads it), and the demo
 * resumes need just a page of plain text: this builds one by hand, following
 * the file structure of ISO 32000-1 section 7.5 (header, objects,
 * cross-reference table, trailer).
 */

const PAGE_WIDTH = 612;
const PAGE_HEIGHT = 792;
const MARGIN = 54;
const FONT_SIZE = 10;
const LEADING = 13;
/** Helvetica averages about half an em a character: this many fit between the margins, with room for wide letters. */
const CHARS_PER_LINE = 92;
export const LINES_PER_PAGE = Math.floor((PAGE_HEIGHT - 2 * MARGIN) / LEADING);

/** What WinAnsiEncoding shows as Latin-1 does: printable ASCII and U+00A0 to U+00FF. */
const WIN_ANSI_AS_LATIN1 = /^[\x20-\x7e\xa0-\xff]*$/;

/** `paragraph` cut at spaces into lines of at most CHARS_PER_LINE characters (a longer word stays whole). */
function wrap(paragraph: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(' ')) {
    if (line && line.length + 1 + word.length > CHARS_PER_LINE) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}

/**
 * A one-page US Letter PDF showing `paragraphs` in Helvetica, each wrapped to
 * the page width; an empty paragraph is a blank line. Throws for a character
 * the standard fonts' encoding lacks, or for more text than one page holds.
 */
export function textPdf(paragraphs: string[]): Buffer {
  const lines = paragraphs.flatMap(wrap);
  const unwritable = lines.find((line) => !WIN_ANSI_AS_LATIN1.test(line));
  if (unwritable !== undefined) throw new Error(`Only Latin-1 characters can be written: ${JSON.stringify(unwritable)}`);
  if (lines.length > LINES_PER_PAGE) throw new Error(`${lines.length} lines do not fit on one page of ${LINES_PER_PAGE}.`);

  const shown = lines.map((line) => (line ? `(${line.replace(/[\\()]/g, '\\$&')}) Tj T*` : 'T*'));
  const stream = [`BT /F1 ${FONT_SIZE} Tf ${LEADING} TL ${MARGIN} ${PAGE_HEIGHT - MARGIN - FONT_SIZE} Td`, ...shown, 'ET'].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>`,
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  // Each entry is exactly 20 bytes, its end of line included (section 7.5.4).
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
