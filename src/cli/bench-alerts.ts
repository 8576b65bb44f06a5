import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AlertDigests } from '../alerts/engine/alert-digests';
import { AlertMatcher, JOBS_PER_MATCH, MATCH_CONCURRENCY, MatchOutcome } from '../alerts/engine/alert-matcher';
import { AppModule } from '../app.module';
import { loadEnv, validateEnv } from '../config/env';
import { openDataSource } from '../database/data-source';
import { withDatabase } from '../database/database-url';
import { migrate } from '../database/migrate';
import { QueueService } from '../queue/queue.service';
import { loadReferenceData } from '../taxonomy/reference-data';
import { AlertBenchSize, publishJobs, seedAlerts, seedOrganizations } from './bench/alerts/alert-bench-data';
import { renderAlertReport } from './bench/alerts/alert-bench-report';
import { startSmtpSink } from './bench/alerts/smtp-sink-process';
import { benchArgs, benchDatabaseServer, Cleanups, runBenchmark, say, wholeNumber } from './bench/bench-cli';

/**
 * `npm run bench:alerts -- --alerts 100000 --jobs 1000`: the job alert
 * benchmark. In a database of its own it saves synthetic alerts, publishes
 * new jobs, and times what the app's workers do with them: matching the
 * jobs to every alert (with the instant emails), computing and queuing
 * every alert's digest, and sending the queued emails to a loopback SMTP
 * sink. Figures go to stdout as Markdown, progress to stderr.
 */

const USAGE = `Usage: npm run bench:alerts -- [options]

  --alerts N     saved alerts (default 100000)
  --jobs N       new jobs published and matched (default 1000)
  --seed N       seed of the synthetic data (default 1)
  --messages N   emails sent to measure throughput (default 5000)

The run has a database of its own, careercenter_bench_alerts_<alerts>_<jobs>_<seed>,
made anew each time, on DATABASE_URL's server when set, otherwise in an embedded
Postgres under DATA_DIR/bench.
`;

const OPTIONS = {
  alerts: { type: 'string', default: '100000' },
  jobs: { type: 'string', default: '1000' },
  seed: { type: 'string', default: '1' },
  messages: { type: 'string', default: '5000' },
  help: { type: 'boolean', default: false },
} as const;

function parseOptions(argv: string[]): (AlertBenchSize & { messages: number }) | undefined {
  const values = benchArgs(argv, OPTIONS, USAGE);
  if (!values) return undefined;
  return {
    alerts: wholeNumber('alerts', values.alerts, 10_000_000),
    jobs: wholeNumber('jobs', values.jobs, 1_000_000),
    // The seed names a database, and the generator reads it as 32 bits.
    seed: wholeNumber('seed', values.seed, 2 ** 31 - 1),
    messages: wholeNumber('messages', values.messages, 10_000_000),
  };
}

const cleanups = new Cleanups();

