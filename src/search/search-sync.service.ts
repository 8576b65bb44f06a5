import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { QueueService } from '../queue/queue.service';
import { JobSearchIndex } from './job-search.port';
import { allSearchDocuments, countSearchDocuments, loadSearchDocuments, loadSearchVersions } from './search-documents';

/** The engine index kept by the app (Meilisearch), or null when Postgres, which keeps its own, is the only engine. */
export const JOB_SEARCH_INDEX = Symbol('JOB_SEARCH_INDEX');

export const SEARCH_INDEX_QUEUE = 'search.index';

export interface SearchIndexJob {
  jobIds: string[];
  /** How many times these ids came back because a change raced the write (see `indexJobs`). */
  round?: number;
}

/** A progress display per stage of a reindex (the command line draws bars). */
export type ReindexProgress = (label: string, total: number) => { increment(by: number): void; stop(): void };

/** Ids per queued job: an organization's rename touches all its jobs. */
const IDS_PER_JOB = 200;
/** Follow-up rounds for ids that keep changing under the writer; after that the next change (or a reindex) catches up. */
const MAX_ROUNDS = 5;
const REINDEX_BATCH = 500;
/**
 * Jobs changed since a rebuild began are indexed again once it is done. A
 * job's updated_at is its transaction's start, so a change committed during
 * the rebuild can carry an earlier time: the margin covers such transactions.
 */
const CATCH_UP_MARGIN = '5 minutes';

/**
 * Keeps the engine's index in step with Postgres. Job changes queue the
 * ids in the transaction that makes them (a rolled-back change queues
 * nothing, a committed one is never lost); the worker reloads the
 * documents and writes those newer than the index's copy. Retries back
 * off from a second to hours, so an outage of Meilisearch only delays indexing.
 */
@Injectable()
export class SearchSyncService implements OnModuleInit {
  private readonly logger = new Logger(SearchSyncService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: QueueService,
    @Inject(JOB_SEARCH_INDEX) private readonly index: JobSearchIndex | null,
  ) {}

  onModuleInit(): void {
    if (!this.index) return;
    this.queue.register<SearchIndexJob>(SEARCH_INDEX_QUEUE, (job) => this.indexJobs(job.jobIds, job.round), {
      retryLimit: 14,
      retryDelaySeconds: 1,
      retryBackoff: true,
    });
  }

  /** Queues the jobs for indexing in `manager`'s transaction. */
  async jobsChanged(manager: EntityManager, jobIds: string[]): Promise<void> {
    if (!this.index) return;
    const ids = [...new Set(jobIds)];
    for (let i = 0; i < ids.length; i += IDS_PER_JOB) {
      await this.queue.enqueue<SearchIndexJob>(SEARCH_INDEX_QUEUE, { jobIds: ids.slice(i, i + IDS_PER_JOB) }, { manager });
    }
  }

  /** An organization's name is part of its open jobs' documents. */
  async organizationChanged(manager: EntityManager, organizationId: string): Promise<void> {
    if (!this.index) return;
    const rows = await manager.query<{ job_id: string }[]>(`SELECT job_id FROM job_search_source WHERE organization_id = $1`, [organizationId]);
    await this.jobsChanged(
      manager,
      rows.map((r) => r.job_id),
    );
  }

  /**
   * Brings the index's copies of `jobIds` up to date: open jobs are written
   * unless the index already holds a newer version, the others removed.
   * Two workers can still interleave (one reads, another writes a newer
   * version, the first writes its older one), so after writing, the ids
   * whose Postgres version is ahead of the index go round again.
   */
  async indexJobs(jobIds: string[], round = 0): Promise<void> {
    const index = this.requireIndex();
    const ids = [...new Set(jobIds)];
    const [documents, indexed] = await Promise.all([loadSearchDocuments(this.dataSource, ids), index.versions(ids)]);
    // An equal version is written again: an organization's rename changes documents, not job versions.
    const upsert = documents.filter((doc) => (indexed.get(doc.id) ?? doc.version) <= doc.version);
    const open = new Set(documents.map((doc) => doc.id));
    const remove = ids.filter((id) => !open.has(id) && indexed.has(id));
    if (!upsert.length && !remove.length) return;
    await index.apply({ upsert, remove });

    const [current, written] = await Promise.all([loadSearchVersions(this.dataSource, ids), index.versions(ids)]);
    const behind = ids.filter((id) => {
      const version = current.get(id);
      const copy = written.get(id);
      return version === undefined ? copy !== undefined : copy === undefined || copy < version;
    });
    if (!behind.length) return;
    if (round >= MAX_ROUNDS) {
      this.logger.warn({ jobIds: behind, rounds: round }, 'search index still behind after several rounds; the next change of these jobs updates them');
      return;
    }
    await this.queue.enqueue<SearchIndexJob>(SEARCH_INDEX_QUEUE, { jobIds: behind, round: round + 1 });
  }

  /**
   * Rebuilds the Postgres search documents and, with Meilisearch, a fresh
   * index swapped in when complete. Searches keep answering from the old
   * data throughout. Returns how many documents each holds.
   */
  async reindex(progress: ReindexProgress): Promise<{ postgres: number; meilisearch: number | null }> {
    const postgres = await this.rebuildPostgres(progress);
    if (!this.index) return { postgres, meilisearch: null };

    const [{ since }] = await this.dataSource.query<{ since: Date }[]>(`SELECT now() - $1::interval AS since`, [CATCH_UP_MARGIN]);
    const total = await countSearchDocuments(this.dataSource);
    const bar = progress('Meilisearch index', total);
    let shown = 0;
    try {
      await this.index.rebuild(allSearchDocuments(this.dataSource, REINDEX_BATCH), total, (done) => {
        bar.increment(done - shown);
        shown = done;
      });
    } finally {
      bar.stop();
    }
    // Changes written to the old index while the new one was built.
    const missed = await this.changedSince(since);
    for (let i = 0; i < missed.length; i += IDS_PER_JOB) await this.indexJobs(missed.slice(i, i + IDS_PER_JOB));
    return { postgres, meilisearch: shown };
  }

  /**
   * In one transaction: readers see the old documents until it commits. Job
   * writes wait for it (SHARE blocks them, not reads or row locks), so no
   * change slips between the ids read here and the documents written. The
   * typo-correction words are rebuilt too, dropping words only closed jobs had.
   */
  private async rebuildPostgres(progress: ReindexProgress): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`LOCK TABLE jobs IN SHARE MODE`);
      await manager.query(`DELETE FROM job_search_documents`);
      await manager.query(`DELETE FROM search_words`);
      // The jobs job_search_refresh makes documents of.
      const ids = (await manager.query<{ id: string }[]>(`SELECT id FROM jobs WHERE status = 'published' ORDER BY id`)).map((r) => r.id);
      const bar = progress('Postgres search documents', ids.length);
      try {
        for (let i = 0; i < ids.length; i += REINDEX_BATCH) {
          const batch = ids.slice(i, i + REINDEX_BATCH);
          await manager.query(`SELECT job_search_refresh($1::uuid[])`, [batch]);
          bar.increment(batch.length);
        }
      } finally {
        bar.stop();
      }
      return ids.length;
    });
  }

  private async changedSince(since: Date): Promise<string[]> {
    const rows = await this.dataSource.query<{ id: string }[]>(`SELECT id FROM jobs WHERE updated_at >= $1`, [since]);
    return rows.map((r) => r.id);
  }

  private requireIndex(): JobSearchIndex {
    if (!this.index) throw new Error('No search index is configured (MEILI_URL is not set)');
    return this.index;
  }
}
