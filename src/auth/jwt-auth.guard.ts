import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request, Response } from 'express';
import { DomainError } from '../common/domain-error';
import { Env } from '../config/env';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { IS_PUBLIC_KEY } from './public.decorator';
import { SessionCookies } from './session-cookies';
import { TokensService } from './tokens.service';

/**
 * Global: every route needs a signed-in user unless marked @Public(). On
 * public routes a valid session still sets `req.user` (for the header,
 * role-aware pages). A web visitor whose access cookie has expired is
 * signed in again from the refresh cookie, which slides forward.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  private readonly cookies: SessionCookies;

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokensService,
    private readonly users: UsersService,
    env: Env,
  ) {
    super();
    this.cookies = new SessionCookies(env);
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    // Without a bearer token or a session cookie there is nothing for passport to check (most public page views).
    if (req.headers.authorization !== undefined || this.cookies.present(req)) await super.canActivate(context);
    if (!req.user && req.headers.authorization === undefined) {
      req.user = (await this.resumeWebSession(req, res)) ?? undefined;
    }
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [context.getHandler(), context.getClass()]);
    if (req.user || isPublic) return true;
    throw new DomainError('unauthenticated', 'Sign in to continue.');
  }

  /** Passport reports "no valid token" here; the decision is ours, in canActivate. */
  override handleRequest<TUser = User>(err: unknown, user: TUser | false): TUser | undefined {
    if (err) throw err;
    return user || undefined;
  }

  private async resumeWebSession(req: Request, res: Response): Promise<User | undefined> {
    const refresh = this.cookies.refresh(req);
    if (!refresh) return undefined;
    const claims = await this.tokens.verifyRefresh(refresh);
    const user = claims ? await this.users.findById(claims.sub) : null;
    if (!user || user.disabledAt || user.tokenVersion !== claims!.ver) {
      this.cookies.clear(res);
      return undefined;
    }
    this.cookies.set(res, await this.tokens.issueSession(user));
    return user;
  }
}
