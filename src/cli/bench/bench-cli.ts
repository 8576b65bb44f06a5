import { ConfigError } from '../../config/env';

/** Progress and messages go to stderr, so `--silent > figures.md` keeps only the figures. */
export const say = (message: string) => process.stderr.write(`${message}\n`);

/** A wrong option: its message (with the usage) is the whole answer. */
export class UsageError extends Error {}

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
