import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource, Not } from 'typeorm';
import { Env } from '../config/env';
import { QueueService } from '../queue/queue.service';
import { Email } from './email.entity';
import { MailTransport } from './mail-transport';

export const MAIL_SEND_QUEUE = 'mail.send';

export interface MailSendJob {
  emailId: string;
}

/**
 * Works the `mail.send` queue: hands each recorded email to the transport
 * once. The row lock and the `sent` check make any number of deliveries of
 * one email, from any worker of any instance, send it at most once after the
 * SMTP server accepted it. (If the database fails between the server's
 * acceptance and our commit, the retry sends it again with the same
 * Message-ID, which lets mail systems drop the duplicate.)
 */
@Injectable()
export class MailDeliveryService implements OnModuleInit {
  private readonly logger = new Logger(MailDeliveryService.name);
  /** Message-IDs look like <email id@our host> (RFC 5322 section 3.6.4): stable across retries. */
  private readonly messageIdDomain: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: QueueService,
    private readonly transport: MailTransport,
    private readonly env: Env,
  ) {
    this.messageIdDomain = new URL(env.appUrl).hostname;
  }

  onModuleInit(): void {
    this.queue.register<MailSendJob>(MAIL_SEND_QUEUE, (job, meta) => this.deliver(job.emailId, meta.retryCount), {
      retryLimit: this.env.MAIL_RETRY_LIMIT,
      retryDelaySeconds: this.env.MAIL_RETRY_DELAY_SECONDS,
      retryBackoff: true,
      // Well beyond the transport's timeouts: an attempt still running is never handed to a second worker.
      expireInSeconds: 300,
    });
  }

  /**
   * Sends the email unless it is already sent. Throws when the transport
   * fails, so the queue retries; `retryCount` is how many tries came before
   * this one, and the last allowed try marks the email failed.
   */
  async deliver(emailId: string, retryCount = 0): Promise<void> {
    try {
      const sent = await this.dataSource.transaction(async (manager) => {
        const email = await manager.findOne(Email, { where: { id: emailId }, lock: { mode: 'pessimistic_write' } });
        if (!email) {
          this.logger.warn({ emailId }, 'email to deliver does not exist');
          return null;
        }
        if (email.status === 'sent') return null;
        await this.transport.send({
          emailId: email.id,
          messageId: `<${email.id}@${this.messageIdDomain}>`,
          to: email.toAddress,
          subject: email.subject,
          html: email.html ?? '',
          text: email.text ?? '',
        });
        // Bodies go once delivered: they can carry one-time links.
        await manager.update(
          Email,
          { id: email.id },
          { status: 'sent', sentAt: () => 'now()', attempts: () => 'attempts + 1', lastError: null, html: null, text: null },
        );
        return email;
      });
      if (sent) this.logger.log({ emailId, template: sent.template, attempt: sent.attempts + 1 }, 'email sent');
    } catch (error) {
      await this.recordFailure(emailId, error, retryCount >= this.env.MAIL_RETRY_LIMIT);
      throw error;
    }
  }

  /** Outside the failed transaction, so the attempt is on record while the queue waits to retry. */
  private async recordFailure(emailId: string, error: unknown, final: boolean): Promise<void> {
    const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
    try {
      await this.dataSource
        .getRepository(Email)
        .update({ id: emailId, status: Not('sent') }, { attempts: () => 'attempts + 1', lastError, ...(final ? { status: 'failed' as const } : {}) });
    } catch (recordError) {
      this.logger.error({ emailId, err: recordError }, 'could not record a failed email delivery');
    }
    if (final) this.logger.error({ emailId, error: lastError }, 'email delivery failed for good; no retries left');
    else this.logger.warn({ emailId, error: lastError }, 'email delivery failed; it will be retried');
  }
}
