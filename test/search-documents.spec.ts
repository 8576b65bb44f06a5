import { loadReferenceData } from '../src/taxonomy/reference-data';
import { insertJob } from './support/factories';
import { api } from './support/http';
import { createTestApp, TestApp } from './support/test-app';

/** The database keeps Postgres's search documents current by itself: these are the changes it must follow. */
describe('search documents', () => {
  let app: TestApp;
  let organizationId: string;
  const ids = async (query: string) => ((await api(app.baseUrl).get(`/api/jobs?${query}`)).body.hits as { id: string }[]).map((h) => h.id);

  beforeAll(async () => {
    app = await createTestApp();
    [{ id: organizationId }] = await app.dataSource.query(
      `INSERT INTO organizations (name, slug) VALUES ('Bluebonnet Billing', 'bluebonnet-billing') RETURNING id`,
    );
  });
  afterAll(() => app.close());

  it('follows a job from draft to published to edited to closed', async () => {
    const job = await insertJob(app.dataSource, organizationId, { status: 'draft', publishedAt: null, title: 'Pathology Coder' });
    expect(await ids('q=pathology')).toEqual([]);
    await app.dataSource.query(`UPDATE jobs SET status = 'published', published_at = now() WHERE id = $1`, [job.id]);
    expect(await ids('q=pathology')).toEqual([job.id]);
    await app.dataSource.query(`UPDATE jobs SET title = 'Dermatopathology Coder' WHERE id = $1`, [job.id]);
    expect(await ids('q=dermatopathology')).toEqual([job.id]);
    await app.dataSource.query(`UPDATE jobs SET status = 'closed', closed_at = now() WHERE id = $1`, [job.id]);
    expect(await ids('q=dermatopathology')).toEqual([]);
    expect((await app.dataSource.query(`SELECT count(*)::int AS n FROM job_search_documents WHERE job_id = $1`, [job.id]))[0].n).toBe(0);
  });

  it('follows an employer renaming itself', async () => {
    const job = await insertJob(app.dataSource, organizationId, { title: 'Urology Coder' });
    await app.dataSource.query(`UPDATE organizations SET name = 'Lone Star Revenue Partners' WHERE id = $1`, [organizationId]);
    expect(await ids('q=%22lone%20star%22')).toEqual([job.id]);
    expect(await ids('q=bluebonnet')).toEqual([]);
  });

  it('is rebuilt when reference data changes a name, and left alone when nothing changed', async () => {
    const job = await insertJob(app.dataSource, organizationId, { title: 'Facility Coder', credentialCodes: ['CIC'] });
    await app.dataSource.query(`UPDATE credentials SET name = 'Renamed Inpatient Credential' WHERE code = 'CIC'`);
    expect((await loadReferenceData(app.dataSource)).searchDocumentsRefreshed).toBeGreaterThan(0);
    expect(await ids('q=%22certified%20inpatient%20coder%22&literal=1')).toEqual([job.id]);
    expect((await loadReferenceData(app.dataSource)).searchDocumentsRefreshed).toBe(0);
  });
});
