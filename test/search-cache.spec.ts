import { Clock } from '../src/common/clock';
import { PostgresSearchEngine } from '../src/search/postgres/postgres-search.engine';
import { insertJob } from './support/factories';
import { api } from './support/http';
import { createTestApp, TestApp } from './support/test-app';

/** Repeated searches are answered from kept results, and never with a job that was closed, changed or expired since. */
describe('kept search results', () => {
  let app: TestApp;
  let organizationId: string;
  let engineSearches: jest.SpyInstance;
  const search = async (query: string) => {
    const res = await api(app.baseUrl).get(`/api/jobs?${query}`);
    expect(res.status).toBe(200);
    return res.body as { total: number; hits: { id: string; title: string }[]; facets: { workplace: Record<string, number> } };
  };

  beforeAll(async () => {
    app = await createTestApp();
    [{ id: organizationId }] = await app.dataSource.query(`INSERT INTO organizations (name, slug) VALUES ('Cache Creek Coding', 'cache-creek') RETURNING id`);
    engineSearches = jest.spyOn(app.app.get(PostgresSearchEngine), 'search');
  });
  afterEach(() => {
    jest.restoreAllMocks();
    engineSearches = jest.spyOn(app.app.get(PostgresSearchEngine), 'search');
  });
  afterAll(() => app.close());

  it('answers a repeated search without asking the engine again', async () => {
    const job = await insertJob(app.dataSource, organizationId, { title: 'Nephrology Coder' });
    const first = await search('q=nephrology');
    const again = await search('q=nephrology');
    expect(again).toEqual(first);
    expect(again.hits.map((h) => h.id)).toEqual([job.id]);
    expect(engineSearches).toHaveBeenCalledTimes(1);
    // Another page or sort is another search.
    await search('q=nephrology&sort=newest');
    expect(engineSearches).toHaveBeenCalledTimes(2);
  });

  it('asks again once any job changed: closed, edited or published', async () => {
    const job = await insertJob(app.dataSource, organizationId, { title: 'Rheumatology Coder', workplace: 'remote' });
    expect((await search('q=rheumatology')).hits.map((h) => h.id)).toEqual([job.id]);

    await app.dataSource.query(`UPDATE jobs SET title = 'Rheumatology Coding Specialist' WHERE id = $1`, [job.id]);
    expect((await search('q=rheumatology')).hits.map((h) => h.title)).toEqual(['Rheumatology Coding Specialist']);

    const second = await insertJob(app.dataSource, organizationId, { title: 'Rheumatology Auditor', workplace: 'hybrid' });
    const widened = await search('q=rheumatology');
    expect(widened.total).toBe(2);
    expect(widened.facets.workplace).toMatchObject({ remote: 1, hybrid: 1 });

    await app.dataSource.query(`UPDATE jobs SET status = 'closed', closed_at = now() WHERE id = $1`, [second.id]);
    const narrowed = await search('q=rheumatology');
    expect(narrowed.hits.map((h) => h.id)).toEqual([job.id]);
    expect(narrowed.total).toBe(1);
    expect(narrowed.facets.workplace).toEqual({ remote: 1 });
  });

  it('never shows a kept job past its expiry, even within the same minute', async () => {
    // Ten seconds into a minute, with the job expiring twenty seconds later.
    const start = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 10_000);
    const job = await insertJob(app.dataSource, organizationId, { title: 'Podiatry Coder', validThrough: new Date(start.getTime() + 20_000) });
    const clock = jest.spyOn(app.app.get(Clock), 'now').mockReturnValue(start);
    expect((await search('q=podiatry')).hits.map((h) => h.id)).toEqual([job.id]);
    expect((await search('q=podiatry')).hits.map((h) => h.id)).toEqual([job.id]);
    expect(engineSearches).toHaveBeenCalledTimes(1);

    clock.mockReturnValue(new Date(start.getTime() + 30_000));
    expect((await search('q=podiatry')).hits).toEqual([]);
    expect(engineSearches).toHaveBeenCalledTimes(2);
  });
});
