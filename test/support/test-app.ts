import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';
import { Env, validateEnv } from '../../src/config/env';
import { QueueService } from '../../src/queue/queue.service';
import { createTestDatabase } from './test-database';

export interface TestApp {
  app: NestExpressApplication;
  /** Base URL of the listening server, e.g. http://127.0.0.1:41234 */
  baseUrl: string;
  env: Env;
  dataSource: DataSource;
  close(): Promise<void>;
}

/**
 * The real app, on its own migrated database, listening on a loopback port.
 * `settings` are environment variables, validated like the real ones.
 */
export async function createTestApp(settings: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'careercenter-app-'));
  const env = validateEnv({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    QUEUE_POLL_SECONDS: '1',
    MAIL_RETRY_DELAY_SECONDS: '1',
    ...settings,
  });
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(env, database.url), { logger: false, bodyParser: false, abortOnError: false });
  configureApp(app, env);
  await app.init();
  await app.get(QueueService).startWorkers();
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    env,
    dataSource: app.get(DataSource),
    close: async () => {
      await app.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
