import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { EntityManager, IsNull, MoreThan } from 'typeorm';
import { Env } from '../config/env';
import { UserToken, UserTokenPurpose } from '../users/user-token.entity';
import { User } from '../users/user.entity';
import { SessionTokens } from './session-cookies';

export const JWT_ALGORITHM = 'HS256';

/** Claims of our JWTs; `ver` must equal the user's current token version. */
export interface TokenClaims {
  sub: string;
  ver: number;
}

const ONE_TIME_TOKEN_TTL_MS: Record<UserTokenPurpose, number> = {
  verify_email: 7 * 24 * 3600 * 1000,
  reset_password: 3600 * 1000,
};

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

@Injectable()
export class TokensService {
  constructor(
    private readonly jwt: JwtService,
    private readonly env: Env,
  ) {}

  /** The refresh token's audience differs, so it is never accepted as an access token. */
  get refreshAudience(): string {
    return `${this.env.JWT_AUDIENCE}:refresh`;
  }

  async issueSession(user: Pick<User, 'id' | 'tokenVersion'>): Promise<SessionTokens> {
    const claims: TokenClaims = { sub: user.id, ver: user.tokenVersion };
    const common = { algorithm: JWT_ALGORITHM, issuer: this.env.JWT_ISSUER, privateKey: this.env.jwtSigningKey } as const;
    const [accessToken, refreshToken] = await Promise.all([
      this.jwt.signAsync(claims, { ...common, audience: this.env.JWT_AUDIENCE, expiresIn: this.env.ACCESS_TOKEN_TTL_SECONDS }),
      this.jwt.signAsync(claims, { ...common, audience: this.refreshAudience, expiresIn: this.env.SESSION_TTL_DAYS * 86400 }),
    ]);
    return { accessToken, refreshToken };
  }

  /** The claims of a valid refresh token, or undefined. */
  async verifyRefresh(token: string): Promise<TokenClaims | undefined> {
    try {
      return await this.jwt.verifyAsync<TokenClaims>(token, {
        algorithms: [JWT_ALGORITHM],
        issuer: this.env.JWT_ISSUER,
        audience: this.refreshAudience,
        secret: this.env.JWT_SECRET,
      });
    } catch {
      return undefined;
    }
  }

  /**
   * A new single-use token for an emailed link: 256 random bits, only its
   * hash stored. Earlier unused tokens of the same purpose stop working.
   */
  async createOneTime(manager: EntityManager, userId: string, purpose: UserTokenPurpose): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await manager.update(UserToken, { userId, purpose, usedAt: IsNull() }, { usedAt: new Date() });
    await manager.insert(UserToken, { userId, purpose, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + ONE_TIME_TOKEN_TTL_MS[purpose]) });
    return token;
  }

  /** Marks a valid token used and returns its user id; undefined when unknown, used, expired or of another purpose. */
  async consumeOneTime(manager: EntityManager, token: string, purpose: UserTokenPurpose): Promise<string | undefined> {
    if (!/^[\w-]{20,100}$/.test(token)) return undefined;
    const result = await manager
      .createQueryBuilder()
      .update(UserToken)
      .set({ usedAt: () => 'now()' })
      .where({ tokenHash: hashToken(token), purpose, usedAt: IsNull(), expiresAt: MoreThan(new Date()) })
      .returning(['userId'])
      .execute();
    return (result.raw as Array<{ user_id: string }>)[0]?.user_id;
  }
}
