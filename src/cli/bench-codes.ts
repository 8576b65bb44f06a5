import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { CodeImportService } from '../codes/code-import.service';
import { CodeReleases } from '../codes/code-releases';
import { loadEnv } from '../config/env';
import { openDataSource } from '../database/data-source';
import { withDatabase } from '../database/database-url';
import { migrate } from '../database/migrate';
import { loadReferenceData } from '../taxonomy/reference-data';
import { startAppServer } from './bench/app-server';
import { benchArgs, benchDatabaseServer, Cleanups, runBenchmark, say, serverCpuSeconds, wholeNumber } from './bench/bench-cli';
import { AnswerCheck, jsonTotal, LoadOptions, Measurement, measure, okPage } from './bench/load-test';
import { startProgress } from './run-task';

/**
 * `npm run bench:codes`: the code reference benchmark. Imports the code
 * lists into a database of its own (once; later runs reuse it), starts the
 * built app on it, and puts each kind of lookup under load over HTTP:
 * code search by prefix, by exact code, by words and by misspelt words, and
 * code pages. Figures go to stdout as Markdown, progress to stderr.
 */

const USAGE = `Usage: npm run bench:codes -- [options]

  --duration S       about how many seconds each kind of lookup runs (default 5)
  --connections N    concurrent connections (default 10)

The code lists live in their own database, careercenter_bench_codes, on
DATABASE_URL's server when set, otherwise in an embedded Postgres under
DATA_DIR/bench.
`;

const search = (q: string, extra = '') => `/api/codes?q=${encodeURIComponent(q)}${extra}`;

/** The lookups coders make, by kind. */
const LOOKUPS: ReadonlyArray<{ name: string; paths: string[]; check: AnswerCheck; target?: number }> = [
  { name: 'code prefix', paths: ['E11', 'J01', 'S72', 'M54', 'I10', 'Z00', 'A04', 'G0'].map((q) => search(q)), check: jsonTotal(), target: 20 },
  { name: 'exact code', paths: ['E11.9', 'J1100', 'I10', 'M54.50', 'Z00.00', 'LT', 'S72.001A', 'G0439'].map((q) => search(q)), check: jsonTotal(), target: 20 },
  {
    name: 'words',
    paths: ['type 2 diabetes', 'fracture of femur', 'low back pain', 'hypertension', 'pneumonia', 'wheelchair', 'injection', 'screening'].map((q) => search(q)),
    check: jsonTotal(),
    target: 20,
  },
  {
    name: 'misspelt words',
    paths: ['diabetis', 'pnemonia', 'hypertensoin', 'fractur femur', 'astma', 'wheelchiar', 'migrane', 'anemea'].map((q) => search(q)),
    check: jsonTotal(),
    target: 20,
  },
  {
    name: 'code pages',
    paths: ['icd-10-cm/E119', 'icd-10-cm/E11', 'icd-10-cm/S72001A', 'icd-10-cm/I10', 'hcpcs/J1100', 'hcpcs/LT', 'cpt/21925', 'cpt/99213'].map(
      (code) => `/codes/${code}`,
    ),
    check: okPage,
  },
];

const OPTIONS = {
  duration: { type: 'string', default: '5' },
  connections: { type: 'string', default: '10' },
  help: { type: 'boolean', default: false },
} as const;

function parseOptions(argv: string[]): LoadOptions | undefined {
  const values = benchArgs(argv, OPTIONS, USAGE);
  if (!values) return undefined;
  return {
    durationSeconds: wholeNumber('duration', values.duration, 3600),
    connections: wholeNumber('connections', values.connections, 1000),
    cores: availableParallelism(),
  };
}

/** The benchmark's database with the schema, the taxonomy and the code lists (imported once). */
async function prepareDatabase(serverUrl: string): Promise<string> {
  const name = 'careercenter_bench_codes';
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const { rowCount } = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(serverUrl, name);
  await migrate(url, say);
  const dataSource = await openDataSource(url);
  try {
    await loadReferenceData(dataSource);
    // Progress is the bar's; stdout is for the figures.
    Logger.overrideLogger(['warn', 'error']);
    for (const outcome of await new CodeImportService(dataSource, new CodeReleases(dataSource)).importAll(startProgress)) {
      say(`${outcome.source}: ${outcome.rows} codes${outcome.changed ? ' imported' : ' (already imported)'}.`);
    }
  } finally {
    await dataSource.destroy();
  }
  return url;
}

const ms = (value: number) => (Number.isFinite(value) ? (value < 100 ? value.toFixed(1) : value.toFixed(0)) : '–');

function report(results: Array<{ name: string; target?: number; measurement: Measurement }>, machine: string, options: LoadOptions): string {
  const rows = results.map(({ name, target, measurement: m }) => {
    const verdict = target === undefined ? '' : m.p95 <= target ? `≤ ${target} ms, met` : `≤ ${target} ms, **missed**`;
    return `| ${name} | ${ms(m.firstMs)} | ${ms(m.cpuMs)} | ${m.requests.toLocaleString('en-US')} | ${ms(m.p50)} | ${ms(m.p95)} | ${ms(m.p99)} | ${Math.round(m.requestsPerSecond).toLocaleString('en-US')} | ${verdict} |`;
  });
  return [
    '### Code reference',
    '',
    `${machine}; ${options.connections} connections.`,
    '',
    '| Lookup | First ms | CPU ms | Requests | p50 ms | p95 ms | p99 ms | req/s | Target (p95) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...rows,
    '',
    '"First": mean time of each URL\'s first request, alone. "CPU ms": CPU time the app and Postgres spent per request under load.',
  ].join('\n');
}

const cleanups = new Cleanups();

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (!options) return void process.stdout.write(USAGE);
  const idleLoad = loadavg()[0];
  const database = await benchDatabaseServer(loadEnv(), cleanups);
  const url = await prepareDatabase(database.url);
  say('Starting the app…');
  const server = await startAppServer(url, database.dir, join(database.dir, 'app-codes.log'));
  cleanups.push(() => server.stop());
  const cpu = serverCpuSeconds(server.pid, database);

  // A fresh process runs its first requests slowly (compiling, filling pools): warm it on lookups not measured.
  say('Warming up…');
  for (let i = 0; i < 200; i++) await fetch(`${server.baseUrl}${search(`K${String(i).padStart(2, '0')}`)}`).then((res) => res.text());

  const results = [];
  for (const { name, paths, check, target } of LOOKUPS) {
    say(`${name}: measuring…`);
    const measurement = await measure(server.baseUrl, paths, check, options, cpu);
    say(`${name}: p95 ${measurement.p95.toFixed(1)} ms.`);
    results.push({ name, target, measurement });
  }
  const machine =
    `${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GB RAM, ` +
    `Node ${process.version}, load average ${idleLoad.toFixed(1)} before the run`;
  await cleanups.run();
  process.stdout.write(`${report(results, machine, options)}\n`);
}

runBenchmark('code reference', cleanups, main);
