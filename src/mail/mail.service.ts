import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { QueueService } from '../queue/queue.service';
import { Email } from './email.entity';
import { MAIL_SEND_QUEUE, MailSendJob } from './mail-delivery.service';
import { MailRenderer } from './mail-renderer';
import { MailContexts, MailTemplate } from './mail.types';

@Injectable()
export class MailService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly renderer: MailRenderer,
    private readonly queue: QueueService,
  ) {}

  /**
   * Records the message and queues its delivery, inside `manager`'s transaction when given:
   * a rolled-back change sends nothing. Rendered now, so a template error fails the caller. Returns the email id.
   */
  async send<T extends MailTemplate>(template: T, to: string, context: MailContexts[T], options: { manager?: EntityManager } = {}): Promise<string> {
    const { subject, html, text } = this.renderer.render(template, context);
    const record = async (manager: EntityManager): Promise<string> => {
      const { identifiers } = await manager.insert(Email, { template, toAddress: to, subject, html, text });
      const emailId = identifiers[0].id as string;
      await this.queue.enqueue<MailSendJob>(MAIL_SEND_QUEUE, { emailId }, { manager });
      return emailId;
    };
    return options.manager ? record(options.manager) : this.dataSource.transaction(record);
  }
}
