import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { AlertLinks, UnsubscribeTarget } from './alert-links';
import { Alert } from './alert.entity';

/** What an unsubscribe link stops, in words for its page. */
export interface UnsubscribeView {
  /** "the job alert “CPC · Remote”", "every job alert sent to dana@example.com". */
  what: string;
}

/**
 * Unsubscribe links (RFC 8058): the signed token is the only authority, so
 * no session and no CSRF token are needed. Unsubscribing sets
 * unsubscribed_at once and is safe to repeat: the same answer every time,
 * also for an alert deleted since.
 */
@Injectable()
export class AlertUnsubscribeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly links: AlertLinks,
    private readonly clock: Clock,
  ) {}

  /** What the link would stop; nothing changes (the GET page). 400 for a link that is not genuine. */
  describe(token: string): Promise<UnsubscribeView> {
    return this.describeTarget(this.target(token));
  }

  async unsubscribe(token: string): Promise<UnsubscribeView> {
    const target = this.target(token);
    const now = this.clock.now();
    if ('alertId' in target) {
      await this.dataSource.query(`UPDATE alerts SET unsubscribed_at = $2, updated_at = now() WHERE id = $1 AND unsubscribed_at IS NULL`, [
        target.alertId,
        now,
      ]);
    } else {
      // The address's guest alerts and, when it is a member's address, the member's.
      await this.dataSource.query(
        `UPDATE alerts SET unsubscribed_at = $2, updated_at = now()
          WHERE unsubscribed_at IS NULL AND (guest_email = $1 OR user_id IN (SELECT id FROM users WHERE email = $1))`,
        [target.email, now],
      );
    }
    return this.describeTarget(target);
  }

  private target(token: string): UnsubscribeTarget {
    const target = this.links.unsubscribeTarget(token);
    if (!target || ('alertId' in target && !isUUID(target.alertId))) {
      throw new DomainError('bad_request', 'This unsubscribe link is not valid: nothing was changed. Use the link in your latest alert email.');
    }
    return target;
  }

  private async describeTarget(target: UnsubscribeTarget): Promise<UnsubscribeView> {
    if ('email' in target) return { what: `every job alert sent to ${target.email}` };
    const alert = await this.dataSource.manager.findOne(Alert, { where: { id: target.alertId }, select: { id: true, name: true } });
    return { what: alert ? `the job alert “${alert.name}”` : 'this job alert' };
  }
}
