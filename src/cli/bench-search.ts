import 'reflect-metadata';
import { mkdirSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { loadEnv } from '../config/env';
import { startEmbeddedPostgres } from '../database/embedded-postgres';
import { BenchServer, startAppServer } from './bench/app-server';
import { startBaselineServer } from './bench/baseline-server';
import { prepareDataset } from './bench/bench-dataset';
import { processTreeCpuSeconds } from './bench/cpu-time';
import { jsonTotal, LoadOptions, measure, measureAlone } from './bench/load-test';
import { QUERY_CLASSES } from './bench/query-mix';
import { ClassResult, renderReport } from './bench/report';
import { Cleanups, runBenchmark, say, UsageError } from './bench/bench-cli';

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

function positiveInteger(name: string, text: string, max = Number.MAX_SAFE_INTEGER): number {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.replace(/_/g, ''));
  const value = match ? Number(match[1]) * { '': 1, k: 1e3, m: 1e6 }[match[2].toLowerCase() as '' | 'k' | 'm'] : NaN;
  if (!Number.isInteger(value) || value < 1 || value > max) throw new UsageError(`--${name} must be a whole number from 1 to ${max}, not "${text}".`);
  return value;
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
  let values: ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS }>>['values'];
  try {
    ({ values } = parseArgs({ args: argv, options: OPTIONS }));
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n\n${USAGE}`);
  }
  if (values.help) return undefined;
  if (values.baseline !== 'load' && values.baseline !== 'alone') throw new UsageError(`--baseline must be load or alone, not "${values.baseline}".`);
  return {
    baseline: values.baseline,
    jobs: positiveInteger('jobs', values.jobs, 100_000_000),
    // The seed names a database, and the generator reads it as 32 bits.
    seed: positiveInteger('seed', values.seed, 2 ** 31 - 1),
    durationSeconds: positiveInteger('duration', values.duration, 3600),
    connections: positiveInteger('connections', values.connections, 1000),
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
  const env = loadEnv();
  const benchDir = resolve(env.DATA_DIR, 'bench');
  mkdirSync(benchDir, { recursive: true });

  let serverUrl = env.DATABASE_URL;
  let postmasterPid: number | undefined;
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres({ dataDir: benchDir, database: 'postgres', log: say });
    cleanups.push(() => embedded.stop());
    serverUrl = embedded.url;
    // Line 1 of the cluster's lock file.
    postmasterPid = Number.parseInt(readFileSync(join(benchDir, 'postgres', 'postmaster.pid'), 'utf8'), 10);
  }
  const dataset = await prepareDataset(serverUrl, { jobs: options.jobs, seed: options.seed }, { reload: options.reload }, say);

  say('Starting the app and the baseline…');
  const logFile = join(benchDir, 'app.log');
  const servers: Record<'postgres' | 'baseline', BenchServer> = {
    postgres: await startAppServer(dataset.url, benchDir, logFile),
    baseline: await startBaselineServer(dataset.url),
  };
  cleanups.push(
    () => servers.postgres.stop(),
    () => servers.baseline.stop(),
  );

  // The CPU a server and the database use between two readings (a DATABASE_URL server's processes are not ours to read).
  const cpuOf = (server: BenchServer) => () => {
    const app = processTreeCpuSeconds(server.pid);
    const database = postmasterPid === undefined ? undefined : processTreeCpuSeconds(postmasterPid);
    return app === undefined || database === undefined ? undefined : app + database;
  };
  const results: ClassResult[] = [];
  // One server under load at a time: with two cores, running both would measure each against the other.
  for (const { name, paths } of QUERY_CLASSES) {
    say(`${name}: measuring the app…`);
    const postgres = await measure(servers.postgres.baseUrl, paths, jsonTotal('postgres'), options, cpuOf(servers.postgres));
    say(`${name}: measuring the baseline…`);
    const baseline =
      options.baseline === 'alone'
        ? await measureAlone(servers.baseline.baseUrl, paths, jsonTotal('baseline'))
        : await measure(servers.baseline.baseUrl, paths, jsonTotal('baseline'), options, cpuOf(servers.baseline));
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
