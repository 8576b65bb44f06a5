import { Injectable, OnModuleInit } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ConfigModule } from '../src/config/config.module';
import { validateEnv } from '../src/config/env';
import { QueueModule } from '../src/queue/queue.module';
import { QueueOptions, QueueService } from '../src/queue/queue.service';
import { eventually } from './support/eventually';
import { createTestDatabase, TestDatabase } from './support/test-database';

const SLOW_QUEUE = 'test.slow';

/** A consumer whose jobs wait until the test lets them finish. */
@Injectable()
class SlowConsumer implements OnModuleInit {
  readonly started: number[] = [];
  private release!: () => void;
  private readonly gate = new Promise<void>((resolve) => (this.release = resolve));
  protected readonly options: QueueOptions = {};

  constructor(private readonly queue: QueueService) {}

  onModuleInit(): void {
    this.queue.register<{ n: number }>(
      SLOW_QUEUE,
      async ({ n }) => {
        this.started.push(n);
        await this.gate;
      },
      this.options,
    );
  }

  finish(): void {
    this.release();
  }
}

/** The same, working two jobs of a batch at a time. */
@Injectable()
class SlowPairConsumer extends SlowConsumer {
  protected readonly options: QueueOptions = { concurrency: 2 };
}

describe('stopping the queue while a batch is being worked', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  /** Queues three slow jobs, stops the app once `running` of them have started, and reads what became of each. */
  async function stopWhileRunning(consumerType: typeof SlowConsumer, running: number) {
    const env = validateEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', QUEUE_POLL_SECONDS: '1' });
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(env), TypeOrmModule.forRoot({ type: 'postgres', url: database.url }), QueueModule],
      providers: [{ provide: SlowConsumer, useClass: consumerType }],
    }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    const queue = app.get(QueueService);
    const consumer = app.get(SlowConsumer);
    const dataSource = app.get(DataSource);
    await dataSource.query(`DELETE FROM pgboss.job WHERE name = $1`, [SLOW_QUEUE]);
    for (const n of [1, 2, 3]) await queue.enqueue(SLOW_QUEUE, { n });

    await queue.startWorkers();
    await eventually(
      async () => consumer.started.length,
      (count) => count === running,
    );
    const closing = app.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    consumer.finish();
    await closing;
    expect(dataSource.isInitialized).toBe(false);

    // Read through a fresh connection: the app's pool is closed.
    const check = new DataSource({ type: 'postgres', url: database.url });
    await check.initialize();
    try {
      const rows = await check.query<Array<{ n: number; state: string; output: { message?: string } | null }>>(
        `SELECT (data->>'n')::int AS n, state, output FROM pgboss.job WHERE name = $1 ORDER BY 1`,
        [SLOW_QUEUE],
      );
      return { started: consumer.started, rows };
    } finally {
      await check.destroy();
    }
  }

  it('lets the job in hand finish and hands the rest of its batch back for a retry', async () => {
    const { started, rows } = await stopWhileRunning(SlowConsumer, 1);
    // pg-boss hands a batch over in its own order: one job ran, the other two went back.
    expect(started).toHaveLength(1);
    const [ran] = started;
    expect(rows.map(({ n, state }) => [n, state])).toEqual([1, 2, 3].map((n) => [n, n === ran ? 'completed' : 'retry']));
    for (const { output } of rows.filter(({ n }) => n !== ran)) expect(output?.message).toMatch(/stopped before this job ran/);
  });

  it('runs jobs of a batch side by side up to the queue’s concurrency, and hands back those not started', async () => {
    const { started, rows } = await stopWhileRunning(SlowPairConsumer, 2);
    expect(started).toHaveLength(2);
    expect(rows.map(({ n, state }) => [n, state])).toEqual([1, 2, 3].map((n) => [n, started.includes(n) ? 'completed' : 'retry']));
  });
});
