import { MeilisearchIndex } from '../src/search/meilisearch/meilisearch.index';
import { ReindexProgress, SearchSyncService } from '../src/search/search-sync.service';
import { eventually } from './support/eventually';
import { FakeMeilisearch } from './support/fake-meilisearch';
import { insertJob, SignedUp, signUp } from './support/factories';
import { api } from './support/http';
import { createJob } from './support/job-fixtures';
import { createTestApp, TestApp } from './support/test-app';

const MEILI_KEY = 'test-master-key';

describe('keeping the Meilisearch index in step with Postgres', () => {
  let fake: FakeMeilisearch;
  let t: TestApp;
  let http: ReturnType<typeof api>;
  let employer: SignedUp;

  beforeAll(async () => {
    fake = new FakeMeilisearch(MEILI_KEY);
    const url = await fake.start();
    t = await createTestApp({ MEILI_URL: url, MEILI_KEY, JOB_MODERATION: 'false' });
    http = api(t.baseUrl);
    employer = await signUp(t.baseUrl, 'employer', t.dataSource, 'Prairie Meridian Health');
  });
  afterAll(async () => {
    await t?.close();
    await fake?.stop();
  });
  afterEach(() => {
    fake.onRequest = undefined;
    jest.restoreAllMocks();
  });

  const sync = () => t.app.get(SearchSyncService);
  const indexed = (id: string) => fake.documents('jobs').get(id);
  const indexedWhen = (id: string, done: (doc: Record<string, unknown> | undefined) => boolean) => eventually(async () => indexed(id), done);
  const version = async (id: string) => ((await t.dataSource.query(`SELECT updated_at FROM jobs WHERE id = $1`, [id]))[0].updated_at as Date).getTime();
  /** The versions of `id` written to the live index, in order. */
  const writtenVersions = (id: string) =>
    fake.requests
      .filter((r) => r.method === 'POST' && r.path === '/indexes/jobs/documents')
      .flatMap((r) => (r.body as { id: string; version: number }[]).filter((doc) => doc.id === id).map((doc) => doc.version));

  it('creates the index with its settings at start-up', async () => {
    const index = await eventually(
      async () => fake.indexes.get('jobs'),
      (i) => Boolean(i?.settings.filterableAttributes),
    );
    expect(index!.primaryKey).toBe('id');
    expect(index!.settings).toMatchObject({
      searchableAttributes: ['title', 'credentialNames', 'specialtyNames', 'organizationName', 'description', 'cities', 'tools'],
      filterableAttributes: expect.arrayContaining(['credentials', 'states', 'validThrough', 'salaryBands']),
      pagination: { maxTotalHits: 1000 },
    });
    // Credential codes and names from the taxonomy join the synonyms.
    expect((index!.settings.synonyms as Record<string, string[]>).cpc).toEqual(['certified professional coder']);
  });

  it('indexes a job when it is published, with its fields, and not while it is a draft', async () => {
    const draft = await createJob(t.baseUrl, employer.token, { title: 'Draft coder job' });
    const job = await createJob(t.baseUrl, employer.token, { publish: true, title: 'Risk Adjustment Coder (HCC)' });
    const doc = await indexedWhen(job.id, Boolean);
    expect(doc).toMatchObject({
      id: job.id,
      organizationId: employer.organizationId,
      organizationName: 'Prairie Meridian Health',
      title: 'Risk Adjustment Coder (HCC)',
      description: expect.stringContaining('professional-fee'),
      credentials: ['CPC', 'CCS'],
      specialties: expect.arrayContaining(['cpt-evaluation-management']),
      settings: ['pro-fee'],
      workplace: 'hybrid',
      employmentType: 'FULL_TIME',
      states: ['TX'],
      cities: ['Austin'],
      salaryYearly: 64000,
      salaryBands: [30000, 40000, 50000, 60000],
      apprentice: true,
      publishedAt: new Date(job.publishedAt).getTime(),
      validThrough: new Date(job.validThrough).getTime(),
      version: await version(job.id),
    });
    expect(doc!.description).not.toContain('**');
    expect(indexed(draft.id)).toBeUndefined();
  });

  it('replaces the document when the job changes, and removes it when the job closes', async () => {
    const job = await createJob(t.baseUrl, employer.token, { publish: true });
    const first = await indexedWhen(job.id, Boolean);

    expect(
      (await http.patch(`/api/jobs/${job.id}`, { title: 'Inpatient Coder III', workplace: 'remote', locations: [], remoteStates: ['OH'] }, employer.token))
        .status,
    ).toBe(200);
    const second = await indexedWhen(job.id, (doc) => doc?.title === 'Inpatient Coder III');
    expect(second).toMatchObject({ workplace: 'remote', states: ['OH'], version: await version(job.id) });
    expect(second!.version as number).toBeGreaterThan(first!.version as number);

    expect((await http.post(`/api/jobs/${job.id}/close`, { reason: 'filled' }, employer.token)).status).toBe(200);
    await indexedWhen(job.id, (doc) => doc === undefined);
  });

  it('ends with the newest version after quick successive changes, never writing an older one after a newer', async () => {
    const job = await createJob(t.baseUrl, employer.token, { publish: true });
    for (const title of ['Coder A', 'Coder B', 'Coder C']) expect((await http.patch(`/api/jobs/${job.id}`, { title }, employer.token)).status).toBe(200);
    const latest = await version(job.id);
    await indexedWhen(job.id, (doc) => doc?.version === latest);
    expect(indexed(job.id)!.title).toBe('Coder C');
    const written = writtenVersions(job.id);
    expect(written).toEqual([...written].sort((a, b) => a - b));
  });

  it('does not replace a newer document with an older one', async () => {
    const job = await createJob(t.baseUrl, employer.token, { publish: true });
    const doc = await indexedWhen(job.id, Boolean);
    // As if a later change had been indexed by another worker already.
    fake.documents('jobs').set(job.id, { ...doc!, title: 'A later title', version: (doc!.version as number) + 60_000 });
    const writes = writtenVersions(job.id).length;

    await sync().indexJobs([job.id]);
    expect(indexed(job.id)).toMatchObject({ title: 'A later title' });
    expect(writtenVersions(job.id)).toHaveLength(writes);
  });

  it('goes round again when a change lands while an older version is being written', async () => {
    const job = await createJob(t.baseUrl, employer.token, { publish: true });
    await indexedWhen(job.id, Boolean);
    const index = t.app.get(MeilisearchIndex);
    const apply = index.apply.bind(index);
    jest.spyOn(index, 'apply').mockImplementationOnce(async (changes) => {
      // A change committed after the worker read the job; written without going through the app, so only the re-check can catch it.
      await t.dataSource.query(`UPDATE jobs SET title = 'Changed meanwhile', updated_at = now() + interval '1 second' WHERE id = $1`, [job.id]);
      await apply(changes);
    });

    await sync().indexJobs([job.id]);
    await indexedWhen(job.id, (doc) => doc?.title === 'Changed meanwhile');
    expect(indexed(job.id)!.version).toBe(await version(job.id));
  });

  it('retries while Meilisearch is unavailable, then indexes', async () => {
    fake.failNext(2);
    const job = await createJob(t.baseUrl, employer.token, { publish: true });
    await indexedWhen(job.id, Boolean);
    expect(fake.failuresLeft).toBe(0);
  });

  it('updates the open jobs of an organization that is renamed', async () => {
    const other = await signUp(t.baseUrl, 'employer', t.dataSource, 'Alder Creek Group');
    const job = await createJob(t.baseUrl, other.token, { publish: true });
    await indexedWhen(job.id, (doc) => doc?.organizationName === 'Alder Creek Group');

    await t.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE organizations SET name = 'Alder Creek Multispecialty Group' WHERE id = $1`, [other.organizationId]);
      await sync().organizationChanged(manager, other.organizationId!);
    });
    await indexedWhen(job.id, (doc) => doc?.organizationName === 'Alder Creek Multispecialty Group');
  });

  describe('reindex', () => {
    const recordProgress = () => {
      const stages: { label: string; total: number; done: number; stopped: boolean }[] = [];
      const progress: ReindexProgress = (label, total) => {
        const stage = { label, total, done: 0, stopped: false };
        stages.push(stage);
        return { increment: (by) => void (stage.done += by), stop: () => void (stage.stopped = true) };
      };
      return { stages, progress };
    };
    const openJobIds = async () => ((await t.dataSource.query(`SELECT job_id FROM job_search_source`)) as { job_id: string }[]).map((r) => r.job_id).sort();
    const postgresDocumentIds = async () =>
      ((await t.dataSource.query(`SELECT job_id FROM job_search_documents`)) as { job_id: string }[]).map((r) => r.job_id).sort();

    it('builds a new index beside the live one and swaps it in, while the live one keeps its documents', async () => {
      // One job the index never heard of (written straight to the database), one document of a job that no longer exists.
      const missed = await insertJob(t.dataSource, employer.organizationId!, { title: 'Written behind the app' });
      fake.documents('jobs').set('00000000-0000-4000-8000-00000000dead', { id: '00000000-0000-4000-8000-00000000dead', version: 1 });
      // And a Postgres document gone astray.
      await t.dataSource.query(`DELETE FROM job_search_documents WHERE job_id = $1`, [missed.id]);
      const live = new Set(fake.documents('jobs').keys());
      const seenDuringBuild: string[][] = [];
      fake.onRequest = (request) => {
        if (request.method === 'POST' && request.path === '/indexes/jobs_next/documents') seenDuringBuild.push([...fake.documents('jobs').keys()]);
      };

      const { stages, progress } = recordProgress();
      const counts = await sync().reindex(progress);

      const open = await openJobIds();
      expect(open).toContain(missed.id);
      expect(counts).toEqual({ postgres: open.length, meilisearch: open.length });
      expect(seenDuringBuild.length).toBeGreaterThan(0);
      for (const ids of seenDuringBuild) expect(new Set(ids)).toEqual(live);
      expect(fake.requests).toContainEqual({ method: 'POST', path: '/swap-indexes', body: [{ indexes: ['jobs', 'jobs_next'], rename: false }] });
      expect(fake.indexes.has('jobs_next')).toBe(false);
      expect([...fake.documents('jobs').keys()].sort()).toEqual(open);
      expect(fake.indexes.get('jobs')!.settings.filterableAttributes).toEqual(expect.arrayContaining(['credentials']));
      expect(await postgresDocumentIds()).toEqual(open);
      expect(stages).toEqual([
        { label: 'Postgres search documents', total: open.length, done: open.length, stopped: true },
        { label: 'Meilisearch index', total: open.length, done: open.length, stopped: true },
      ]);
    });

    it('renames the new index into place when there is no live index yet', async () => {
      fake.indexes.delete('jobs');
      await sync().reindex(recordProgress().progress);
      expect(fake.requests).toContainEqual({ method: 'POST', path: '/swap-indexes', body: [{ indexes: ['jobs_next', 'jobs'], rename: true }] });
      expect(fake.indexes.has('jobs_next')).toBe(false);
      expect([...fake.documents('jobs').keys()].sort()).toEqual(await openJobIds());
    });
  });
});
