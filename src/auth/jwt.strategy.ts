import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { Env } from '../config/env';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { bearerToken, SessionCookies } from './session-cookies';
import { JWT_ALGORITHM, TokenClaims } from './tokens.service';

/**
 * One strategy, two extractors: the API's bearer header, else the web's
 * HttpOnly cookie. A request that sends a bearer header is judged on it
 * alone. Never a query string. The user is reloaded on every request, so a
 * role change, a disabled account or a revoked token takes effect at once.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    env: Env,
    private readonly users: UsersService,
  ) {
    const cookies = new SessionCookies(env);
    super({
      jwtFromRequest: ExtractJwt.fromExtractors([
        (req: Request) => (req.headers.authorization !== undefined ? (bearerToken(req) ?? null) : (cookies.access(req) ?? null)),
      ]),
      secretOrKey: env.JWT_SECRET,
      algorithms: [JWT_ALGORITHM],
      issuer: env.JWT_ISSUER,
      audience: env.JWT_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  async validate(claims: TokenClaims): Promise<User | false> {
    const user = typeof claims.sub === 'string' ? await this.users.findById(claims.sub) : null;
    if (!user || user.disabledAt || user.tokenVersion !== claims.ver) return false;
    return user;
  }
}
