import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Email } from './email.entity';
import { RenderedMail } from './mail-renderer';
import { MailTemplate } from './mail.types';

/**
 * Decides at send time what the emails of its templates say, for messages
 * whose content can go stale between the moment they are recorded and the
 * moment they go out (an alert's job closes, its subscriber unsubscribes).
 * Each method is given a few emails at once and runs in the delivery's
 * transaction, with the emails' rows locked.
 */
export interface MailRefresher {
  /** The messages as they should go now, by email id; null (or none) for one that should not go at all (it is marked skipped). */
  refresh(manager: EntityManager, emails: Email[]): Promise<Map<string, RenderedMail | null>>;
  /** Once the SMTP server accepted the messages, before the emails are marked sent. */
  delivered(manager: EntityManager, emails: Email[]): Promise<void>;
  /** Once the emails have failed for good (refused, or out of retries), in the transaction that marks them failed. */
  failed(manager: EntityManager, emailIds: string[]): Promise<void>;
}

/** The refreshers by template; features register theirs when their module starts. */
@Injectable()
export class MailRefreshers {
  private readonly byTemplate = new Map<string, MailRefresher>();

  register(templates: readonly MailTemplate[], refresher: MailRefresher): void {
    for (const template of templates) {
      if (this.byTemplate.has(template)) throw new Error(`Email template ${template} has a refresher already`);
      this.byTemplate.set(template, refresher);
    }
  }

  get(template: string): MailRefresher | undefined {
    return this.byTemplate.get(template);
  }
}
