import type { Measurement } from './load-test';

export interface ClassResult {
  queryClass: string;
  postgres: Measurement;
  baseline: Measurement;
}

export interface BenchReport {
  jobs: number;
  seed: number;
  loadSeconds: number;
  reused: boolean;
  machine: string;
  cores: number;
  connections: number;
  results: ClassResult[];
}

/** Issue 4's targets, facets included: p95 at most 30 ms at 100k jobs and 100 ms at 1M. */
export function p95TargetMs(jobs: number): number | undefined {
  if (jobs <= 100_000) return 30;
  if (jobs <= 1_000_000) return 100;
  return undefined;
}

const ms = (value: number) => (Number.isNaN(value) ? '–' : value < 100 ? value.toFixed(1) : Math.round(value).toLocaleString('en-US'));
const perSecond = (value: number) => (value < 1 ? value.toFixed(2) : value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString('en-US'));
const count = (value: number) => Math.round(value).toLocaleString('en-US');

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** The figures of one dataset as Markdown: a heading, the setting, one table, and the target verdict. */
export function renderReport(report: BenchReport): string {
  const lines = [
    `### ${count(report.jobs)} jobs (seed ${report.seed})`,
    '',
    `${report.machine}; ${report.connections} connections. Dataset ${report.reused ? 'reused (loaded earlier in' : 'loaded now (in'} ${report.loadSeconds.toFixed(0)} s).`,
    '',
    row([
      'Query class',
      'Engine',
      'First ms',
      'Alone ms',
      'CPU ms',
      'Requests',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'req/s',
      'Matches (mean)',
      'Baseline p95 ÷ Postgres p95',
    ]),
    row(['---', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']),
  ];
  for (const { queryClass, postgres, baseline } of report.results) {
    const cells = (engine: string, m: Measurement, ratio: string) => [
      queryClass,
      engine,
      ms(m.firstMs),
      ms(m.aloneMs),
      ms(m.cpuMs),
      count(m.requests),
      ms(m.p50),
      ms(m.p95),
      ms(m.p99),
      perSecond(m.requestsPerSecond),
      count(m.meanTotal),
      ratio,
    ];
    lines.push(row(cells('postgres', postgres, '')));
    // A baseline asked alone is compared with the app asked alone.
    const ratio = baseline.mode === 'alone' ? `${(baseline.aloneMs / postgres.aloneMs).toFixed(1)}× (alone)` : `${(baseline.p95 / postgres.p95).toFixed(1)}×`;
    lines.push(row(cells(baseline.mode === 'alone' ? 'baseline (alone)' : 'baseline', baseline, ratio)));
  }

  const failures = report.results.flatMap((r) => [
    ...(r.postgres.failures ? [`${r.queryClass} (postgres): ${r.postgres.failures}`] : []),
    ...(r.baseline.failures ? [`${r.queryClass} (baseline): ${r.baseline.failures}`] : []),
  ]);
  lines.push(
    '',
    `"First": mean time of each URL's first request, alone: a search the app has not answered before, so no kept result or counts helped. ` +
      `"Alone": mean time of one request with none other in flight, once each URL was asked (the app keeps answers of repeated searches). "CPU ms": CPU time the server and Postgres spent per request under load, ` +
      `which depends far less than latency on other work sharing the machine (${report.cores} dedicated cores serve at most ${report.cores} × 1000 ÷ CPU ms requests a second). ` +
      `Percentiles and req/s: under ${report.connections} connections.`,
  );
  if (report.results.some((r) => r.baseline.mode === 'alone')) {
    lines.push(
      `"baseline (alone)": the naive search was asked each URL once, one at a time, without the load phase (it is too slow to load in reasonable time); its percentiles are of those asks, and the ratio compares mean times alone.`,
    );
  }
  if (failures.length) lines.push(`Failed requests (not in the latencies): ${failures.join('; ')}.`);
  const target = p95TargetMs(report.jobs);
  if (target !== undefined) {
    const missed = report.results.filter((r) => !(r.postgres.p95 <= target));
    lines.push(
      missed.length
        ? `Target p95 ≤ ${target} ms missed by: ${missed.map((r) => `${r.queryClass} (${ms(r.postgres.p95)} ms)`).join(', ')}.`
        : `Target p95 ≤ ${target} ms: met by every query class.`,
    );
  }
  return lines.join('\n');
}
