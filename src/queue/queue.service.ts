import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import PgBoss from 'pg-boss';
import { DataSource, EntityManager } from 'typeorm';
import { Env } from '../config/env';

/** Time for pg-boss to notice its stopped workers after stop(): it rechecks them once a second. */
const WORKER_REMOVAL_MS = 1500;

export interface QueueOptions {
  /** How often a failed job is tried again before it is given up. */
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** Doubles the delay after each failure. */
  retryBackoff?: boolean;
  /** A job running longer than this is assumed lost and retried. */
  expireInSeconds?: number;
  /**
   * Also run this queue on a cron schedule (UTC). pg-boss keeps schedules in
   * the database and lets one instance send each tick, so several app
   * instances do not run the same scheduled work twice.
   */
  cron?: string;
  /** Jobs of a fetched batch run this many at a time (default 1: one after the other). */
  concurrency?: number;
}

export interface EnqueueOptions {
  /** Enqueue inside this transaction: the job exists exactly when the transaction commits. */
  manager?: EntityManager;
  startAfter?: Date;
  /** At most one queued job with this key at a time. */
  singletonKey?: string;
}

export type JobHandler<T> = (data: T, job: { id: string; retryCount: number }) => Promise<void>;

interface Registration {
  handler: JobHandler<never>;
  options: QueueOptions;
}

/**
 * The durable job queue, kept in Postgres by pg-boss. Jobs carry ids only;
 * handlers reload what they need. A job is taken by one worker at a time
 * (SKIP LOCKED), so several app instances can run workers side by side.
 *
 * Consumers `register()` in their onModuleInit; the queues are created at
 * application bootstrap, and workers only run once `startWorkers()` is called by the server
 * (command-line tasks enqueue without working the queue).
 */
/** Jobs a worker takes per poll. */
const QUEUE_BATCH_SIZE = 20;

