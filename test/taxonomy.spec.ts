import { loadReferenceData } from '../src/taxonomy/reference-data';
import { TaxonomyService } from '../src/taxonomy/taxonomy.service';
import { api } from './support/http';
import { createTestApp, TestApp } from './support/test-app';

describe('the credential and specialty taxonomy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lists credentials and specialties publicly, in file order', async () => {
    const credentials = await api(t.baseUrl).get('/api/credentials');
    expect(credentials.status).toBe(200);
    expect(credentials.body).toHaveLength(41);
    expect(credentials.body[0]).toMatchObject({ code: 'CPC', name: 'Certified Professional Coder', issuer: 'AAPC', kind: 'coding' });
    const specialties = await api(t.baseUrl).get('/api/specialties');
    expect(specialties.body).toHaveLength(54);
    expect(specialties.body.find((s: { slug: string }) => s.slug === 'surgery-musculoskeletal')).toMatchObject({
      name: expect.any(String),
      codeSystem: 'CPT',
      ranges: [['20100', '29999']],
      group: 'cpt-surgery-subsection',
      parent: 'cpt-surgery',
    });
  });

  it('loads idempotently and applies changes, removing what the files no longer hold', async () => {
    await t.dataSource.query(`UPDATE credentials SET name = 'Old name' WHERE code = 'CPC'`);
    await t.dataSource.query(`INSERT INTO credentials (code, name, issuer, kind, position) VALUES ('XYZ', 'Gone', 'AAPC', 'coding', 999)`);
    const result = await loadReferenceData(t.dataSource);
    expect(result).toEqual({ credentials: 41, specialties: 54, removed: 1, searchDocumentsRefreshed: 0 });
    expect((await t.dataSource.query(`SELECT name FROM credentials WHERE code = 'CPC'`))[0].name).toBe('Certified Professional Coder');
    expect(await loadReferenceData(t.dataSource)).toEqual({ credentials: 41, specialties: 54, removed: 0, searchDocumentsRefreshed: 0 });
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM credentials`))[0].n).toBe(41);
  });

  it('expands a parent specialty to its subsections and checks codes', async () => {
    const taxonomy = t.app.get(TaxonomyService);
    const surgery = await taxonomy.withDescendants(['cpt-surgery']);
    expect(surgery).toEqual(expect.arrayContaining(['cpt-surgery', 'surgery-musculoskeletal', 'surgery-cardiovascular']));
    expect(surgery).not.toContain('cpt-radiology');
    expect(await taxonomy.unknownCredentials(['CPC', 'CCS', 'NOPE'])).toEqual(['NOPE']);
    expect(await taxonomy.unknownSpecialties(['pro-fee', 'surgery-musculoskeletal'], 'specialty')).toEqual(['pro-fee']);
    expect(await taxonomy.unknownSpecialties(['pro-fee', 'home-health'], 'setting')).toEqual([]);
  });
});
