import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Env } from '../config/env';
import { QueueService } from '../queue/queue.service';
import { Email } from './email.entity';
import { MailRefreshers } from './mail-refreshers';
import { RenderedMail } from './mail-renderer';
import { isPermanentSmtpFailure, MailTransport, SMTP_CONNECTIONS } from './mail-transport';

export const MAIL_SEND_QUEUE = 'mail.send';

/** Emails per queued job when many are recorded at once (alert digests). */
export const MAIL_BATCH_SIZE = 50;

/** One email, or several recorded together. */
export type MailSendJob = { emailId: string } | { emailIds: string[] };

type Outcome = { status: 'sent' | 'skipped'; template: string; attempt: number } | null;

/** Runs `work` on each item, at most `limit` at a time. */
async function eachConcurrently<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/**
 * Works the `mail.send` queue: hands each recorded email to the transport
 * once. The row lock and the status check make any number of deliveries of
 * one email, from any worker of any instance, send it at most once after the
 * SMTP server accepted it. (If the database fails between the server's
 * acceptance and our commit, the retry sends it again with the same
 * Message-ID, which lets mail systems drop the duplicate.)
 *
 * A template with a MailRefresher is composed (or skipped) at send time;
 * a 5xx reply to the message fails it for good at once, other failures are
 * retried with backoff until MAIL_RETRY_LIMIT.
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
    private readonly refreshers: MailRefreshers,
    private readonly env: Env,
  ) {
    this.messageIdDomain = new URL(env.appUrl).hostname;
  }

  onModuleInit(): void {
    this.queue.register<MailSendJob>(
      MAIL_SEND_QUEUE,
      (job, meta) => ('emailIds' in job ? this.deliverBatch(job.emailIds) : this.deliver(job.emailId, meta.retryCount)),
      {
        retryLimit: this.env.MAIL_RETRY_LIMIT,
        retryDelaySeconds: this.env.MAIL_RETRY_DELAY_SECONDS,
        retryBackoff: true,
        // Well beyond the transport's timeouts: an attempt still running is never handed to a second worker.
        expireInSeconds: 300,
      },
    );
  }

  /**
   * Sends the email unless it is already sent, skipped or failed. Throws
   * when the transport fails for now, so the queue retries; `retryCount` is
   * how many tries came before this one, and the last allowed try marks the
   * email failed. A permanent refusal marks it failed at once and does not throw.
   */
  async deliver(emailId: string, retryCount = 0): Promise<void> {
    try {
      const outcome = await this.dataSource.transaction(async (manager): Promise<Outcome> => {
        // The commit need not wait for the disk: if the database crashed before writing it, the email would go again with
        // the same Message-ID, as it would if we crashed between the server's acceptance and the commit.
        await manager.query('SET LOCAL synchronous_commit = off');
        const email = await manager.findOne(Email, { where: { id: emailId }, lock: { mode: 'pessimistic_write' } });
        if (!email) {
          this.logger.warn({ emailId }, 'email to deliver does not exist');
          return null;
        }
        if (email.status !== 'queued') return null;
        const refresher = this.refreshers.get(email.template);
        const message: RenderedMail | null = refresher
          ? await refresher.refresh(manager, email)
          : { subject: email.subject, html: email.html ?? '', text: email.text ?? '' };
        if (!message) {
          await manager.update(Email, { id: email.id }, { status: 'skipped', html: null, text: null });
          return { status: 'skipped', template: email.template, attempt: email.attempts };
        }
        await this.transport.send({
          emailId: email.id,
          messageId: `<${email.id}@${this.messageIdDomain}>`,
          to: email.toAddress,
          subject: message.subject,
          html: message.html,
          text: message.text,
          headers: email.headers ?? undefined,
        });
        await refresher?.delivered(manager, email);
        // Bodies go once delivered: they can carry one-time links.
        await manager.update(
          Email,
          { id: email.id },
          { status: 'sent', subject: message.subject, sentAt: () => 'now()', attempts: () => 'attempts + 1', lastError: null, html: null, text: null },
        );
        return { status: 'sent', template: email.template, attempt: email.attempts + 1 };
      });
      if (outcome?.status === 'sent') this.logger.log({ emailId, template: outcome.template, attempt: outcome.attempt }, 'email sent');
      if (outcome?.status === 'skipped') this.logger.log({ emailId, template: outcome.template }, 'email skipped: nothing left to send');
    } catch (error) {
      const permanent = isPermanentSmtpFailure(error);
      await this.recordFailure(emailId, error, permanent ? 'refused' : retryCount >= this.env.MAIL_RETRY_LIMIT ? 'exhausted' : 'retry');
      if (!permanent) throw error;
    }
  }

  /**
   * Emails recorded together, SMTP_CONNECTIONS at a time (one per pooled
   * connection). One that fails for now goes on alone, as a job of its own
   * with the usual retries, so the others are not sent again.
   */
  private async deliverBatch(emailIds: string[]): Promise<void> {
    await eachConcurrently(emailIds, SMTP_CONNECTIONS, async (emailId) => {
      try {
        await this.deliver(emailId);
      } catch {
        await this.queue.enqueue<MailSendJob>(MAIL_SEND_QUEUE, { emailId }, { startAfter: new Date(Date.now() + this.env.MAIL_RETRY_DELAY_SECONDS * 1000) });
      }
    });
  }

  /** Outside the failed transaction, so the attempt is on record while the queue waits to retry. */
  private async recordFailure(emailId: string, error: unknown, fate: 'retry' | 'exhausted' | 'refused'): Promise<void> {
    const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
    try {
      await this.dataSource.transaction(async (manager) => {
        const [failed] = await manager.query<[Array<{ template: string }>, number]>(
          `UPDATE emails SET attempts = attempts + 1, last_error = $2, status = CASE WHEN $3 THEN 'failed' ELSE status END
           WHERE id = $1 AND status = 'queued' RETURNING template`,
          [emailId, lastError, fate !== 'retry'],
        );
        if (fate !== 'retry' && failed.length) await this.refreshers.get(failed[0].template)?.failed(manager, emailId);
      });
    } catch (recordError) {
      this.logger.error({ emailId, err: recordError }, 'could not record a failed email delivery');
    }
    if (fate === 'refused') this.logger.error({ emailId, error: lastError }, 'email refused by the mail server; it will not be retried');
    else if (fate === 'exhausted') this.logger.error({ emailId, error: lastError }, 'email delivery failed for good; no retries left');
    else this.logger.warn({ emailId, error: lastError }, 'email delivery failed; it will be retried');
  }
}
