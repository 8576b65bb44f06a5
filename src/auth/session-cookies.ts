import type { CookieOptions, Request, Response } from 'express';
import { Env } from '../config/env';

export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
}

/**
 * The web session lives in two HttpOnly cookies: a short-lived access token
 * (the same JWT the API takes as a bearer token) and a longer refresh token
 * that mints a new pair when the access token has expired. In production
 * both are Secure and `__Host-` prefixed (bound to this exact host).
 */
export class SessionCookies {
  constructor(private readonly env: Env) {}

  get accessName(): string {
    return this.env.isProduction ? '__Host-cc_access' : 'cc_access';
  }

  get refreshName(): string {
    return this.env.isProduction ? '__Host-cc_refresh' : 'cc_refresh';
  }

  private options(maxAgeMs: number): CookieOptions {
    return { httpOnly: true, sameSite: 'lax', secure: this.env.isProduction, path: '/', maxAge: maxAgeMs };
  }

  set(res: Response, tokens: SessionTokens): void {
    res.cookie(this.accessName, tokens.accessToken, this.options(this.env.ACCESS_TOKEN_TTL_SECONDS * 1000));
    res.cookie(this.refreshName, tokens.refreshToken, this.options(this.env.SESSION_TTL_DAYS * 86400 * 1000));
  }

  clear(res: Response): void {
    const { maxAge: _unused, ...options } = this.options(0);
    res.clearCookie(this.accessName, options);
    res.clearCookie(this.refreshName, options);
  }

  access(req: Request): string | undefined {
    return req.cookies?.[this.accessName];
  }

  refresh(req: Request): string | undefined {
    return req.cookies?.[this.refreshName];
  }

  /** Whether the request carries any session cookie, i.e. has ambient authority that CSRF could abuse. */
  present(req: Request): boolean {
    return Boolean(this.access(req) || this.refresh(req));
  }
}

export function bearerToken(req: Request): string | undefined {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
}
