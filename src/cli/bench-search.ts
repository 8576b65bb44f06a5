import 'reflect-metadata';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { loadEnv } from '../config/env';
import { BenchServer, startAppServer } from './bench/app-server';
import { startBaselineServer } from './bench/baseline-server';
import { prepareDataset } from './bench/bench-dataset';
import { jsonTotal, LoadOptions, measure, measureAlone, Measurement } from './bench/load-test';
import { QUERY_CLASSES } from './bench/query-mix';
import { ClassResult, renderReport } from './bench/report';
import { benchArgs, benchDatabaseServer, Cleanups, runBenchmark, say, serverCpuSeconds, UsageError, wholeNumber } from './bench/bench-cli';

/**
 * `npm run bench:search -- --jobs 100000`: the job search benchmark.
 * Loads (or reuses) a synthetic dataset in a database of its own, starts the
 * built app and the naive baseline on it, sends each query class to one
 * then the other, and prints the figures as Markdown on stdout (progress
 * goes to stderr, so `--silent > figures.md` keeps only the figures).
 */

const USAGE = `Usage: npm run bench:search -- [options]

  --jobs N           jobs in the dataset (default 100000; 100k and 1M work too)
  --seed N           seed of the synthetic data (default 1)
  --duration S       about how many seconds each query class runs per engine (default 5;
                     a slow engine still answers every URL of the class twice)
  --connections N    concurrent connections (default 10)
  --reload           load the dataset again even if an earlier run left it
  --baseline MODE    load (default): the naive baseline under the same load as the app;
                     alone: each of its URLs asked once, one at a time (for 1M jobs,
                     where one naive search takes tens of seconds)

The dataset lives in its own database, careercenter_bench_<jobs>_<seed>, on
DATABASE_URL's server when set, otherwise in an embedded Postgres under
DATA_DIR/bench; later runs with the same size and seed reuse it.
`;

interface BenchOptions extends LoadOptions {
  jobs: number;
  seed: number;
  reload: boolean;
  baseline: 'load' | 'alone';
}

const OPTIONS = {
  jobs: { type: 'string', default: '100000' },
  seed: { type: 'string', default: '1' },
  duration: { type: 'string', default: '5' },
  connections: { type: 'string', default: '10' },
  reload: { type: 'boolean', default: false },
  baseline: { type: 'string', default: 'load' },
  help: { type: 'boolean', default: false },
} as const;

function parseOptions(argv: string[]): BenchOptions | undefined {
  const values = benchArgs(argv, OPTIONS, USAGE);
  if (!values) return undefined;
  if (values.baseline !== 'load' && values.baseline !== 'alone') throw new UsageError(`--baseline must be load or alone, not "${values.baseline}".`);
  return {
    baseline: values.baseline,
    jobs: wholeNumber('jobs', values.jobs, 100_000_000),
    // The seed names a database, and the generator reads it as 32 bits.
    seed: wholeNumber('seed', values.seed, 2 ** 31 - 1),
    durationSeconds: wholeNumber('duration', values.duration, 3600),
    connections: wholeNumber('connections', values.connections, 1000),
    cores: availableParallelism(),
    reload: values.reload,
  };
}

async function postgresVersion(url: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
  } finally {
    await client.end();
  }
}

const cleanups = new Cleanups();

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (!options) return void process.stdout.write(USAGE);
  // Whatever else keeps the cores busy shows in the figures: say how busy they were before the run.
  const idleLoad = loadavg()[0];
  const database = await benchDatabaseServer(loadEnv(), cleanups);
  const dataset = await prepareDataset(database.url, { jobs: options.jobs, seed: options.seed }, { reload: options.reload }, say);

  say('Starting the app and the baseline…');
  const logFile = join(database.dir, 'app.log');
  const servers: Record<'postgres' | 'baseline', BenchServer> = {
    postgres: await startAppServer(dataset.url, database.dir, logFile),
    baseline: await startBaselineServer(dataset.url),
  };
  cleanups.push(
    () => servers.postgres.stop(),
    () => servers.baseline.stop(),
  );

  // One server under load at a time: with two cores, running both would measure each against the other. The app's
  // classes go back to back, then the baseline's: a baseline run between them would leave the app idle for a minute
  // or more, and V8's memory reducer then collects in pauses of hundreds of milliseconds as the next load begins.
  const measured = new Map<string, Measurement>();
  for (const { name, paths } of QUERY_CLASSES) {
    say(`${name}: measuring the app…`);
    measured.set(name, await measure(servers.postgres.baseUrl, paths, jsonTotal('postgres'), options, serverCpuSeconds(servers.postgres.pid, database)));
  }
  const results: ClassResult[] = [];
  for (const { name, paths } of QUERY_CLASSES) {
    say(`${name}: measuring the baseline…`);
    const baseline =
      options.baseline === 'alone'
        ? await measureAlone(servers.baseline.baseUrl, paths, jsonTotal('baseline'))
        : await measure(servers.baseline.baseUrl, paths, jsonTotal('baseline'), options, serverCpuSeconds(servers.baseline.pid, database));
    const postgres = measured.get(name)!;
    say(`${name}: p95 ${postgres.p95.toFixed(1)} ms (postgres), ${baseline.p95.toFixed(1)} ms (baseline).`);
    results.push({ queryClass: name, postgres, baseline });
  }

  const machine =
    `${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GB RAM, ` +
    `Node ${process.version}, Postgres ${await postgresVersion(dataset.url)}, load average ${idleLoad.toFixed(1)} before the run`;
  await cleanups.run();
  process.stdout.write(
    `${renderReport({ jobs: options.jobs, seed: options.seed, loadSeconds: dataset.loadSeconds, reused: dataset.reused, machine, cores: options.cores, connections: options.connections, results })}\n`,
  );
}

runBenchmark('search', cleanups, main);
