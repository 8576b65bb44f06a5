import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Presets, SingleBar } from 'cli-progress';
import { AppModule } from '../app.module';
import { DomainError } from '../common/domain-error';
import { ConfigError, Env, loadEnv } from '../config/env';
import { openDatabaseRuntime } from '../database/database-runtime';
import { migrate } from '../database/migrate';

export type Log = (message: string) => void;
export type Task = (app: INestApplicationContext, log: Log) => Promise<unknown>;

const say: Log = (message) => process.stdout.write(`${message}\n`);

/**
 * Runs `task` on the app's providers, without an HTTP server or queue
 * workers: opens the database (reusing an embedded Postgres that is already
 * running from DATA_DIR), brings the schema up to date, and closes what it
 * opened, also when the task fails.
 */
export async function executeTask(env: Env, task: Task, log: Log = say): Promise<void> {
  const database = await openDatabaseRuntime(env, log);
  try {
    // Before the context exists: providers may touch tables while it starts.
    await migrate(database.url, log);
    // abortOnError off: Nest would otherwise exit on a wiring error before the embedded server is stopped.
    const app = await NestFactory.createApplicationContext(AppModule.forRoot(env, database.url), { logger: ['error', 'warn'], abortOnError: false });
    try {
      await task(app, log);
    } finally {
      await app.close();
    }
  } finally {
    await database.stop();
  }
}

function failureMessage(title: string, error: unknown, env: Env | undefined): string {
  if (error instanceof ConfigError) return error.message;
  // Input the task's rules refuse (a weak password, an address in use): the rule's own words are the message.
  if (error instanceof DomainError) {
    const details = Object.values(error.fields ?? {})
      .flat()
      .filter((detail) => !error.message.includes(detail));
    return `${title} failed: ${[error.message, ...details].join(' ')}`;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  const database = !env
    ? ''
    : env.DATABASE_URL
      ? ' If the database is the cause, check DATABASE_URL and that its server accepts connections.'
      : ` If the database is the cause, see the embedded Postgres log in ${env.DATA_DIR}/postgres/server.log.`;
  return `${title} failed: ${detail}\nFix the cause above and run the task again.${database}`;
}

/** The whole life of a command-line task: prints its outcome and sets the exit status. */
export async function runTask(title: string, task: Task): Promise<void> {
  const started = Date.now();
  let env: Env | undefined;
  try {
    env = loadEnv();
    say(`${title}…`);
    await executeTask(env, task);
    say(`${title}: done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } catch (e) {
    process.stderr.write(`${failureMessage(title, e, env)}\n`);
    // Exit now: a failure half-way through start-up can leave connections that would keep the process alive.
    process.exit(1);
  }
}

export interface Progress {
  increment(by?: number): void;
  stop(): void;
}

/**
 * A progress bar for long tasks, drawn on a terminal. Where output is not a
 * terminal (CI logs, pipes) redraws would be noise, so one line says the
 * outcome when it stops.
 */
export function startProgress(label: string, total: number, stream: NodeJS.WritableStream & { isTTY?: boolean } = process.stderr): Progress {
  const bar = new SingleBar({ format: `${label} [{bar}] {percentage}% {value}/{total} ETA {eta_formatted}`, stream, hideCursor: true }, Presets.shades_classic);
  const started = Date.now();
  let done = 0;
  bar.start(total, 0);
  return {
    increment(by = 1) {
      done += by;
      bar.increment(by);
    },
    stop() {
      bar.stop();
      if (!stream.isTTY) stream.write(`${label}: ${done}/${total} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    },
  };
}
