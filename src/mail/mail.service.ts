import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { QueueService } from '../queue/queue.service';
import { MAIL_BATCH_SIZE, MAIL_SEND_QUEUE, MailSendJob } from './mail-delivery.service';
import { MailRefreshers } from './mail-refreshers';
import { MailRenderer } from './mail-renderer';
import { MailContexts, MailTemplate } from './mail.types';

/** An email to record: bodies are null when its refresher composes them at send time. */
interface EmailRecord {
  id: string;
  template: MailTemplate;
  to: string;
  subject: string;
  html: string | null;
  text: string | null;
}

/** A message composed (bodies and headers) when it is sent. */
export interface ComposedMessage {
  to: string;
  /** The subject as things stand now, on record until the refresher composes the message. */
  subject: string;
}

@Injectable()
export class MailService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly renderer: MailRenderer,
    private readonly queue: QueueService,
    private readonly refreshers: MailRefreshers,
  ) {}

  /**
   * Records the message and queues its delivery, inside `manager`'s transaction when given:
   * a rolled-back change sends nothing. Rendered now, so a template error fails the caller. Returns the email id.
   */
  async send<T extends MailTemplate>(template: T, to: string, context: MailContexts[T], options: { manager?: EntityManager } = {}): Promise<string> {
    const { subject, html, text } = this.renderer.render(template, context);
    const id = randomUUID();
    await this.record([{ id, template, to, subject, html, text }], options.manager);
    return id;
  }

  /**
   * Records many messages of a template whose MailRefresher composes them
   * when each is sent (alert emails show only the jobs still open then).
   * No bodies are stored until then, so thousands are recorded in a few
   * statements; their deliveries are queued MAIL_BATCH_SIZE to a job.
   * Returns the email ids in the order of `messages`.
   */
  async sendComposedAtDelivery(template: MailTemplate, messages: ComposedMessage[], options: { manager?: EntityManager } = {}): Promise<string[]> {
    if (!this.refreshers.get(template)) throw new Error(`Email template ${template} has no refresher to compose its messages`);
    const records = messages.map((m): EmailRecord => ({
      id: randomUUID(),
      template,
      to: m.to,
      subject: m.subject,
      html: null,
      text: null,
    }));
    await this.record(records, options.manager);
    return records.map((r) => r.id);
  }

  private async record(records: EmailRecord[], manager?: EntityManager): Promise<void> {
    if (!records.length) return;
    const write = async (m: EntityManager): Promise<void> => {
      // Arrays, one per column: one statement whatever the number of emails.
      await m.query(
        `INSERT INTO emails (id, template, to_address, subject, html, text)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])`,
        [
          records.map((r) => r.id),
          records.map((r) => r.template),
          records.map((r) => r.to),
          records.map((r) => r.subject),
          records.map((r) => r.html),
          records.map((r) => r.text),
        ],
      );
      const jobs: MailSendJob[] = [];
      for (let i = 0; i < records.length; i += MAIL_BATCH_SIZE) {
        const ids = records.slice(i, i + MAIL_BATCH_SIZE).map((r) => r.id);
        jobs.push(ids.length === 1 ? { emailId: ids[0] } : { emailIds: ids });
      }
      await this.queue.enqueueAll(MAIL_SEND_QUEUE, jobs, { manager: m });
    };
    await (manager ? write(manager) : this.dataSource.transaction(write));
  }
}
