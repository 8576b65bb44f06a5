import { applyDecorators, ExecutionContext, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerModuleOptions } from '@nestjs/throttler';
import type { Request, Response } from 'express';
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
 * Postgres: per client address and per account. Counted per action, so the
 * API and the web form for signing in share one budget.
 */
export function authThrottleOptions(env: Env, dataSource: DataSource): ThrottlerModuleOptions {
  const ttl = env.RATE_LIMIT_WINDOW_SECONDS * 1000;
  const generateKey = (context: ExecutionContext, tracker: string) => `${Reflect.getMetadata(RATE_LIMITED_ACTION, context.getHandler())}:${tracker}`;
  return {
    storage: new PgThrottlerStorage(dataSource),
    errorMessage: 'Too many attempts. Wait a while and try again.',
    throttlers: [
      { name: 'ip', ttl, limit: env.RATE_LIMIT_AUTH_PER_IP, getTracker: (req: Record<string, unknown>) => `ip:${(req as unknown as Request).ip}`, generateKey },
      {
        name: 'account',
        ttl,
        limit: env.RATE_LIMIT_AUTH_PER_ACCOUNT,
        getTracker: (req: Record<string, unknown>) => accountOf(req as unknown as Request),
        generateKey,
      },
    ],
  };
}

const RATE_LIMITED_ACTION = 'rateLimitedAction';

/** Counts this route's attempts against the limits of `action` (login, register, forgot-password, reset-password). */
export const RateLimited = (action: string) => applyDecorators(SetMetadata(RATE_LIMITED_ACTION, action), UseGuards(AuthThrottlerGuard));

/** The throttler names its header after the limit (`Retry-After-account`); clients look for plain `Retry-After`. */
@Injectable()
export class AuthThrottlerGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    context
      .switchToHttp()
      .getResponse<Response>()
      .setHeader('Retry-After', String(Math.max(1, detail.timeToBlockExpire)));
    return super.throwThrottlingException(context, detail);
  }
}