@Injectable()
export class QueueService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(QueueService.name);
  private readonly registrations = new Map<string, Registration>();
  private readonly url: string;
  /** Made by start(), once every consumer has registered: its pool has a connection per worker. */
  private boss!: PgBoss;
  private started?: Promise<void>;
  private working = false;
  private stopping = false;
  /** Batches whose handlers are running; shutdown waits for them. */
  private readonly running = new Set<Promise<void>>();

  constructor(
    dataSource: DataSource,
    private readonly env: Env,
  ) {
    this.url = (dataSource.options as { url: string }).url;
  }

  register<T>(queue: string, handler: JobHandler<T>, options: QueueOptions = {}): void {
    if (this.registrations.has(queue)) throw new Error(`Queue ${queue} is registered twice`);
    if (this.started) throw new Error(`Queue ${queue} is registered after the queue started`);
    this.registrations.set(queue, { handler: handler as JobHandler<never>, options });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.start();
  }

  private start(): Promise<void> {
    this.started ??= (async () => {
      // A worker still waiting for a pooled connection when pg-boss closes its pool waits forever
      // (and pg-boss keeps polling for it to stop): each worker has a connection of its own,
      // plus a few for sending, scheduling and maintenance.
      this.boss = new PgBoss({
        connectionString: this.url,
        max: this.registrations.size + 3,
        application_name: 'careercenter-queue',
        schedule: true,
      });
      this.boss.on('error', (error) => this.logger.error({ err: error }, 'queue error'));
      await this.boss.start();
      for (const [name, { options }] of this.registrations) {
        const settings = {
          name,
          retryLimit: options.retryLimit ?? 5,
          retryDelay: options.retryDelaySeconds ?? 30,
          retryBackoff: options.retryBackoff ?? true,
          expireInSeconds: options.expireInSeconds ?? 300,
        };
        const existing = await this.boss.getQueue(name);
        if (existing) await this.boss.updateQueue(name, settings);
        else await this.boss.createQueue(name, settings);
        if (options.cron) await this.boss.schedule(name, options.cron, {}, { tz: 'UTC' });
      }
    })();
    return this.started;
  }

  async enqueue<T extends object>(queue: string, data: T, options: EnqueueOptions = {}): Promise<string | null> {
    if (!this.registrations.has(queue)) throw new Error(`Queue ${queue} has no registered handler`);
    await this.start();
    return this.boss.send(queue, data, { startAfter: options.startAfter, singletonKey: options.singletonKey, db: this.through(options.manager) });
  }

  /** Enqueues a job for each of `data` in one statement, in `manager`'s transaction when given. */
  async enqueueAll<T extends object>(queue: string, data: T[], options: { manager?: EntityManager } = {}): Promise<void> {
    if (!this.registrations.has(queue)) throw new Error(`Queue ${queue} has no registered handler`);
    if (!data.length) return;
    await this.start();
    await this.boss.insert(
      data.map((item) => ({ name: queue, data: item })),
      { db: this.through(options.manager) },
    );
  }

  /** pg-boss runs its INSERT through our transaction's connection. */
  private through(manager: EntityManager | undefined): PgBoss.Db | undefined {
    return manager ? { executeSql: async (text, values) => ({ rows: await manager.query(text, values) }) } : undefined;
  }

  async startWorkers(): Promise<void> {
    await this.start();
    if (this.working) return;
    this.working = true;
    for (const [name, { handler, options }] of this.registrations) {
      // A worker waits a polling interval after each fetch, so it takes a batch each time; jobs
      // in it run one by one (or `concurrency` at a time), and a failure fails (and schedules a
      // retry of) that job alone. pg-boss then completes only the jobs still active.
      await this.boss.work<never>(name, { pollingIntervalSeconds: this.env.QUEUE_POLL_SECONDS, batchSize: QUEUE_BATCH_SIZE, includeMetadata: true }, (jobs) =>
        this.track(this.runBatch(name, handler, jobs, options.concurrency ?? 1)),
      );
    }
  }

  private async runBatch(name: string, handler: JobHandler<never>, jobs: PgBoss.JobWithMetadata<never>[], concurrency: number): Promise<void> {
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < jobs.length) {
        if (this.stopping) {
          // The rest of the batch goes back to the queue now rather than holding shutdown up.
          const message = 'the application stopped before this job ran; it will be retried';
          const waiting = jobs.slice(next);
          next = jobs.length;
          await Promise.all(waiting.map((job) => this.boss.fail(name, job.id, { message })));
          return;
        }
        const job = jobs[next++];
        try {
          await handler(job.data, { id: job.id, retryCount: job.retryCount });
        } catch (error) {
          this.logger.warn({ queue: name, jobId: job.id, err: error }, 'job failed; it will be retried while retries remain');
          await this.boss.fail(name, job.id, { message: error instanceof Error ? error.message : String(error) });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, lane));
  }

  private async track(batch: Promise<void>): Promise<void> {
    this.running.add(batch);
    try {
      await batch;
    } finally {
      this.running.delete(batch);
    }
  }

  /** Jobs waiting or being retried, by queue; for health and admin pages. */
  async backlog(): Promise<Record<string, number>> {
    await this.start();
    const entries = await Promise.all([...this.registrations.keys()].map(async (name) => [name, await this.boss.getQueueSize(name)] as const));
    return Object.fromEntries(entries);
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.started) return;
    // The job in hand finishes (a message being sent is not cut off); the rest of its batch is handed back.
    this.stopping = true;
    await this.boss.stop({ graceful: true, wait: true, timeout: 20000 });
    await Promise.allSettled([...this.running]);
    // pg-boss removes its stopped workers in a loop that rechecks once a second
    // and is not awaited by stop(); let it finish, so no timer of ours outlives
    // the application (under Jest, a timer left behind breaks the next test file).
    await sleep(WORKER_REMOVAL_MS);
  }
}
