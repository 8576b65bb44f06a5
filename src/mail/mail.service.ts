import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { MailContexts, MailTemplate } from './mail.types';

@Injectable()
export class MailService {
  /** Records the message and queues its delivery, inside `manager`'s transaction when given. Returns the email id. */
  async send<T extends MailTemplate>(template: T, to: string, context: MailContexts[T], options: { manager?: EntityManager } = {}): Promise<string> {
    void template;
    void to;
    void context;
    void options;
    throw new Error('not implemented yet');
  }
}
