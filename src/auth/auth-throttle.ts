import { ExecutionContext } from '@nestjs/common';
import { ThrottlerModuleOptions } from '@nestjs/throttler';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { Env } from '../config/env';
import { User } from '../users/user.entity';
import { normalizeEmail } from '../users/users.service';
import { PgThrottlerStorage } from './rate-limit/pg-throttler.storage';
import { hashToken } from './tokens.service';

/** What an attempt is about: the address typed, the signed-in user, or the emailed token. */
function accountOf(req: Request): string {
  const body = (req.body ?? {}) as Record<string, unknown>;
  if (typeof body.email === 'string' && body.email.trim()) return `email:${normalizeEmail(body.email)}`;
  const user = req.user as User | undefined;
  if (user) return `user:${user.id}`;
  if (typeof body.token === 'string') return `token:${hashToken(body.token)}`;
  return `ip:${req.ip}`;
}

/**
 * Two limits on sign-in, registration and password reset, each counted in
 * Postgres: per client address and per account. Applied with
 * `@UseGuards(ThrottlerGuard)` on those routes only.
 */
export function authThrottleOptions(env: Env, dataSource: DataSource): ThrottlerModuleOptions {
  const ttl = env.RATE_LIMIT_WINDOW_SECONDS * 1000;
  return {
    storage: new PgThrottlerStorage(dataSource),
    errorMessage: 'Too many attempts. Wait a while and try again.',
    throttlers: [
      { name: 'ip', ttl, limit: env.RATE_LIMIT_AUTH_PER_IP, getTracker: (req: Record<string, unknown>) => `ip:${(req as unknown as Request).ip}` },
      { name: 'account', ttl, limit: env.RATE_LIMIT_AUTH_PER_ACCOUNT, getTracker: (req: Record<string, unknown>, _ctx: ExecutionContext) => accountOf(req as unknown as Request) },
    ],
  };
}
