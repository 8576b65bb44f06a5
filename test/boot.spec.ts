import { createTestApp, TestApp } from './support/test-app';

describe('the app on a real Postgres', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('has run the real migrations', async () => {
    const rows = await t.dataSource.query(`SELECT count(*)::int AS n FROM users`);
    expect(rows[0].n).toBe(0);
  });
});
