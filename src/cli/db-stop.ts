import { ConfigError, loadEnv } from '../config/env';
import { stopEmbeddedPostgres } from './stop-embedded-postgres';

const say = (message: string) => process.stdout.write(`${message}\n`);

async function main(): Promise<void> {
  await stopEmbeddedPostgres(loadEnv().DATA_DIR, say);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof ConfigError ? e.message : `Stopping the embedded Postgres failed: ${e instanceof Error ? e.message : String(e)}`}\n`);
  process.exit(1);
});
