import { parseArgs, ParseArgsConfig } from 'node:util';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError, Env } from '../../config/env';
import { startEmbeddedPostgres } from '../../database/embedded-postgres';
import { processTreeCpuSeconds } from './cpu-time';

/** Progress and messages go to stderr, so `--silent > figures.md` keeps only the figures. */
export const say = (message: string) => process.stderr.write(`${message}\n`);

/** A wrong option: its message (with the usage) is the whole answer. */
export class UsageError extends Error {}

/** The command line's values by `options`, or undefined for --help; a mistake becomes a UsageError that shows `usage`. */
export function benchArgs<T extends NonNullable<ParseArgsConfig['options']> & { help: { type: 'boolean' } }>(
  argv: string[],
  options: T,
  usage: string,
): ReturnType<typeof parseArgs<{ args: string[]; options: T }>>['values'] | undefined {
  try {
    const { values } = parseArgs({ args: argv, options });
    return (values as { help?: boolean }).help ? undefined : values;
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n\n${usage}`, { cause: e });
  }
}

/** What a benchmark must undo (servers, databases), latest first, also when it fails or is interrupted. */
export class Cleanups {
  private readonly steps: Array<() => Promise<void>> = [];

  push(...steps: Array<() => Promise<void>>): void {
    this.steps.push(...steps);
  }

  async run(): Promise<void> {
    for (let undo = this.steps.pop(); undo; undo = this.steps.pop()) await undo().catch((e: unknown) => say(`Cleaning up failed: ${String(e)}`));
  }
}

/**
 * Runs a benchmark's `main`: Ctrl-C and failures still run the cleanups, so
 * no server or embedded Postgres outlives the run; a configuration or usage
 * error prints its message alone, anything else its stack.
 */
export function runBenchmark(name: string, cleanups: Cleanups, main: () => Promise<void>): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      say(`${signal} received: stopping the servers and the database…`);
      void cleanups.run().finally(() => process.exit(130));
    });
  }
  main().catch(async (e: unknown) => {
    process.stderr.write(
      `${e instanceof ConfigError || e instanceof UsageError ? e.message : `The ${name} benchmark failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`}\n`,
    );
    await cleanups.run();
    process.exit(1);
  });
}

/** A whole number option (`_` separators, k and m suffixes), from 1 to `max`. */
export function wholeNumber(name: string, text: string, max = Number.MAX_SAFE_INTEGER): number {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.replace(/_/g, ''));
  const value = match ? Number(match[1]) * { '': 1, k: 1e3, m: 1e6 }[match[2].toLowerCase() as '' | 'k' | 'm'] : NaN;
  if (!Number.isInteger(value) || value < 1 || value > max) throw new UsageError(`--${name} must be a whole number from 1 to ${max}, not "${text}".`);
  return value;
}

export interface BenchDatabaseServer {
  /** The server's URL: DATABASE_URL's, or the embedded Postgres under DATA_DIR/bench. */
  url: string;
  /** DATA_DIR/bench: benchmark data and logs. */
  dir: string;
  /** The embedded server's postmaster; undefined on DATABASE_URL's server (its processes are not ours to read). */
  postmasterPid?: number;
}

/** The database server benchmarks run on, started (and stopped by `cleanups`) when embedded. */
export async function benchDatabaseServer(env: Env, cleanups: Cleanups): Promise<BenchDatabaseServer> {
  const dir = resolve(env.DATA_DIR, 'bench');
  mkdirSync(dir, { recursive: true });
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, dir };
  const embedded = await startEmbeddedPostgres({ dataDir: dir, database: 'postgres', log: say });
  cleanups.push(() => embedded.stop());
  // Line 1 of the cluster's lock file.
  return { url: embedded.url, dir, postmasterPid: Number.parseInt(readFileSync(join(dir, 'postgres', 'postmaster.pid'), 'utf8'), 10) };
}

/** CPU seconds a server under test and the database have used so far; undefined where they cannot be read. */
export function serverCpuSeconds(serverPid: number, database: BenchDatabaseServer): () => number | undefined {
  return () => {
    const server = processTreeCpuSeconds(serverPid);
    const postgres = database.postmasterPid === undefined ? undefined : processTreeCpuSeconds(database.postmasterPid);
    return server === undefined || postgres === undefined ? undefined : server + postgres;
  };
}
