import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { Env } from '../config/env';
import { MailService } from '../mail/mail.service';
import { User } from '../users/user.entity';
import { normalizeEmail } from '../users/users.service';
import { adoptGuestAlerts } from './alert-adoption';
import { frequencyPhrase, searchPathOf } from './alert-form';
import { AlertLinks } from './alert-links';
import { Alert } from './alert.entity';
import { AlertInput, AlertsService } from './alerts.service';

/** A followed confirmation link: the alert, and where its owner manages it now. */
export interface ConfirmedAlert {
  alert: Alert;
  /** The address's alerts became a member's (it belongs to a coder's verified account): managed at /me/alerts. */
  adopted: boolean;
  /** A guest's manage page (signed link); null once adopted. */
  manageUrl: string | null;
}

/**
 * Alerts without an account (double opt-in): the alert is saved
 * unconfirmed and a link is emailed to the address in the same
 * transaction; following the link confirms it. The guest manages the
 * address's alerts through a signed link instead of a session.
 */
@Injectable()
export class GuestAlertsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly alerts: AlertsService,
    private readonly links: AlertLinks,
    private readonly mail: MailService,
    private readonly env: Env,
    private readonly clock: Clock,
  ) {}

  /** 409 once the address has MAX_GUEST_ALERTS alerts (unsubscribed ones aside). */
  subscribe(email: string, input: AlertInput): Promise<Alert> {
    const guestEmail = normalizeEmail(email);
    return this.dataSource.transaction(async (manager) => {
      const alert = await this.alerts.create({ guestEmail }, input, manager);
      await this.mail.send(
        'alert-confirm',
        guestEmail,
        {
          alertName: alert.name,
          frequencyLabel: frequencyPhrase(alert.frequency),
          searchLink: `${this.env.appUrl}${searchPathOf(alert.params)}`,
          confirmLink: this.links.confirmUrl(alert.id),
        },
        { manager },
      );
      return alert;
    });
  }

  /**
   * Confirms the alert a genuine link names; following it again changes
   * nothing. A link for an address that has since become a coder's verified
   * account hands the address's alerts to that account.
   */
  async confirm(token: string): Promise<ConfirmedAlert> {
    const id = this.links.confirmedAlertId(token);
    if (!id || !isUUID(id)) {
      throw new DomainError(
        'bad_request',
        'This confirmation link is not valid or has expired. Create the alert again from the job search: we will email you a new link.',
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const alert = await manager.findOne(Alert, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!alert) throw new DomainError('not_found', 'This job alert no longer exists: it was deleted.');
      if (alert.unsubscribedAt)
        throw new DomainError('gone', 'You unsubscribed from this job alert, so it stays off. Create it again from the job search to get it back.');
      if (!alert.confirmedAt) {
        alert.confirmedAt = this.clock.now();
        await manager.save(alert);
      }
      const member = alert.guestEmail ? await manager.findOneBy(User, { email: alert.guestEmail }) : null;
      const adopted = alert.userId !== null || (member !== null && (await adoptGuestAlerts(manager, member)) > 0);
      return { alert, adopted, manageUrl: adopted || !alert.guestEmail ? null : this.links.manageUrl(alert.guestEmail) };
    });
  }

  /** The guest address a manage link names (400 for a link that is not genuine). */
  managedAddress(token: string): string {
    const email = this.links.managedEmail(token);
    if (!email) throw new DomainError('bad_request', 'This link to manage job alerts is not valid. Use the link in your latest alert email.');
    return email;
  }

  /** Where the guest signs out of every alert of the address at once. */
  unsubscribeAllUrl(email: string): string {
    return this.links.unsubscribeUrl({ email });
  }
}
