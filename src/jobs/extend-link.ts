import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { JWT_ALGORITHM } from '../auth/tokens.service';
import { Clock } from '../common/clock';
import { Env } from '../config/env';

/** How long after the expiry it warns about an extend link keeps working. */
const GRACE_MS = 7 * 86400_000;

/** "March 3, 2026": the day a posting expires, as emails and pages say it (UTC, like the scheduler). */
export function formatExpiryDate(date: Date): string {
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/**
 * The one-click "extend this posting" link of the expiry warning: a JWT that
 * names only the job and is good until a week after the expiry it warns of.
 * Its own audience keeps it from ever passing as a session token, and a
 * session token from passing as one of these.
 */
@Injectable()
export class ExtendLinks {
  constructor(
    private readonly jwt: JwtService,
    private readonly env: Env,
    private readonly clock: Clock,
  ) {}

  private get audience(): string {
    return `${this.env.JWT_AUDIENCE}:job-extend`;
  }

  url(job: { id: string; validThrough: Date }): string {
    const token = this.jwt.sign(
      { sub: job.id, exp: Math.floor((job.validThrough.getTime() + GRACE_MS) / 1000) },
      { algorithm: JWT_ALGORITHM, issuer: this.env.JWT_ISSUER, audience: this.audience, privateKey: this.env.jwtSigningKey },
    );
    return `${this.env.appUrl}/jobs/${job.id}/extend?token=${encodeURIComponent(token)}`;
  }

  /** The job id a genuine, unexpired link names; undefined for anything else. */
  jobIdOf(token: string): string | undefined {
    try {
      const claims = this.jwt.verify<{ sub?: unknown }>(token, {
        algorithms: [JWT_ALGORITHM],
        issuer: this.env.JWT_ISSUER,
        audience: this.audience,
        secret: this.env.JWT_SECRET,
        // Judged by the same clock as the expiry it extends.
        clockTimestamp: Math.floor(this.clock.now().getTime() / 1000),
      });
      return typeof claims.sub === 'string' ? claims.sub : undefined;
    } catch {
      return undefined;
    }
  }
}
