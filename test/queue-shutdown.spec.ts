import { Injectable, OnModuleInit } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ConfigModule } from '../src/config/config.module';
import { validateEnv } from '../src/config/env';
import { QueueModule } from '../src/queue/queue.module';
import { QueueService } from '../src/queue/queue.service';
import { eventually } from './support/eventually';
import { createTestDatabase, TestDatabase } from './support/test-database';

const SLOW_QUEUE = 'test.slow';

/** A consumer whose jobs wait until the test lets them finish. */
@Injectable()
class SlowConsumer implements OnModuleInit {
  readonly started: number[] = [];
  private release!: () => void;
  private readonly gate = new Promise<void>((resolve) => (this.release = resolve));

  constructor(private readonly queue: QueueService) {}

  onModuleInit(): void {
    this.queue.register<{ n: number }>(SLOW_QUEUE, async ({ n }) => {
      this.started.push(n);
      await this.gate;
    });
  }

  finish(): void {
    this.release();
  }
}

describe('stopping the queue while a batch is being worked', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('lets the job in hand finish and hands the rest of its batch back for a retry', async () => {
    const env = validateEnv({ NODE_ENV: 'test', LOG_LEVEL: 'silent', QUEUE_POLL_SECONDS: '1' });
    const moduleRef = await Test.createTestingModule({
      imports: [ConfigModule.forRoot(env), TypeOrmModule.forRoot({ type: 'postgres', url: database.url }), QueueModule],
      providers: [SlowConsumer],
    }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    const queue = app.get(QueueService);
    const consumer = app.get(SlowConsumer);
    const dataSource = app.get(DataSource);
    for (const n of [1, 2, 3]) await queue.enqueue(SLOW_QUEUE, { n });

    await queue.startWorkers();
    await eventually(
      async () => consumer.started.length,
      (count) => count === 1,
    );
    const closing = app.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    consumer.finish();
    await closing;

    // Read through a fresh connection: the app's pool is closed.
    const check = new DataSource({ type: 'postgres', url: database.url });
    await check.initialize();
    try {
      const rows = await check.query<Array<{ n: number; state: string; output: { message?: string } | null }>>(
        `SELECT (data->>'n')::int AS n, state, output FROM pgboss.job WHERE name = $1 ORDER BY 1`,
        [SLOW_QUEUE],
      );
      // pg-boss hands a batch over in its own order: one job ran, the other two went back.
      expect(consumer.started).toHaveLength(1);
      const [ran] = consumer.started;
      expect(rows.map(({ n, state }) => [n, state])).toEqual([1, 2, 3].map((n) => [n, n === ran ? 'completed' : 'retry']));
      const handedBack = rows.filter(({ n }) => n !== ran);
      for (const { output } of handedBack) expect(output?.message).toMatch(/stopped before this job ran/);
    } finally {
      await check.destroy();
    }
    expect(dataSource.isInitialized).toBe(false);
  });
});
