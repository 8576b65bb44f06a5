import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { groupBy } from '../common/group-by';
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

/** What became of one email in a delivery. */
type Fate =
  | { status: 'sent' | 'skipped' }
  /** Already sent, skipped or failed (another delivery got there first), or no such email. */
  | { status: 'not queued' }
  /** A 5xx reply: failed for good, not retried. */
  | { status: 'refused'; error: unknown }
  /** Anything else: retried with backoff unless this was the last try (then it failed for good). */
  | { status: 'failed for now'; error: unknown; final: boolean };

interface Failure {
  email: Email;
  error: unknown;
  /** No more tries: the email is marked failed. */
  final: boolean;
}

/** Runs `work` on each item, at most `limit` at a time. */
async function eachConcurrently<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 2000);

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
   * when it failed for now, so the queue retries; `retryCount` is how many
   * tries came before this one, and the last allowed try marks the email
   * failed. A permanent refusal marks it failed at once and does not throw.
   */
  async deliver(emailId: string, retryCount = 0): Promise<void> {
    const lastTry = retryCount >= this.env.MAIL_RETRY_LIMIT;
    let fate: Fate;
    try {
      fate = (await this.deliverGroup([emailId], lastTry)).get(emailId)!;
    } catch (error) {
      await this.recordFailureApart(emailId, error, lastTry);
      throw error;
    }
    if (fate.status === 'failed for now') throw fate.error;
  }

  /**
   * Emails recorded together, in groups of SMTP_CONNECTIONS (one per pooled
   * connection), two groups at a time so the connections are not idle while
   * a group is recorded. One that fails for now goes on alone, as a job of
   * its own with the usual retries, so the others are not sent again.
   */
  private async deliverBatch(emailIds: string[]): Promise<void> {
    const groups = Array.from({ length: Math.ceil(emailIds.length / SMTP_CONNECTIONS) }, (_, i) =>
      emailIds.slice(i * SMTP_CONNECTIONS, (i + 1) * SMTP_CONNECTIONS),
    );
    await eachConcurrently(groups, 2, async (group) => {
      let again: string[];
      try {
        const fates = await this.deliverGroup(group, false);
        again = group.filter((id) => fates.get(id)!.status === 'failed for now');
      } catch (error) {
        await Promise.all(group.map((id) => this.recordFailureApart(id, error, false)));
        again = group;
      }
      const startAfter = new Date(Date.now() + this.env.MAIL_RETRY_DELAY_SECONDS * 1000);
      for (const emailId of again) await this.queue.enqueue<MailSendJob>(MAIL_SEND_QUEUE, { emailId }, { startAfter });
    });
  }

  /**
   * One transaction for a few emails: locks them, composes the queued ones
   * (a template with a MailRefresher decides then what goes, or that nothing
   * does), hands them to the transport at once, and records every outcome
   * once all are settled. Only an email whose row is queued is sent, under
   * its row lock, so any number of deliveries of one email send it once.
   */
  private async deliverGroup(emailIds: string[], lastTry: boolean): Promise<Map<string, Fate>> {
    const fates = new Map<string, Fate>(emailIds.map((id) => [id, { status: 'not queued' }]));
    await this.dataSource.transaction(async (manager) => {
      // The commit need not wait for the disk: if the database crashed before writing it, the emails would go again with
      // the same Message-IDs, as they would if we crashed between the server's acceptance and the commit.
      await manager.query('SET LOCAL synchronous_commit = off');
      const emails = await manager.find(Email, { where: { id: In(emailIds) }, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } });
      for (const id of emailIds) if (!emails.some((e) => e.id === id)) this.logger.warn({ emailId: id }, 'email to deliver does not exist');
      const queued = emails.filter((email) => email.status === 'queued');
      const messages = await this.compose(manager, queued);
      const skipped = queued.filter((email) => !messages.get(email.id));
      const ready = queued.filter((email) => messages.get(email.id));
      const results = await Promise.allSettled(
        ready.map((email) => {
          const message = messages.get(email.id)!;
          return this.transport.send({
            emailId: email.id,
            messageId: `<${email.id}@${this.messageIdDomain}>`,
            to: email.toAddress,
            subject: message.subject,
            html: message.html,
            text: message.text,
            headers: message.headers,
          });
        }),
      );
      const sent = ready.filter((_, i) => results[i].status === 'fulfilled');
      const failures = ready.flatMap((email, i): Failure[] => {
        const result = results[i];
        if (result.status === 'fulfilled') return [];
        return [{ email, error: result.reason, final: lastTry || isPermanentSmtpFailure(result.reason) }];
      });

      await this.markSent(manager, sent, messages);
      // Bodies go once done with: they can carry one-time links.
      if (skipped.length) await manager.update(Email, { id: In(skipped.map((e) => e.id)) }, { status: 'skipped', html: null, text: null });
      await this.recordFailures(manager, failures);

      for (const email of sent) fates.set(email.id, { status: 'sent' });
      for (const email of skipped) fates.set(email.id, { status: 'skipped' });
      for (const { email, error, final } of failures) {
        fates.set(email.id, isPermanentSmtpFailure(error) ? { status: 'refused', error } : { status: 'failed for now', error, final });
      }
    });
    for (const [emailId, fate] of fates) this.logFate(emailId, fate);
    return fates;
  }

  /** Each email as it goes now: stored, or composed by its template's refresher (null: nothing to send). */
  private async compose(manager: EntityManager, emails: Email[]): Promise<Map<string, RenderedMail | null>> {
    const messages = new Map<string, RenderedMail | null>();
    for (const [template, ofTemplate] of groupBy(emails, (e) => e.template)) {
      const refresher = this.refreshers.get(template);
      if (refresher) {
        const composed = await refresher.refresh(manager, ofTemplate);
        for (const email of ofTemplate) messages.set(email.id, composed.get(email.id) ?? null);
      } else {
        for (const email of ofTemplate) messages.set(email.id, { subject: email.subject, html: email.html ?? '', text: email.text ?? '' });
      }
    }
    return messages;
  }

  private async markSent(manager: EntityManager, sent: Email[], messages: Map<string, RenderedMail | null>): Promise<void> {
    if (!sent.length) return;
    for (const [template, ofTemplate] of groupBy(sent, (e) => e.template)) await this.refreshers.get(template)?.delivered(manager, ofTemplate);
    await manager.query(
      `UPDATE emails e SET status = 'sent', subject = v.subject, sent_at = now(), attempts = e.attempts + 1, last_error = NULL, html = NULL, text = NULL
       FROM unnest($1::uuid[], $2::text[]) AS v(id, subject) WHERE e.id = v.id`,
      [sent.map((e) => e.id), sent.map((e) => messages.get(e.id)!.subject)],
    );
  }

  /** The attempt and its error; a final failure marks the email failed and tells its refresher. */
  private async recordFailures(manager: EntityManager, failures: Failure[]): Promise<void> {
    if (!failures.length) return;
    await manager.query(
      `UPDATE emails e SET attempts = e.attempts + 1, last_error = v.error, status = CASE WHEN v.final THEN 'failed' ELSE e.status END
       FROM unnest($1::uuid[], $2::text[], $3::boolean[]) AS v(id, error, final) WHERE e.id = v.id AND e.status = 'queued'`,
      [failures.map((f) => f.email.id), failures.map((f) => errorText(f.error)), failures.map((f) => f.final)],
    );
    const final = failures.filter((f) => f.final).map((f) => f.email);
    for (const [template, ofTemplate] of groupBy(final, (e) => e.template)) {
      await this.refreshers.get(template)?.failed(
        manager,
        ofTemplate.map((e) => e.id),
      );
    }
  }

  /** After a delivery's transaction failed: outside it, so the attempt is on record while the queue waits to retry. */
  private async recordFailureApart(emailId: string, error: unknown, final: boolean): Promise<void> {
    try {
      await this.dataSource.transaction(async (manager) => {
        const [email] = await manager.find(Email, { where: { id: emailId, status: 'queued' }, lock: { mode: 'pessimistic_write' } });
        if (email) await this.recordFailures(manager, [{ email, error, final }]);
      });
    } catch (recordError) {
      this.logger.error({ emailId, err: recordError }, 'could not record a failed email delivery');
    }
    this.logFate(emailId, { status: 'failed for now', error, final });
  }

  private logFate(emailId: string, fate: Fate): void {
    if (fate.status === 'sent') this.logger.log({ emailId }, 'email sent');
    else if (fate.status === 'skipped') this.logger.log({ emailId }, 'email skipped: nothing left to send');
    else if (fate.status === 'refused')
      this.logger.error({ emailId, error: errorText(fate.error) }, 'email refused by the mail server; it will not be retried');
    else if (fate.status === 'failed for now' && fate.final) {
      this.logger.error({ emailId, error: errorText(fate.error) }, 'email delivery failed for good; no retries left');
    } else if (fate.status === 'failed for now') this.logger.warn({ emailId, error: errorText(fate.error) }, 'email delivery failed; it will be retried');
  }
}
