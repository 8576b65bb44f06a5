import { detectResumeType, PDF_TYPE } from '../candidates/resume-file';
import { ResumeTextExtractor } from '../candidates/resume-text-extractor';
import { LINES_PER_PAGE, textPdf } from './text-pdf';

describe('textPdf', () => {
  const extractor = new ResumeTextExtractor();
  afterAll(() => extractor.onModuleDestroy());

  it('writes a PDF that the resume upload accepts and whose words candidate search reads, line by line', async () => {
    const pdf = textPdf(['José Ramírez, CCS (RHIT)', '', 'Inpatient coder · 3M 360 Encompass \\ Epic · 100% remote']);
    expect(await detectResumeType(pdf)).toBe(PDF_TYPE);
    expect(await extractor.extract(PDF_TYPE, pdf)).toEqual({
      text: 'José Ramírez, CCS (RHIT)\nInpatient coder · 3M 360 Encompass \\ Epic · 100% remote',
      status: 'extracted',
    });
  });

  it('points its cross-reference table at every object and at itself', () => {
    const text = textPdf(['Keisha Williams']).toString('latin1');
    const xref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)![1]);
    expect(text.slice(xref, xref + 5)).toBe('xref\n');
    const entries = [...text.slice(xref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(entries).toHaveLength(5);
    entries.forEach((offset, i) => expect(text.slice(offset, offset + 8)).toBe(`${i + 1} 0 obj\n`));
  });

  it('wraps a long paragraph at spaces', async () => {
    const words = Array.from({ length: 40 }, (_, i) => `word${i}`);
    const { text } = await extractor.extract(PDF_TYPE, textPdf([words.join(' ')]));
    const lines = text!.split('\n');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(words.join(' '));
  });

  it('refuses what it cannot write: characters outside Latin-1, and more than one page', () => {
    expect(() => textPdf(['Epic – 3M'])).toThrow('Only Latin-1 characters can be written: "Epic – 3M"');
    expect(() => textPdf(Array.from({ length: LINES_PER_PAGE + 1 }, () => 'a line'))).toThrow(`${LINES_PER_PAGE + 1} lines do not fit on one page`);
    expect(() => textPdf(Array.from({ length: LINES_PER_PAGE }, () => 'a line'))).not.toThrow();
  });
});
