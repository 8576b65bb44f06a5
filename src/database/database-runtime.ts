import { Env } from '../config/env';
import { startEmbeddedPostgres } from './embedded-postgres';

export interface DatabaseRuntime {
  url: string;
  embedded: boolean;
  /** Stops the embedded server if this process started it; otherwise nothing. */
  stop(): Promise<void>;
}

/** `DATABASE_URL` when set; otherwise the embedded Postgres under `DATA_DIR/postgres`. */
export async function openDatabaseRuntime(env: Env, log: (message: string) => void): Promise<DatabaseRuntime> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, embedded: false, stop: async () => undefined };
  const pg = await startEmbeddedPostgres({ dataDir: env.DATA_DIR, port: env.EMBEDDED_PG_PORT, log });
  return { url: pg.url, embedded: true, stop: () => pg.stop() };
}
