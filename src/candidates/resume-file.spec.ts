import { docxWithText, EXECUTABLE, manyEntriesDocx, pdfWithText, zipBombDocx } from '../../test/support/candidate-fixtures';
import { attachmentDisposition, cleanResumeFileName, detectResumeType, DOCX_LIMITS, DOCX_TYPE, inspectDocx, PDF_TYPE } from './resume-file';

describe('resume files', () => {
  describe('cleanResumeFileName', () => {
    it.each([
      ['Dana Rivera resume.pdf', PDF_TYPE, 'Dana Rivera resume.pdf'],
      ['../../etc/passwd', PDF_TYPE, 'passwd.pdf'],
      ['C:\\Users\\dana\\My Resume.docx', DOCX_TYPE, 'My Resume.docx'],
      ['evil\r\nSet-Cookie: x=1.pdf', PDF_TYPE, 'evilSet-Cookie_ x=1.pdf'],
      ['<script>.pdf', PDF_TYPE, '_script_.pdf'],
      ['<img src=x onerror=alert(1)>.pdf', PDF_TYPE, '_img src=x onerror=alert(1)_.pdf'],
      ['resume\u202Efdp.exe', PDF_TYPE, 'resumefdp.exe.pdf'],
      ['report.pdf', DOCX_TYPE, 'report.docx'],
      ['...', PDF_TYPE, 'resume.pdf'],
      ['', DOCX_TYPE, 'resume.docx'],
      ['Résumé – Zoë.pdf', PDF_TYPE, 'Résumé – Zoë.pdf'],
    ])('%j as %s is stored as %j', (original, type, expected) => {
      expect(cleanResumeFileName(original, type)).toBe(expected);
    });

    it('keeps at most 255 characters, extension included', () => {
      const name = cleanResumeFileName(`${'a'.repeat(400)}.pdf`, PDF_TYPE);
      expect(name).toHaveLength(255);
      expect(name.endsWith('.pdf')).toBe(true);
    });
  });

  describe('attachmentDisposition', () => {
    it.each([
      ['Dana Rivera resume.pdf', 'attachment; filename="Dana Rivera resume.pdf"'],
      ['Résumé Zoë.pdf', `attachment; filename="R?sum? Zo?.pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9%20Zo%C3%AB.pdf`],
      ["O'Neil (final) *v2*.pdf", 'attachment; filename="O\'Neil (final) *v2*.pdf"'],
      ['CV 📄.pdf', `attachment; filename="CV ?.pdf"; filename*=UTF-8''CV%20%F0%9F%93%84.pdf`],
      ['a"b\\c\r\n.pdf', `attachment; filename="a_b_c??.pdf"; filename*=UTF-8''a%22b%5Cc%0D%0A.pdf`],
    ])('%j → %s', (name, header) => {
      expect(attachmentDisposition(name)).toBe(header);
    });
  });

  describe('detectResumeType', () => {
    it('reads PDF and DOCX from their bytes', async () => {
      expect(await detectResumeType(pdfWithText('CPC coder'))).toBe(PDF_TYPE);
      expect(await detectResumeType(await docxWithText(['CPC coder']))).toBe(DOCX_TYPE);
    });

    it('refuses executables, plain text and other zips, whatever they are called', async () => {
      expect(await detectResumeType(EXECUTABLE)).toBeNull();
      expect(await detectResumeType(Buffer.from('Dana Rivera, CPC\n'))).toBeNull();
      expect(await detectResumeType(Buffer.from('<html><script>alert(1)</script></html>'))).toBeNull();
    });
  });

  describe('inspectDocx', () => {
    it('accepts a sound document', async () => {
      expect(await inspectDocx(await docxWithText(['Certified coder']))).toBeNull();
    });

    it('refuses a zip bomb without unpacking it all', async () => {
      expect(await inspectDocx(await zipBombDocx(DOCX_LIMITS.unpackedBytes / (1024 * 1024) + 10))).toBe('too_large');
    });

    it('refuses a document with more entries than any resume has', async () => {
      expect(await inspectDocx(await manyEntriesDocx(DOCX_LIMITS.entries + 1))).toBe('too_large');
    });

    it('calls a truncated zip, or one without a Word body, damaged', async () => {
      const docx = await docxWithText(['Certified coder']);
      expect(await inspectDocx(docx.subarray(0, docx.length - 30))).toBe('damaged');
      expect(await inspectDocx(Buffer.from('PK\u0003\u0004 not really a zip'))).toBe('damaged');
    });
  });
});
