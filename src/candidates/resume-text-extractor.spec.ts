import { docxWithText, pdfWithText } from '../../test/support/candidate-fixtures';
import { DOCX_TYPE, PDF_TYPE } from './resume-file';
import { normalizeResumeText, ResumeTextExtractor } from './resume-text-extractor';

describe('ResumeTextExtractor', () => {
  const extractor = new ResumeTextExtractor();
  afterAll(() => extractor.onModuleDestroy());

  it('reads the words of a PDF', async () => {
    expect(await extractor.extract(PDF_TYPE, pdfWithText('Certified Professional Coder (CPC), E/M and HCC'))).toEqual({
      text: 'Certified Professional Coder (CPC), E/M and HCC',
      status: 'extracted',
    });
  });

  it('reads the paragraphs of a DOCX', async () => {
    const docx = await docxWithText(['Dana Rivera, CCS', 'Inpatient coding, 6 years']);
    expect(await extractor.extract(DOCX_TYPE, docx)).toEqual({ text: 'Dana Rivera, CCS\nInpatient coding, 6 years', status: 'extracted' });
  });

  it('reports a document without words as empty', async () => {
    expect(await extractor.extract(PDF_TYPE, pdfWithText(''))).toEqual({ text: null, status: 'empty' });
  });

  it('reports a file it cannot read as failed, and keeps serving the next one', async () => {
    expect(await extractor.extract(PDF_TYPE, Buffer.from('%PDF-1.4\nthis is not a PDF body\n%%EOF'))).toEqual({ text: null, status: 'failed' });
    expect(await extractor.extract(DOCX_TYPE, Buffer.from('PK\u0003\u0004 broken'))).toEqual({ text: null, status: 'failed' });
    expect((await extractor.extract(PDF_TYPE, pdfWithText('Still working'))).text).toBe('Still working');
  });
});

describe('normalizeResumeText', () => {
  it('keeps single spaces and single line breaks', () => {
    expect(normalizeResumeText('  CPC\t\tcoder \n\n\n  E/M   audits  \n')).toBe('CPC coder\nE/M audits');
  });
});
