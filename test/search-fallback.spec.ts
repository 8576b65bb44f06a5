import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { freePort } from '../src/database/embedded-postgres';
import { insertJob } from './support/factories';
import { api } from './support/http';
import { createTestApp, TestApp } from './support/test-app';

/** Meilisearch configured but not answering: Postgres serves every search, and readiness says so. */
describe.each([
  ['down (nothing listens on its port)', async () => ({ url: `http://127.0.0.1:${await freePort()}`, close: async () => undefined })],
  [
    'hanging (it accepts the connection and never answers)',
    async () => {
      const server: Server = createServer(() => undefined);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return {
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () =>
          new Promise<void>((resolve) => {
            server.closeAllConnections();
            server.close(() => resolve());
          }),
      };
    },
  ],
])('search with Meilisearch %s', (_, startMeilisearch) => {
  let t: TestApp;
  let meili: { url: string; close(): Promise<void> };
  let jobId: string;

  beforeAll(async () => {
    meili = await startMeilisearch();
    t = await createTestApp({ MEILI_URL: meili.url, MEILI_TIMEOUT_MS: '100' });
    const [{ id }] = await t.dataSource.query(
      `INSERT INTO organizations (name, slug) VALUES ('Canyon Coding Services', 'canyon-coding-services') RETURNING id`,
    );
    jobId = (await insertJob(t.dataSource, id, { title: 'Radiology Coder' })).id;
  });
  afterAll(async () => {
    await t?.close();
    await meili?.close();
  });

  it('answers from Postgres, on the API and the page', async () => {
    const res = await api(t.baseUrl).get('/api/jobs?q=radiology');
    expect(res.status).toBe(200);
    expect(res.body.engine).toBe('postgres');
    expect(res.body.hits.map((h: { id: string }) => h.id)).toEqual([jobId]);
    const page = await fetch(`${t.baseUrl}/jobs?q=radiology`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Radiology Coder');
  });

  it('reports the degraded engine on /health/ready, still ready', async () => {
    const res = await api(t.baseUrl).get('/health/ready');
    expect(res.status).toBe(200);
    expect(res.body.info.database.status).toBe('up');
    expect(res.body.info.search ?? res.body.details.search).toMatchObject({ status: 'degraded', engine: 'postgres', configured: 'meilisearch' });
  });
});