/** A fresh database for this size and seed, with the schema and the taxonomy. */
async function freshDatabase(serverUrl: string, size: AlertBenchSize): Promise<string> {
  const name = `careercenter_bench_alerts_${size.alerts}_${size.jobs}_${size.seed}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(name)} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(serverUrl, name);
  await migrate(url, say);
  const dataSource = await openDataSource(url);
  try {
    await loadReferenceData(dataSource);
  } finally {
    await dataSource.destroy();
  }
  return url;
}

const elapsedSince = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e9;

/** Matches the jobs as the queue's worker does: the queued batches, MATCH_CONCURRENCY at a time. */
async function matchAll(app: INestApplicationContext, jobIds: string[]): Promise<MatchOutcome> {
  const matcher = app.get(AlertMatcher);
  const total: MatchOutcome = { deliveries: 0, instantEmails: 0, heldBack: 0 };
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < jobIds.length) {
      const batch = jobIds.slice(next, (next += JOBS_PER_MATCH));
      const outcome = await matcher.match(batch);
      total.deliveries += outcome.deliveries;
      total.instantEmails += outcome.instantEmails;
      total.heldBack += outcome.heldBack;
    }
  };
  await Promise.all(Array.from({ length: MATCH_CONCURRENCY }, lane));
  return total;
}

/** Starts the queue's workers and waits until `messages` emails (or all queued ones) are sent. */
async function sendQueued(app: INestApplicationContext, messages: number): Promise<{ seconds: number; messages: number }> {
  const dataSource = app.get(DataSource);
  const sent = async () => (await dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM emails WHERE status = 'sent'`))[0].n;
  const [{ queued }] = await dataSource.query<{ queued: number }[]>(`SELECT count(*)::int AS queued FROM emails WHERE status = 'queued'`);
  const target = Math.min(messages, queued);
  const started = process.hrtime.bigint();
  await app.get(QueueService).startWorkers();
  let done = 0;
  while (done < target) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    done = await sent();
  }
  const seconds = elapsedSince(started);
  // The workers stop (finishing the deliveries under way) before the app closes its database connections.
  await app.get(QueueService).onApplicationShutdown();
  return { seconds, messages: done };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (!options) return void process.stdout.write(USAGE);
  const idleLoad = loadavg()[0];
  const database = await benchDatabaseServer(loadEnv(), cleanups);
  const url = await freshDatabase(database.url, options);
  const sink = await startSmtpSink();
  cleanups.push(() => sink.stop());

  // As production runs: Postgres search, the mail server given, warnings only.
  const appEnv = validateEnv({
    NODE_ENV: 'production',
    DATA_DIR: database.dir,
    JWT_SECRET: randomBytes(32).toString('hex'),
    APP_URL: 'https://jobs.careercenter.example',
    SMTP_URL: sink.url,
    MAIL_FROM: 'CareerCenter <alerts@careercenter.example>',
    QUEUE_POLL_SECONDS: '1',
    LOG_LEVEL: 'warn',
  });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(appEnv, url), { logger: ['error', 'warn'], abortOnError: false });
  cleanups.push(() => app.close());
  const dataSource = app.get(DataSource);

  const now = new Date();
  const seeding = process.hrtime.bigint();
  const organizations = await seedOrganizations(dataSource, options, now);
  const seeded = await seedAlerts(
    app,
    options,
    organizations.map((o) => o.slug),
    now,
  );
  const seedSeconds = elapsedSince(seeding);
  say(`Publishing ${options.jobs} jobs…`);
  const jobIds = await publishJobs(dataSource, options, organizations, now);
  // Fresh statistics and empty GIN pending lists before anything is measured.
  await dataSource.query('VACUUM (ANALYZE) alerts, alert_schedules, users, jobs, job_search_documents');

  say('Matching the new jobs to the alerts…');
  let started = process.hrtime.bigint();
  const match = await matchAll(app, jobIds);
  const matchSeconds = elapsedSince(started);
  say(`Matched in ${matchSeconds.toFixed(1)} s: ${match.deliveries} deliveries.`);

  say('Computing and queuing the digests of every alert…');
  await dataSource.query(`UPDATE alert_schedules SET next_digest_at = $1`, [new Date(Date.now() - 60_000)]);
  await dataSource.query('VACUUM (ANALYZE) alert_schedules, alert_deliveries');
  started = process.hrtime.bigint();
  const digests = await app.get(AlertDigests).runDue();
  const digestSeconds = elapsedSince(started);
  say(`Digests queued in ${digestSeconds.toFixed(1)} s: ${digests.emails} emails.`);

  say(`Sending ${options.messages} queued emails…`);
  const send = await sendQueued(app, options.messages);

  const [{ server_version: postgres }] = await dataSource.query<{ server_version: string }[]>('SHOW server_version');
  const machine =
    `${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GB RAM, ` +
    `Node ${process.version}, Postgres ${postgres}, load average ${idleLoad.toFixed(1)} before the run`;
  await cleanups.run();
  process.stdout.write(
    `${renderAlertReport({
      size: options,
      machine,
      seedSeconds,
      members: seeded.members,
      byFrequency: seeded.byFrequency,
      match: { seconds: matchSeconds, ...match },
      digests: { seconds: digestSeconds, ...digests },
      send,
    })}\n`,
  );
}

runBenchmark('alert', cleanups, main);
