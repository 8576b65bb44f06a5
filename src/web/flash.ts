import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { CookieOptions, Request, Response } from 'express';
import { Observable } from 'rxjs';
import { isApiRequest } from '../common/http-error.filter';
import { Env } from '../config/env';

export type FlashKind = 'success' | 'info';

export interface FlashMessage {
  kind: FlashKind;
  text: string;
}

const KINDS: readonly string[] = ['success', 'info'] satisfies FlashKind[];

/**
 * A one-line message for the page a redirect lands on ("Your password has
 * been changed"), carried in a short-lived HttpOnly cookie. In production the
 * `__Host-` prefix means only this site, over HTTPS, can set it, so the text
 * shown is always ours.
 */
export class Flash {
  constructor(private readonly env: Env) {}

  private get cookieName(): string {
    return this.env.isProduction ? '__Host-cc_flash' : 'cc_flash';
  }

  private get options(): CookieOptions {
    return { httpOnly: true, sameSite: 'lax', secure: this.env.isProduction, path: '/' };
  }

  set(res: Response, kind: FlashKind, text: string): void {
    // An object is stored as `j:{…}` JSON, which cookie-parser turns back into an object.
    res.cookie(this.cookieName, { kind, text }, { ...this.options, maxAge: 60_000 });
  }

  /** The waiting message, if any; it is cleared, so it shows once. */
  take(req: Request, res: Response): FlashMessage | undefined {
    const value = req.cookies?.[this.cookieName] as Partial<FlashMessage> | undefined;
    if (value === undefined) return undefined;
    res.clearCookie(this.cookieName, this.options);
    return typeof value === 'object' && KINDS.includes(value.kind as string) && typeof value.text === 'string' ? (value as FlashMessage) : undefined;
  }
}

/** Moves the waiting flash message into `res.locals.flash` for the next web page rendered. */
@Injectable()
export class FlashInterceptor implements NestInterceptor {
  private readonly flash: Flash;

  constructor(env: Env) {
    this.flash = new Flash(env);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request>();
    // Only pages are shown: a form post that redirects leaves the message for the page it lands on.
    if (req.method === 'GET' && !isApiRequest(req)) {
      const res = context.switchToHttp().getResponse<Response>();
      res.locals.flash = this.flash.take(req, res);
    }
    return next.handle();
  }
}
