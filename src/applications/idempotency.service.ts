import { createHash } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager, LessThan } from 'typeorm';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { QueueService } from '../queue/queue.service';
import { IdempotencyKey } from './idempotency-key.entity';

/** How long a key's answer is kept and replayed (as Stripe does); after that the key may be used afresh. */
export const IDEMPOTENCY_TTL_MS = 24 * 3600_000;
const PRUNE_QUEUE = 'idempotency-keys.prune';

/** An `Idempotency-Key` header: 1 to 255 visible ASCII characters (draft-ietf-httpapi-idempotency-key-header). */
const KEY = /^[\x21-\x7e]{1,255}$/;

/** A request made with a key: the key and a digest of what was asked. */
export interface IdempotentRequest {
  key: string;
  requestHash: string;
}

/** What an idempotent request answered: replayed as is for the same key and request. */
export interface IdempotentAnswer<T> {
  status: number;
  body: T;
  replayed: boolean;
}

/** The same value for the same data, whatever the order of object keys. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/**
 * The key of a request and a SHA-256 of its method, path, body and uploaded
 * file (name and bytes); undefined without a key. A malformed key → 400.
 */
export function idempotentRequest(
  key: string | undefined,
  request: { method: string; path: string; body: unknown; file?: { originalname: string; buffer: Buffer } },
): IdempotentRequest | undefined {
  if (key === undefined) return undefined;
  if (!KEY.test(key)) throw new DomainError('bad_request', 'The Idempotency-Key header must be 1 to 255 visible ASCII characters, such as a UUID.');
  const file = request.file && { name: request.file.originalname, sha256: createHash('sha256').update(request.file.buffer).digest('hex') };
  const requestHash = createHash('sha256')
    .update(JSON.stringify(canonical({ method: request.method, path: request.path, body: request.body ?? null, file: file ?? null })))
    .digest('hex');
  return { key, requestHash };
}

/**
 * Answers a request made again with the same `Idempotency-Key` as the first
 * time. Used inside the transaction that does the work: the key's row is
 * locked (an advisory lock, as the row may not exist yet) until it commits,
 * so a parallel request with the same key waits and then gets the same
 * answer. Only successful answers are kept: after a refusal the client may
 * fix the problem and try again with the same key.
 */
@Injectable()
export class IdempotencyService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: QueueService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.queue.register(
      PRUNE_QUEUE,
      async () => {
        await this.prune();
      },
      { cron: '23 4 * * *' },
    );
  }

  /** The kept answer to this key (which must have come with the same request, or 422), or null to do the work. */
  async replay<T>(manager: EntityManager, userId: string, request: IdempotentRequest): Promise<IdempotentAnswer<T> | null> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`idempotency:${userId}:${request.key}`]);
    const kept = await manager.findOneBy(IdempotencyKey, { userId, key: request.key });
    if (!kept || kept.createdAt.getTime() <= this.clock.now().getTime() - IDEMPOTENCY_TTL_MS) return null;
    if (kept.requestHash !== request.requestHash) {
      throw DomainError.invalid(
        { 'Idempotency-Key': ['This key was already used with a different request. Use a new key for a new request.'] },
        'This Idempotency-Key was already used with a different request.',
      );
    }
    return { status: kept.responseStatus, body: kept.responseBody as T, replayed: true };
  }

  /** Keeps the answer, in the transaction that did the work (replacing an expired one). */
  async keep<T>(manager: EntityManager, userId: string, request: IdempotentRequest, status: number, body: T): Promise<IdempotentAnswer<T>> {
    await manager.query(
      `INSERT INTO idempotency_keys (user_id, key, request_hash, response_status, response_body, created_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (user_id, key) DO UPDATE
         SET request_hash = EXCLUDED.request_hash, response_status = EXCLUDED.response_status,
             response_body = EXCLUDED.response_body, created_at = EXCLUDED.created_at`,
      [userId, request.key, request.requestHash, status, JSON.stringify(body), this.clock.now()],
    );
    return { status, body, replayed: false };
  }

  /** Forgets answers older than the replay window. */
  async prune(): Promise<number> {
    const result = await this.dataSource
      .getRepository(IdempotencyKey)
      .delete({ createdAt: LessThan(new Date(this.clock.now().getTime() - IDEMPOTENCY_TTL_MS)) });
    return result.affected ?? 0;
  }
}
