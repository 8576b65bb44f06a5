import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type SMTPPoolSentMessageInfo, type StreamSentMessageInfo, type Transporter } from 'nodemailer';
import { Env } from '../config/env';

export interface OutgoingMail {
  emailId: string;
  messageId: string;
  to: string;
  subject: string;
  html: string;
  text: string;
}

/** Where messages go when no SMTP server is configured; the dev mail viewer reads them from here. */
export function mailboxDir(env: Env): string {
  return resolve(env.DATA_DIR, 'mail');
}

/**
 * Hands messages to the SMTP server named by SMTP_URL over pooled connections
 * or, without one (development), writes each as an .eml file under DATA_DIR/mail.
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly logger = new Logger(MailTransport.name);
  private readonly smtp?: Transporter<SMTPPoolSentMessageInfo>;
  private readonly files?: Transporter<StreamSentMessageInfo>;

  constructor(private readonly env: Env) {
    if (env.SMTP_URL) {
      // Bounded waits, so a stalled server fails the attempt (and it is retried) well within the job's expiry.
      this.smtp = nodemailer.createTransport({ pool: true, url: env.SMTP_URL, connectionTimeout: 15000, greetingTimeout: 15000, socketTimeout: 60000 });
    } else {
      this.files = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    }
  }

  /** Resolves once the SMTP server accepted the message (or its file is written). */
  async send(mail: OutgoingMail): Promise<void> {
    const message = { from: this.env.MAIL_FROM, to: mail.to, subject: mail.subject, html: mail.html, text: mail.text, messageId: mail.messageId };
    if (this.smtp) {
      await this.smtp.sendMail(message);
      return;
    }
    const { message: eml } = await this.files!.sendMail(message);
    const dir = mailboxDir(this.env);
    await mkdir(dir, { recursive: true });
    // The timestamp first, so file names sort by time.
    const path = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${mail.emailId}.eml`);
    await writeFile(path, eml as Buffer);
    this.logger.log({ emailId: mail.emailId, path }, 'email written to file (no SMTP_URL)');
  }

  onApplicationShutdown(): void {
    // Idle connections close now; one in the middle of a delivery finishes it first.
    this.smtp?.close();
  }
}
