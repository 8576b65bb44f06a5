import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { groupBy } from '../../common/group-by';
import { Env } from '../../config/env';
import { Email } from '../../mail/email.entity';
import { MailRefresher, MailRefreshers } from '../../mail/mail-refreshers';
import { MailRenderer, RenderedMail } from '../../mail/mail-renderer';
import { MailService } from '../../mail/mail.service';
import { AlertEmail, MailContexts } from '../../mail/mail.types';
import { AlertLinks } from '../alert-links';
import { alertSearchLink, mailboxOf, unsubscribeHeaders } from './alert-email-parts';
import { AlertJob, AlertJobs, newestFirst } from './alert-jobs';
import { AlertRecipient, loadRecipients } from './alert-recipients';

export type AlertTemplate = 'alert-instant' | 'alert-digest';

/** An email to record for one alert, and the jobs it lists. */
export interface AlertEmailItem {
  recipient: AlertRecipient;
  jobs: AlertJob[];
}

export interface RecordedAlertEmails {
  emails: number;
  /** Jobs listed: one delivery each. */
  deliveries: number;
}

/**
 * Alert emails: recorded with their deliveries in the transaction that
 * decides them, composed when sent from the deliveries they hold. At send time the alert must still be
 * live and mail the same address, and only jobs still open are listed; with
 * none left the email is skipped. Its deliveries become `sent` in the
 * transaction that marks it sent.
 */
@Injectable()
export class AlertEmails implements MailRefresher, OnModuleInit {
  private readonly mailbox: string;

  constructor(
    private readonly mail: MailService,
    private readonly renderer: MailRenderer,
    private readonly refreshers: MailRefreshers,
    private readonly links: AlertLinks,
    private readonly jobs: AlertJobs,
    private readonly clock: Clock,
    private readonly env: Env,
  ) {
    this.mailbox = mailboxOf(env.MAIL_FROM);
  }

  onModuleInit(): void {
    this.refreshers.register(['alert-instant', 'alert-digest'], this);
  }

  /**
   * Records one email per item and a queued delivery for each job it lists.
   * A job that a concurrent transaction has just listed to the same alert
   * keeps that delivery (the unique index), and an email left with no job
   * is skipped when it comes to be sent.
   */
  async send(manager: EntityManager, template: AlertTemplate, items: AlertEmailItem[]): Promise<RecordedAlertEmails> {
    if (!items.length) return { emails: 0, deliveries: 0 };
    const messages = items.map(({ recipient, jobs }) => ({
      to: recipient.address,
      subject: this.renderer.subject(template, { alertName: recipient.name, jobs, weekly: recipient.frequency === 'weekly' }),
    }));

    const emailIds = await this.mail.sendComposedAtDelivery(template, messages, { manager });
    // Per email: its alert, and the jobs it lists as one text (see splitIds).
    const [{ deliveries }] = await manager.query<Array<{ deliveries: number }>>(
      `WITH written AS (
         INSERT INTO alert_deliveries (alert_id, job_id, email_id)
         SELECT e.alert_id, job_id::uuid, e.email_id
         FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS e(alert_id, email_id, job_ids), string_to_table(e.job_ids, ' ') AS job_id
         ON CONFLICT (alert_id, job_id) DO NOTHING
         RETURNING 1)
       SELECT count(*)::int AS deliveries FROM written`,
      [items.map((item) => item.recipient.id), emailIds, items.map((item) => item.jobs.map((job) => job.id).join(' '))],
    );

    return { emails: emailIds.length, deliveries };
  }

  async refresh(manager: EntityManager, emails: Email[]): Promise<Map<string, RenderedMail | null>> {
    // One alert per email: the jobs still to go, locked in key order.
    const listed = await manager.query<Array<{ emailId: string; alertId: string; jobId: string }>>(
      `SELECT email_id AS "emailId", alert_id AS "alertId", job_id AS "jobId" FROM alert_deliveries
       WHERE email_id = ANY ($1::uuid[]) AND status = 'queued' ORDER BY alert_id, job_id FOR UPDATE`,
      [emails.map((e) => e.id)],
    );
    const jobsOf = groupBy(listed, (row) => row.emailId);
    const recipients = new Map((await loadRecipients(manager, [...new Set(listed.map((l) => l.alertId))])).map((r) => [r.id, r]));
    // An address changed since (a member's new email) gets the next email, not this one.
    const mailable = emails.filter((email) => {
      const recipient = recipients.get(jobsOf.get(email.id)?.[0].alertId ?? '');
      return recipient?.live && recipient.address === email.toAddress;
    });
    const mailableIds = new Set(mailable.map((e) => e.id));
    const open = await this.jobs.open(manager, [...new Set(mailable.flatMap((e) => jobsOf.get(e.id)!.map((l) => l.jobId)))], this.clock.now());
    const dropped = listed.filter((l) => !mailableIds.has(l.emailId) || !open.has(l.jobId));
    if (dropped.length) {
      await manager.query(
        `UPDATE alert_deliveries d SET status = 'skipped' FROM unnest($1::uuid[], $2::uuid[]) AS v(alert_id, job_id)
         WHERE d.alert_id = v.alert_id AND d.job_id = v.job_id`,
        [dropped.map((l) => l.alertId), dropped.map((l) => l.jobId)],
      );
    }
    return new Map(
      emails.map((email) => {
        const jobs = mailableIds.has(email.id) ? jobsOf.get(email.id)!.flatMap((l) => open.get(l.jobId) ?? []) : [];
        if (!jobs.length) return [email.id, null];
        const template = email.template as AlertTemplate;
        const recipient = recipients.get(jobsOf.get(email.id)![0].alertId)!;
        const unsubscribeLink = this.links.unsubscribeUrl({ alertId: recipient.id });
        const rendered = this.renderer.render(template, this.context(template, recipient, jobs.sort(newestFirst), unsubscribeLink));
        return [email.id, { ...rendered, headers: unsubscribeHeaders(unsubscribeLink, this.mailbox, recipient) }];
      }),
    );
  }

  async delivered(manager: EntityManager, emails: Email[]): Promise<void> {
    await manager.query(`UPDATE alert_deliveries SET status = 'sent' WHERE email_id = ANY ($1::uuid[]) AND status = 'queued'`, [emails.map((e) => e.id)]);
  }

  /** Their jobs did not reach the subscriber; the (alert, job) key keeps them from going in another email. */
  async failed(manager: EntityManager, emailIds: string[]): Promise<void> {
    await manager.query(`UPDATE alert_deliveries SET status = 'skipped' WHERE email_id = ANY ($1::uuid[]) AND status = 'queued'`, [emailIds]);
  }

  /** `unsubscribeLink` is the alert's, signed once for the email and its headers. */
  private context<T extends AlertTemplate>(template: T, recipient: AlertRecipient, jobs: AlertJob[], unsubscribeLink: string): MailContexts[T] {
    const frame: AlertEmail = {
      alertName: recipient.name,
      address: recipient.address,
      jobs,
      searchLink: alertSearchLink(this.env.appUrl, recipient.params),
      manageLink: recipient.userId ? `${this.env.appUrl}/me/alerts` : this.links.manageUrl(recipient.address),
      unsubscribeLink,
      postalAddress: this.env.MAIL_POSTAL_ADDRESS,
    };
    if (template === 'alert-instant') return frame as MailContexts[T];
    const { frequency } = recipient;
    // An instant alert has a digest only for jobs held back past its daily cap.
    return { ...frame, daily: frequency === 'daily', weekly: frequency === 'weekly', capped: frequency === 'instant' } as MailContexts[T];
  }
}
