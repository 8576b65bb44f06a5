import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { JWT_ALGORITHM } from '../auth/tokens.service';
import { Clock } from '../common/clock';
import { Env } from '../config/env';

/** What an unsubscribe link stops: one alert, or every alert of an address. */
export type UnsubscribeTarget = { alertId: string } | { email: string };

/** A guest's confirmation link works this long; unsubscribe and manage links do not expire (old emails must keep working). */
const CONFIRM_TTL_SECONDS = 7 * 86400;

type LinkKind = 'confirm' | 'unsubscribe' | 'manage';

/**
 * The signed links of alert emails: confirm a guest's alert (double
 * opt-in), unsubscribe without signing in (RFC 8058 one-click), and manage
 * a guest's alerts. Each is a JWT with its own audience, so none passes for
 * a session token or for another kind of link; it names the alert (`alert:<id>`)
 * or the address (`email:<address>`) and nothing else.
 */
@Injectable()
export class AlertLinks {
  constructor(
    private readonly jwt: JwtService,
    private readonly env: Env,
    private readonly clock: Clock,
  ) {}

  confirmUrl(alertId: string): string {
    return `${this.env.appUrl}/alerts/confirm?token=${encodeURIComponent(this.sign('confirm', `alert:${alertId}`, CONFIRM_TTL_SECONDS))}`;
  }

  unsubscribeUrl(target: UnsubscribeTarget): string {
    const subject = 'alertId' in target ? `alert:${target.alertId}` : `email:${target.email.toLowerCase()}`;
    return `${this.env.appUrl}/alerts/unsubscribe?token=${encodeURIComponent(this.sign('unsubscribe', subject))}`;
  }

  /** A guest's page of their alerts; members manage theirs at /me/alerts. */
  manageUrl(email: string): string {
    return `${this.env.appUrl}/alerts/manage?token=${encodeURIComponent(this.sign('manage', `email:${email.toLowerCase()}`))}`;
  }

  /** The alert a genuine, unexpired confirmation link names. */
  confirmedAlertId(token: string): string | undefined {
    const subject = this.verify('confirm', token);
    return subject?.startsWith('alert:') ? subject.slice('alert:'.length) : undefined;
  }

  unsubscribeTarget(token: string): UnsubscribeTarget | undefined {
    const subject = this.verify('unsubscribe', token);
    if (subject?.startsWith('alert:')) return { alertId: subject.slice('alert:'.length) };
    if (subject?.startsWith('email:')) return { email: subject.slice('email:'.length) };
    return undefined;
  }

  /** The guest address a genuine manage link names. */
  managedEmail(token: string): string | undefined {
    const subject = this.verify('manage', token);
    return subject?.startsWith('email:') ? subject.slice('email:'.length) : undefined;
  }

  private audience(kind: LinkKind): string {
    return `${this.env.JWT_AUDIENCE}:alert-${kind}`;
  }

  private sign(kind: LinkKind, subject: string, ttlSeconds?: number): string {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    return this.jwt.sign(
      { sub: subject, iat: now, ...(ttlSeconds ? { exp: now + ttlSeconds } : {}) },
      { algorithm: JWT_ALGORITHM, issuer: this.env.JWT_ISSUER, audience: this.audience(kind), privateKey: this.env.jwtSigningKey },
    );
  }

  private verify(kind: LinkKind, token: string): string | undefined {
    try {
      const claims = this.jwt.verify<{ sub?: unknown }>(token, {
        algorithms: [JWT_ALGORITHM],
        issuer: this.env.JWT_ISSUER,
        audience: this.audience(kind),
        secret: this.env.JWT_SECRET,
        clockTimestamp: Math.floor(this.clock.now().getTime() / 1000),
      });
      return typeof claims.sub === 'string' ? claims.sub : undefined;
    } catch {
      return undefined;
    }
  }
}
