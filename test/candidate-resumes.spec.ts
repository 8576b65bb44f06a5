import { randomBytes } from 'node:crypto';
import { insertApplication } from './support/applicant-fixtures';
import { csrfOf } from './support/browser';
import {
  docxWithText,
  DOCX_TYPE,
  EXECUTABLE,
  manyEntriesDocx,
  PDF_TYPE,
  pdfWithText,
  postFile,
  signedInBrowser,
  UploadFile,
  uploadResume,
  zipBombDocx,
} from './support/candidate-fixtures';
import { insertJob, signUp, SignedUp } from './support/factories';
import { api } from './support/http';
import { createTestApp, TestApp } from './support/test-app';

interface ResumeRow {
  id: string;
  user_id: string | null;
  file_name: string;
  content_type: string;
  size: number;
  content: Buffer;
  text: string | null;
  text_status: string;
  is_default: boolean;
  removed_at: Date | null;
}

describe('candidate resumes', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_AUTH_PER_IP: '1000', RATE_LIMIT_AUTH_PER_ACCOUNT: '1000' });
  });
  afterAll(() => t.close());

  const client = () => api(t.baseUrl);
  const rows = (userId: string): Promise<ResumeRow[]> => t.dataSource.query(`SELECT * FROM resumes WHERE user_id = $1 ORDER BY created_at`, [userId]);
  const upload = (token: string, file: UploadFile) => postFile(`${t.baseUrl}/api/me/resumes`, file, { token });
  const pdf = (name = 'Dana Rivera resume.pdf', text = 'Dana Rivera CPC risk adjustment coder'): UploadFile => ({
    bytes: pdfWithText(text),
    name,
    type: PDF_TYPE,
  });

  /** A multipart body written by hand, for file names a browser would never send as they are. */
  async function rawUpload(token: string, dispositionParams: string, bytes: Buffer): Promise<{ status: number; json: any }> {
    const boundary = `----cc${randomBytes(8).toString('hex')}`;
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="resume"; ${dispositionParams}\r\nContent-Type: application/pdf\r\n\r\n`),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await fetch(`${t.baseUrl}/api/me/resumes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
      body,
    });
    return { status: res.status, json: await res.json() };
  }

  describe('uploading', () => {
    let coder: SignedUp;
    beforeAll(async () => {
      coder = await signUp(t.baseUrl, 'candidate', t.dataSource);
    });

    it('stores a PDF with the bytes as sent, its text for search, and makes the first one the default', async () => {
      const file = pdf();
      const res = await upload(coder.token, file);
      expect(res.status).toBe(201);
      expect(res.json).toEqual({
        id: expect.any(String),
        fileName: 'Dana Rivera resume.pdf',
        contentType: PDF_TYPE,
        size: file.bytes.length,
        isDefault: true,
        textStatus: 'extracted',
        createdAt: expect.any(String),
        downloadUrl: `/api/me/resumes/${res.json.id}/file`,
      });
      const [row] = await rows(coder.id);
      expect(Buffer.compare(row.content, file.bytes)).toBe(0);
      expect(row.text).toBe('Dana Rivera CPC risk adjustment coder');
      expect(row.content_type).toBe(PDF_TYPE);
    });

    it('stores a DOCX, with its text, as a second resume that is not the default', async () => {
      const bytes = await docxWithText(['Dana Rivera', 'CCS, inpatient DRG validation']);
      const res = await upload(coder.token, { bytes, name: 'cv.docx', type: 'application/octet-stream' });
      expect(res.status).toBe(201);
      expect(res.json).toMatchObject({ fileName: 'cv.docx', contentType: DOCX_TYPE, isDefault: false, textStatus: 'extracted' });
      const stored = (await rows(coder.id)).find((r) => r.id === res.json.id)!;
      expect(stored.text).toBe('Dana Rivera\nCCS, inpatient DRG validation');
    });

    it('keeps a PDF whose text cannot be read, marked failed', async () => {
      const other = await signUp(t.baseUrl, 'candidate', t.dataSource);
      const res = await upload(other.token, {
        bytes: Buffer.from('%PDF-1.7\n% a header and nothing a reader can use\n%%EOF\n'),
        name: 'scan.pdf',
        type: PDF_TYPE,
      });
      expect(res.status).toBe(201);
      expect(res.json.textStatus).toBe('failed');
      expect((await rows(other.id))[0].text).toBeNull();
    });

    it('lists the default first, then the newest', async () => {
      const res = await client().get('/api/me/resumes', coder.token);
      expect(res.status).toBe(200);
      expect(res.body.map((r: any) => [r.fileName, r.isDefault])).toEqual([
        ['Dana Rivera resume.pdf', true],
        ['cv.docx', false],
      ]);
    });

    it('refuses a sixth resume (409) and keeps five', async () => {
      const full = await signUp(t.baseUrl, 'candidate', t.dataSource);
      for (let i = 1; i <= 5; i++) await uploadResume(t.baseUrl, full.token, pdf(`resume ${i}.pdf`));
      const res = await upload(full.token, pdf('resume 6.pdf'));
      expect(res.status).toBe(409);
      expect(res.json.details.resume[0]).toMatch(/up to 5 resumes/);
      expect(await rows(full.id)).toHaveLength(5);
    });

    it('keeps one default when two first uploads race', async () => {
      const racer = await signUp(t.baseUrl, 'candidate', t.dataSource);
      const results = await Promise.all([upload(racer.token, pdf('a.pdf')), upload(racer.token, pdf('b.pdf'))]);
      expect(results.map((r) => r.status)).toEqual([201, 201]);
      expect((await rows(racer.id)).filter((r) => r.is_default)).toHaveLength(1);
    });
  });

  describe('file checks', () => {
    let coder: SignedUp;
    beforeAll(async () => {
      coder = await signUp(t.baseUrl, 'candidate', t.dataSource);
    });
    afterEach(async () => {
      // Every refusal leaves nothing behind.
      expect(await rows(coder.id)).toEqual([]);
    });

    it('refuses an executable renamed resume.pdf with 415', async () => {
      const res = await upload(coder.token, { bytes: EXECUTABLE, name: 'resume.pdf', type: PDF_TYPE });
      expect(res.status).toBe(415);
      expect(res.json.details.resume[0]).toMatch(/PDF or a Word document/);
    });

    it.each([
      ['plain text named .docx', Buffer.from('Dana Rivera, CPC\n'), 'resume.docx'],
      ['an HTML page named .pdf', Buffer.from('<html><script>alert(1)</script></html>'), 'resume.pdf'],
    ])('refuses %s with 415', async (_label, bytes, name) => {
      expect((await upload(coder.token, { bytes, name, type: PDF_TYPE })).status).toBe(415);
    });

    it('refuses a file over 5 MB with 413', async () => {
      const big = Buffer.concat([pdfWithText('big'), Buffer.alloc(5 * 1024 * 1024)]);
      const res = await upload(coder.token, { bytes: big, name: 'big.pdf', type: PDF_TYPE });
      expect(res.status).toBe(413);
      expect(res.json.message).toBe('The resume must be 5 MB or smaller.');
    });

    it('refuses a zip-bomb DOCX with 422', async () => {
      const res = await upload(coder.token, { bytes: await zipBombDocx(80), name: 'resume.docx', type: DOCX_TYPE });
      expect(res.status).toBe(422);
      expect(res.json.details.resume[0]).toMatch(/unpacks to far more/);
    });

    it('refuses a DOCX with thousands of entries with 422', async () => {
      expect((await upload(coder.token, { bytes: await manyEntriesDocx(1000), name: 'resume.docx', type: DOCX_TYPE })).status).toBe(422);
    });

    it('refuses an empty file and a missing file with 422, and a file in another field with 400', async () => {
      expect((await upload(coder.token, { bytes: Buffer.alloc(0), name: 'empty.pdf', type: PDF_TYPE })).status).toBe(422);
      const none = await client().call('POST', '/api/me/resumes', { token: coder.token, body: {} });
      expect(none.status).toBe(422);
      expect(none.body.details.resume).toEqual(['Choose a PDF or Word (.docx) file of up to 5 MB.']);
      const wrongField = await postFile(`${t.baseUrl}/api/me/resumes`, pdf(), { token: coder.token, field: 'file' });
      expect(wrongField.status).toBe(400);
    });
  });

  describe('file names', () => {
    let coder: SignedUp;
    beforeAll(async () => {
      coder = await signUp(t.baseUrl, 'candidate', t.dataSource);
    });

    it('drops folders from a name with ../', async () => {
      const res = await rawUpload(coder.token, 'filename="../../../etc/cron.d/resume.pdf"', pdfWithText('x'));
      expect(res.status).toBe(201);
      expect(res.json.fileName).toBe('resume.pdf');
    });

    it('drops CR and LF from a name, so the download header cannot be split', async () => {
      const res = await rawUpload(coder.token, "filename*=UTF-8''evil%0D%0ASet-Cookie%3A%20session%3Dx.pdf", pdfWithText('x'));
      expect(res.status).toBe(201);
      expect(res.json.fileName).toBe('evilSet-Cookie_ session=x.pdf');
      const download = await fetch(`${t.baseUrl}${res.json.downloadUrl}`, { headers: { authorization: `Bearer ${coder.token}` } });
      expect(download.headers.get('set-cookie')).toBeNull();
      expect(download.headers.get('content-disposition')).toBe('attachment; filename="evilSet-Cookie_ session=x.pdf"');
    });

    it('serves a name with <script> escaped on the page and quoted in the header', async () => {
      const res = await upload(coder.token, pdf('<script>alert(1)<script>.pdf'));
      expect(res.json.fileName).toBe('_script_alert(1)_script_.pdf');
      const download = await fetch(`${t.baseUrl}${res.json.downloadUrl}`, { headers: { authorization: `Bearer ${coder.token}` } });
      expect(download.headers.get('content-disposition')).toBe('attachment; filename="_script_alert(1)_script_.pdf"');
      const page = await (await signedInBrowser(t.baseUrl, coder.email)).get('/me/profile');
      expect(page.html).not.toContain('<script>alert');
      expect(page.text).toContain('_script_alert(1)_script_.pdf');
    });

    it('offers a UTF-8 name as filename* with an ASCII fallback (RFC 6266)', async () => {
      const res = await upload(coder.token, pdf('Résumé Zoë.pdf'));
      const download = await fetch(`${t.baseUrl}${res.json.downloadUrl}`, { headers: { authorization: `Bearer ${coder.token}` } });
      expect(download.headers.get('content-disposition')).toBe(`attachment; filename="R?sum? Zo?.pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9%20Zo%C3%AB.pdf`);
    });
  });

  describe('download, default and delete', () => {
    let coder: SignedUp;
    let intruder: SignedUp;
    let first: any;
    let second: any;
    let firstBytes: Buffer;

    beforeAll(async () => {
      [coder, intruder] = await Promise.all([signUp(t.baseUrl, 'candidate', t.dataSource), signUp(t.baseUrl, 'candidate', t.dataSource)]);
      firstBytes = pdfWithText('First resume');
      first = await uploadResume(t.baseUrl, coder.token, { bytes: firstBytes, name: 'first.pdf', type: PDF_TYPE });
      second = await uploadResume(t.baseUrl, coder.token, { bytes: await docxWithText(['Second']), name: 'second.docx', type: DOCX_TYPE });
    });

    it('lets the owner download the bytes with a fixed type, no sniffing and no caching', async () => {
      const res = await fetch(`${t.baseUrl}${first.downloadUrl}`, { headers: { authorization: `Bearer ${coder.token}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(PDF_TYPE);
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="first.pdf"');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(Buffer.compare(Buffer.from(await res.arrayBuffer()), firstBytes)).toBe(0);
      const docx = await fetch(`${t.baseUrl}${second.downloadUrl}`, { headers: { authorization: `Bearer ${coder.token}` } });
      expect(docx.headers.get('content-type')).toBe(DOCX_TYPE);
    });

    it("answers 404 to another candidate for each action on someone else's resume, and changes nothing", async () => {
      const before = await rows(coder.id);
      expect((await client().get(`/api/me/resumes/${first.id}/file`, intruder.token)).status).toBe(404);
      expect((await client().post(`/api/me/resumes/${second.id}/default`, undefined, intruder.token)).status).toBe(404);
      expect((await client().call('DELETE', `/api/me/resumes/${first.id}`, { token: intruder.token })).status).toBe(404);
      expect((await client().get('/api/me/resumes', intruder.token)).body).toEqual([]);
      expect(await rows(coder.id)).toEqual(before);
    });

    it('is for candidates only: 403 for an employer, 401 signed out', async () => {
      const employer = await signUp(t.baseUrl, 'employer', t.dataSource);
      expect((await client().get('/api/me/resumes', employer.token)).status).toBe(403);
      expect((await upload(employer.token, pdf())).status).toBe(403);
      expect((await client().get(`/api/me/resumes/${first.id}/file`)).status).toBe(401);
    });

    it('moves the default', async () => {
      const res = await client().post(`/api/me/resumes/${second.id}/default`, undefined, coder.token);
      expect(res.status).toBe(200);
      expect(res.body.isDefault).toBe(true);
      expect((await rows(coder.id)).map((r) => [r.file_name, r.is_default])).toEqual([
        ['first.pdf', false],
        ['second.docx', true],
      ]);
    });

    it('deletes a resume no employer received, and passes the default to the newest remaining one', async () => {
      const third = await uploadResume(t.baseUrl, coder.token, pdf('third.pdf'));
      expect((await client().call('DELETE', `/api/me/resumes/${second.id}`, { token: coder.token })).status).toBe(204);
      expect((await rows(coder.id)).map((r) => [r.file_name, r.is_default])).toEqual([
        ['first.pdf', false],
        ['third.pdf', true],
      ]);
      expect(third.isDefault).toBe(false);
      expect((await client().call('DELETE', `/api/me/resumes/${second.id}`, { token: coder.token })).status).toBe(404);
    });

    it('keeps a resume sent with an application for that employer, off the profile', async () => {
      const employer = await signUp(t.baseUrl, 'employer', t.dataSource);
      const job = await insertJob(t.dataSource, employer.organizationId!);
      await insertApplication(t.dataSource, job, { id: coder.id, email: coder.email }, { resumeId: first.id });
      expect((await client().call('DELETE', `/api/me/resumes/${first.id}`, { token: coder.token })).status).toBe(204);
      const kept = (await rows(coder.id)).find((r) => r.id === first.id)!;
      expect(kept.removed_at).toBeInstanceOf(Date);
      expect(Buffer.compare(kept.content, firstBytes)).toBe(0);
      expect((await client().get('/api/me/resumes', coder.token)).body.map((r: any) => r.fileName)).toEqual(['third.pdf']);
      expect((await client().get(`/api/me/resumes/${first.id}/file`, coder.token)).status).toBe(404);
      const [application] = await t.dataSource.query(`SELECT resume_id FROM applications WHERE candidate_id = $1`, [coder.id]);
      expect(application.resume_id).toBe(first.id);
    });
  });

  describe('on the profile page', () => {
    it('uploads through the form and lists the resume with its download link', async () => {
      const coder = await signUp(t.baseUrl, 'candidate', t.dataSource);
      const browser = await signedInBrowser(t.baseUrl, coder.email);
      const page = await browser.get('/me/profile');
      const res = await postFile(`${t.baseUrl}/me/resumes`, pdf('web resume.pdf'), { cookies: browser.cookies, fields: { _csrf: csrfOf(page.html) } });
      expect(res.status).toBe(303);
      expect(res.location).toBe('/me/profile#resumes');
      const after = await browser.get('/me/profile');
      expect(after.text).toContain('“web resume.pdf” is uploaded and is your default resume.');
      const [row] = await rows(coder.id);
      expect(after.html).toContain(`href="/api/me/resumes/${row.id}/file"`);
      const download = await browser.get(`/api/me/resumes/${row.id}/file`);
      expect(download.status).toBe(200);
    });

    it('shows a refused file beside the input, in the full page (415)', async () => {
      const coder = await signUp(t.baseUrl, 'candidate', t.dataSource);
      const browser = await signedInBrowser(t.baseUrl, coder.email);
      const page = await browser.get('/me/profile');
      const res = await postFile(
        `${t.baseUrl}/me/resumes`,
        { bytes: EXECUTABLE, name: 'resume.pdf', type: PDF_TYPE },
        { cookies: browser.cookies, fields: { _csrf: csrfOf(page.html) } },
      );
      expect(res.status).toBe(415);
      expect(res.text).toMatch(/id="resume-error">Upload a PDF or a Word document/);
      expect(res.text).toContain('Edit your profile');
      expect(await rows(coder.id)).toEqual([]);
    });

    it('shows a file over 5 MB as refused too (413), the form token read before the file', async () => {
      const coder = await signUp(t.baseUrl, 'candidate', t.dataSource);
      const browser = await signedInBrowser(t.baseUrl, coder.email);
      const page = await browser.get('/me/profile');
      const big = Buffer.concat([pdfWithText('big'), Buffer.alloc(6 * 1024 * 1024)]);
      const res = await postFile(
        `${t.baseUrl}/me/resumes`,
        { bytes: big, name: 'big.pdf', type: PDF_TYPE },
        { cookies: browser.cookies, fields: { _csrf: csrfOf(page.html) } },
      );
      expect(res.status).toBe(413);
      expect(res.text).toContain('The resume must be 5 MB or smaller.');
    });

    it('refuses an upload without the form token (403)', async () => {
      const coder = await signUp(t.baseUrl, 'candidate', t.dataSource);
      const browser = await signedInBrowser(t.baseUrl, coder.email);
      const res = await postFile(`${t.baseUrl}/me/resumes`, pdf(), { cookies: browser.cookies });
      expect(res.status).toBe(403);
      expect(await rows(coder.id)).toEqual([]);
    });

    it('makes a resume the default and deletes one from the page', async () => {
      const coder = await signUp(t.baseUrl, 'candidate', t.dataSource);
      const a = await uploadResume(t.baseUrl, coder.token, pdf('a.pdf'));
      const b = await uploadResume(t.baseUrl, coder.token, pdf('b.pdf'));
      const browser = await signedInBrowser(t.baseUrl, coder.email);
      const made = await browser.submit('/me/profile', `/me/resumes/${b.id}/default`, {});
      expect(made.status).toBe(303);
      expect((await browser.get('/me/profile')).text).toContain('“b.pdf” is now your default resume.');
      const deleted = await browser.submit('/me/profile', `/me/resumes/${a.id}/delete`, {});
      expect(deleted.status).toBe(303);
      expect((await browser.get('/me/profile')).text).toContain('“a.pdf” is deleted.');
      expect((await rows(coder.id)).map((r) => r.file_name)).toEqual(['b.pdf']);
    });
  });
});
