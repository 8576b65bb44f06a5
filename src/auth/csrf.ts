import { createHmac, randomBytes } from 'node:crypto';
import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { doubleCsrf, DoubleCsrfUtilities } from 'csrf-csrf';
import type { Request, Response } from 'express';
import { DomainError } from '../common/domain-error';
import { isApiRequest } from '../common/http-error.filter';
import { Env } from '../config/env';
import { User } from '../users/user.entity';
import { SessionCookies } from './session-cookies';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const FORM_FIELD = '_csrf';

/**
 * Double-submit CSRF tokens (csrf-csrf), bound to the signed-in user, or to
 * a random visitor id before sign-in (which also stops login CSRF).
 */
@Injectable()
export class CsrfService {
  private readonly csrf: DoubleCsrfUtilities;
  private readonly visitorCookie: string;

  constructor(private readonly env: Env) {
    // Derived from the JWT secret, so there is one secret to manage.
    const secret = createHmac('sha256', env.JWT_SECRET).update('careercenter csrf').digest('hex');
    this.visitorCookie = env.isProduction ? '__Host-cc_visitor' : 'cc_visitor';
    this.csrf = doubleCsrf({
      getSecret: () => secret,
      getSessionIdentifier: (req) => (req.user as User | undefined)?.id ?? req.cookies?.[this.visitorCookie] ?? '',
      cookieName: env.isProduction ? '__Host-cc_csrf' : 'cc_csrf',
      cookieOptions: { sameSite: 'lax', secure: env.isProduction, httpOnly: true, path: '/' },
      getCsrfTokenFromRequest: (req) => (req.body as Record<string, string> | undefined)?.[FORM_FIELD] ?? (req.headers['x-csrf-token'] as string | undefined),
    });
  }

  /** A token for the page being rendered (reuses the cookie when it is still valid). */
  token(req: Request, res: Response): string {
    if (!req.user && !req.cookies?.[this.visitorCookie]) {
      const id = randomBytes(16).toString('base64url');
      res.cookie(this.visitorCookie, id, { httpOnly: true, sameSite: 'lax', secure: this.env.isProduction, path: '/' });
      req.cookies = { ...req.cookies, [this.visitorCookie]: id };
    }
    return this.csrf.generateCsrfToken(req, res);
  }

  valid(req: Request): boolean {
    return this.csrf.validateRequest(req);
  }
}

const CSRF_EXEMPT_KEY = 'csrfExempt';

/**
 * Lets one route's posts through without a token. Only for a route whose
 * authority is a signed token in its URL and never the cookies: the
 * one-click unsubscribe of RFC 8058, which mail clients post from no page.
 */
export const CsrfExempt = () => SetMetadata(CSRF_EXEMPT_KEY, true);

/**
 * Every state-changing request that could ride on a browser's cookies must
 * carry the token: web form posts, and API calls authenticated by cookie.
 * A bearer-token request has no ambient authority and is exempt.
 */
@Injectable()
export class CsrfGuard implements CanActivate {
  private readonly cookies: SessionCookies;

  constructor(
    private readonly csrf: CsrfService,
    private readonly reflector: Reflector,
    env: Env,
  ) {
    this.cookies = new SessionCookies(env);
  }

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    if (SAFE_METHODS.has(req.method) || req.headers.authorization !== undefined) return true;
    if (this.reflector.get<boolean | undefined>(CSRF_EXEMPT_KEY, context.getHandler())) return true;
    if (isApiRequest(req) && !this.cookies.present(req)) return true;
    if (!this.csrf.valid(req)) {
      throw new DomainError('forbidden', 'This form has expired or was sent from another site. Reload the page and try again.');
    }
    if (req.body && typeof req.body === 'object') delete (req.body as Record<string, unknown>)[FORM_FIELD];
    return true;
  }
}
