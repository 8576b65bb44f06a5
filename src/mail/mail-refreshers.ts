import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Email } from './email.entity';
import { RenderedMail } from './mail-renderer';
import { MailTemplate } from './mail.types';

/**
 * Decides at send time what an email of its templates says, for messages
 * whose content can go stale between the moment they are recorded and the
 * moment they go out (an alert's job closes, its subscriber unsubscribes).
 * `refresh` and `delivered` run in the delivery's transaction, with the email's row locked.
 */
export interface MailRefresher {
  /** The message as it should go now, or null when it should not go at all (the email is then marked skipped). */
  refresh(manager: EntityManager, email: Email): Promise<RenderedMail | null>;
  /** Once the SMTP server accepted the message, before the email is marked sent. */
  delivered(manager: EntityManager, email: Email): Promise<void>;
  /** Once the email has failed for good (refused, or out of retries), in the transaction that marks it failed. */
  failed(manager: EntityManager, emailId: string): Promise<void>;
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
