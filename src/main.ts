import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { ConfigError, loadEnv } from './config/env';
import { openDatabaseRuntime } from './database/database-runtime';
import { migrate } from './database/migrate';
import { CodeImportService } from './codes/code-import.service';
import { DemoDataService } from './demo/demo-data.service';
import { QueueService } from './queue/queue.service';
import { describeReferenceLoad, loadReferenceData } from './taxonomy/reference-data';
import { DataSource } from 'typeorm';

const say = (message: string) => process.stdout.write(`${message}\n`);

async function main(): Promise<void> {
  const env = loadEnv();
  const demo = env.DEMO_DATA || process.argv.includes('--demo');
  const database = await openDatabaseRuntime(env, say);

  let app: NestExpressApplication | undefined;
  let stopping = false;
  // Ctrl-C or a SIGTERM: stop accepting, let in-flight requests finish, then stop the database.
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal} received: finishing in-flight requests…`);
    try {
      await app?.close();
    } finally {
      await database.stop();
      process.exit(0);
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    await migrate(database.url, say);
    // abortOnError off: a start-up failure must reach the handler below, which stops the embedded Postgres.
    app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(env, database.url), { bufferLogs: true, bodyParser: false, abortOnError: false });
    configureApp(app, env);
    say(describeReferenceLoad(await loadReferenceData(app.get(DataSource))));
    await app.init();
    if (demo) await app.get(DemoDataService).load(say);
    await app.get(QueueService).startWorkers();
    await app.listen(env.PORT, env.HOST);
    say(`CareerCenter is listening on ${env.appUrl} (database: ${database.embedded ? 'embedded Postgres' : 'DATABASE_URL'}).`);
    if (database.embedded) app.get(CodeImportService).importInBackground(say);
  } catch (e) {
    await app?.close().catch(() => undefined);
    await database.stop().catch(() => undefined);
    throw e;
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof ConfigError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
