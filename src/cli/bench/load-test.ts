import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';

export interface LoadOptions {
  /** About how long the measured run lasts. */
  durationSeconds: number;
  connections: number;
  /** CPU cores the servers share: how many requests can really run at once. */
  cores: number;
}

export interface Measurement {
  /** `alone`: only the URLs asked one by one (a baseline too slow to load), no load phase; the percentiles are of those asks. */
  mode: 'load' | 'alone';
  /** Mean time of each URL's first request, sent alone: a search the server has not answered before (nothing kept). */
  firstMs: number;
  /** Mean time of a request sent alone (no other in flight): its cost before any queueing. */
  aloneMs: number;
  /** CPU time the server and its database spent per request under load; NaN where it cannot be read. */
  cpuMs: number;
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  requestsPerSecond: number;
  /** The mean `total` the URLs answered (how many jobs matched). */
  meanTotal: number;
  /** Responses other than 2xx, connection errors and timeouts. */
  failures: number;
}

/** Nearest-rank percentile of values sorted ascending. */
export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1];
}

/**
 * Requests for a run of about `durationSeconds`: what the server managed one
 * at a time, times the requests the cores can serve at once. At least two
 * rounds of the URLs and one request per connection, in whole rounds so every
 * URL weighs the same.
 */
export function requestsFor(options: LoadOptions, paths: number, sequentialMs: number): number {
  const perSecond = (Math.min(options.connections, options.cores) * 1000) / Math.max(sequentialMs, 0.1);
  const wanted = Math.max(options.durationSeconds * perSecond, 2 * paths, options.connections);
  return Math.ceil(wanted / paths) * paths;
}

/** What a benchmark expects of an answer: how many matches it reports (0 where it reports none), or why it is wrong. */
export type AnswerCheck = (status: number, text: string) => { total: number } | { wrong: string };

/** A 200 with a JSON `total`, and the `engine` that answered when one is named. */
export function jsonTotal(engine?: string): AnswerCheck {
  return (status, text) => {
    let body: { total?: unknown; engine?: unknown } = {};
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      // Reported as wrong below.
    }
    if (status !== 200 || typeof body.total !== 'number' || (engine !== undefined && body.engine !== engine)) {
      return { wrong: `expected 200 with a total${engine ? ` from the ${engine} engine` : ''}` };
    }
    return { total: body.total };
  };
}

/** A 200 page. */
export const okPage: AnswerCheck = (status) => (status === 200 ? { total: 0 } : { wrong: 'expected 200' });

/**
 * Asks each URL once, one after the other: every answer must pass `check`.
 * Returns the totals and the mean time taken.
 */
async function askEach(baseUrl: string, paths: readonly string[], check: AnswerCheck): Promise<{ totals: number[]; meanMs: number; times: number[] }> {
  const totals: number[] = [];
  const times: number[] = [];
  const started = performance.now();
  for (const path of paths) {
    const sent = performance.now();
    const res = await fetch(`${baseUrl}${path}`);
    const text = await res.text();
    const answer = check(res.status, text);
    if ('wrong' in answer) throw new Error(`GET ${path} answered ${res.status} (${answer.wrong}): ${text.slice(0, 300)}`);
    totals.push(answer.total);
    times.push(performance.now() - sent);
  }
  return { totals, meanMs: (performance.now() - started) / paths.length, times };
}

/** Asks each URL once, alone, and reports those times: for a server too slow to put under load in reasonable time. */
export async function measureAlone(baseUrl: string, paths: readonly string[], check: AnswerCheck): Promise<Measurement> {
  const { totals, meanMs, times } = await askEach(baseUrl, paths, check);
  const sorted = [...times].sort((a, b) => a - b);
  return {
    mode: 'alone',
    firstMs: meanMs,
    aloneMs: meanMs,
    cpuMs: NaN,
    requests: times.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    requestsPerSecond: 1000 / meanMs,
    meanTotal: totals.reduce((sum, n) => sum + n, 0) / totals.length,
    failures: 0,
  };
}

/**
 * Measures one query class on one server: checks and warms every URL, then
 * sends them round-robin from `connections` connections until the planned
 * number of requests has been answered (every request is waited for, so a
 * slow server's latencies are complete rather than cut off at a deadline).
 */
export async function measure(
  baseUrl: string,
  paths: readonly string[],
  check: AnswerCheck,
  options: LoadOptions,
  cpuSeconds: () => number | undefined,
): Promise<Measurement> {
  const { totals, meanMs: firstMs } = await askEach(baseUrl, paths, check);
  const { meanMs } = await askEach(baseUrl, paths, check);
  const amount = requestsFor(options, paths.length, meanMs);

  let turn = 0;
  const latencies: number[] = [];
  let lastResponse = 0;
  const cpuBefore = cpuSeconds();
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((ok, fail) => {
    const instance = autocannon(
      {
        url: baseUrl,
        connections: options.connections,
        amount,
        // Seconds: every request is waited for; the naive search took over eight minutes under load at a million jobs.
        timeout: 3600,
        requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[turn++ % paths.length] }) }],
      },
      (error, res) => (error ? fail(error) : ok(res)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      lastResponse = performance.now();
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  });

  const cpuAfter = cpuSeconds();
  latencies.sort((a, b) => a - b);
  // Up to the last answer: autocannon itself stops on its next one-second tick.
  const seconds = (lastResponse - started) / 1000;
  return {
    mode: 'load',
    firstMs,
    aloneMs: meanMs,
    cpuMs: cpuBefore === undefined || cpuAfter === undefined ? NaN : ((cpuAfter - cpuBefore) * 1000) / latencies.length,
    requests: latencies.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    requestsPerSecond: latencies.length / seconds,
    meanTotal: totals.reduce((sum, n) => sum + n, 0) / totals.length,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}
