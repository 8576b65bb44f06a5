import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { EnqueuedTaskPromise, Meilisearch, MeilisearchApiError, Settings } from 'meilisearch';
import { Env } from '../../config/env';
import { TaxonomyService } from '../../taxonomy/taxonomy.service';
import { JobSearchDocument, JobSearchIndex } from '../job-search.port';
import { synonymGroups } from '../synonyms';
import { meiliDocument, meiliSettings } from './meilisearch-translation';

/** Writes may carry a large batch; searches keep their own short timeout (MeilisearchEngine). */
const REQUEST_TIMEOUT_MS = 30_000;
/** How long to wait for Meilisearch to apply a task: a rebuild's batches and settings take their time on a large index. */
const TASK_TIMEOUT_MS = 10 * 60_000;
/** Ids per documents fetch: they travel in the URL. */
const IDS_PER_FETCH = 100;

const isApiError = (error: unknown, code: string) => error instanceof MeilisearchApiError && error.cause?.code === code;

/**
 * The write side of the Meilisearch index: documents in, documents out, a
 * rebuild beside the live index swapped in at once. Every write waits until
 * Meilisearch has applied it, so callers know their change is searchable
 * (and a failure is the caller's to retry).
 */
@Injectable()
export class MeilisearchIndex implements JobSearchIndex, OnApplicationBootstrap {
  private readonly logger = new Logger(MeilisearchIndex.name);
  private readonly client: Meilisearch;
  private readonly uid: string;
  private settingsApplied?: Promise<void>;

  constructor(
    env: Env,
    private readonly taxonomy: TaxonomyService,
  ) {
    this.client = new Meilisearch({ host: env.MEILI_URL!, apiKey: env.MEILI_KEY, timeout: REQUEST_TIMEOUT_MS });
    this.uid = env.MEILI_INDEX;
  }

  /** Not awaited: the app starts (and searches from Postgres) while Meilisearch is down or busy applying settings. */
  onApplicationBootstrap(): void {
    this.ensureSettings().catch((error: unknown) =>
      this.logger.warn({ err: error, index: this.uid }, 'could not apply the Meilisearch index settings; the next index update tries again'),
    );
  }

  /**
   * Creates the live index if it is missing and applies the current settings
   * (the synonyms follow the taxonomy). Once per process, and again after a
   * failure; writes wait for it, so no document lands in an index without its settings.
   */
  ensureSettings(): Promise<void> {
    this.settingsApplied ??= (async () => {
      if (!(await this.exists(this.uid))) await this.run(this.client.createIndex(this.uid, { primaryKey: 'id' }), ['index_already_exists']);
      await this.run(this.client.index(this.uid).updateSettings(await this.settings()));
    })().catch((error: unknown) => {
      this.settingsApplied = undefined;
      throw error;
    });
    return this.settingsApplied;
  }

  async apply(changes: { upsert: JobSearchDocument[]; remove: string[] }): Promise<void> {
    await this.ensureSettings();
    const index = this.client.index(this.uid);
    if (changes.upsert.length) await this.run(index.addDocuments(changes.upsert.map(meiliDocument), { primaryKey: 'id' }));
    if (changes.remove.length) await this.run(index.deleteDocuments(changes.remove));
  }

  async versions(ids: string[]): Promise<Map<string, number>> {
    const versions = new Map<string, number>();
    const index = this.client.index<{ id: string; version: number }>(this.uid);
    for (let i = 0; i < ids.length; i += IDS_PER_FETCH) {
      const chunk = ids.slice(i, i + IDS_PER_FETCH);
      try {
        const page = await index.getDocuments({ ids: chunk, fields: ['id', 'version'], limit: chunk.length });
        for (const doc of page.results) versions.set(doc.id, doc.version);
      } catch (error) {
        // No index yet: nothing is indexed.
        if (isApiError(error, 'index_not_found')) return versions;
        throw error;
      }
    }
    return versions;
  }

  /**
   * Builds `<index>_next` with the current settings, then swaps it with the
   * live index in one step, so searches see the old index until the new one
   * is complete. The first rebuild renames it instead (there is no live index to swap with).
   */
  async rebuild(documents: AsyncIterable<JobSearchDocument[]>, total: number, progress: (done: number) => void): Promise<void> {
    const next = `${this.uid}_next`;
    // Left over from an interrupted rebuild.
    await this.run(this.client.deleteIndex(next), ['index_not_found']);
    await this.run(this.client.createIndex(next, { primaryKey: 'id' }));
    await this.run(this.client.index(next).updateSettings(await this.settings()));

    let done = 0;
    for await (const batch of documents) {
      await this.run(this.client.index(next).addDocuments(batch.map(meiliDocument), { primaryKey: 'id' }));
      progress((done += batch.length));
    }
    if (done !== total) this.logger.log({ indexed: done, expected: total }, 'the number of open jobs changed during the rebuild');

    if (await this.exists(this.uid)) {
      await this.run(this.client.swapIndexes([{ indexes: [this.uid, next], rename: false }]));
      // After the swap, `next` holds the old documents.
      await this.run(this.client.deleteIndex(next));
    } else {
      await this.run(this.client.swapIndexes([{ indexes: [next, this.uid], rename: true }]));
    }
  }

  private async settings(): Promise<Settings> {
    return meiliSettings(synonymGroups(await this.taxonomy.listCredentials()));
  }

  private async exists(uid: string): Promise<boolean> {
    try {
      await this.client.getRawIndex(uid);
      return true;
    } catch (error) {
      if (isApiError(error, 'index_not_found')) return false;
      throw error;
    }
  }

  /** Waits for an enqueued task; a task that did not succeed throws, unless it failed with one of `tolerated` error codes. */
  private async run(enqueued: EnqueuedTaskPromise, tolerated: string[] = []): Promise<void> {
    const task = await enqueued.waitTask({ timeout: TASK_TIMEOUT_MS });
    if (task.status === 'succeeded' || (task.error && tolerated.includes(task.error.code))) return;
    throw new Error(`Meilisearch task ${task.uid} (${task.type}) ${task.status}: ${task.error?.message ?? 'no error given'}`);
  }
}
