import { Injectable } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import { DataSource } from 'typeorm';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * Throttler counters in Postgres, shared by every app instance: one atomic
 * upsert per hit opens a new window when the old one has ended.
 */
@Injectable()
export class PgThrottlerStorage implements ThrottlerStorage {
  constructor(private readonly dataSource: DataSource) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const [row] = (await this.dataSource.query(
      `INSERT INTO rate_limit_buckets AS b (key, hits, window_ends_at)
       VALUES ($1, 1, now() + make_interval(secs => $2 / 1000.0))
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN b.window_ends_at <= now() THEN 1 ELSE b.hits + 1 END,
         window_ends_at = CASE WHEN b.window_ends_at <= now() THEN EXCLUDED.window_ends_at ELSE b.window_ends_at END
       RETURNING hits, b.blocked_until > now() AS blocked,
         GREATEST(0, ceil(extract(epoch FROM b.window_ends_at - now())))::int AS expires_in,
         GREATEST(0, ceil(extract(epoch FROM b.blocked_until - now())))::int AS blocked_for`,
      [`${throttlerName}:${key}`, ttl],
    )) as Array<{ hits: number; blocked: boolean | null; expires_in: number; blocked_for: number | null }>;

    let blockedFor = row.blocked ? (row.blocked_for ?? 0) : 0;
    if (!row.blocked && row.hits > limit) {
      blockedFor = Math.ceil(blockDuration / 1000);
      await this.dataSource.query(`UPDATE rate_limit_buckets SET blocked_until = now() + make_interval(secs => $2) WHERE key = $1`, [
        `${throttlerName}:${key}`,
        blockedFor,
      ]);
    }
    // Old buckets are swept now and then rather than by a separate job.
    if (Math.random() < 0.01)
      await this.dataSource.query(`DELETE FROM rate_limit_buckets WHERE window_ends_at < now() AND (blocked_until IS NULL OR blocked_until < now())`);
    return { totalHits: row.hits, timeToExpire: row.expires_in, isBlocked: blockedFor > 0, timeToBlockExpire: blockedFor };
  }
}
