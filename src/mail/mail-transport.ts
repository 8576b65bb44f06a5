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
  /** Extra header fields (List-Unsubscribe…); values are made single-line before they are written. */
  headers?: Record<string, string>;
}

/** SMTP connections the pool keeps open; the delivery worker sends this many messages at once. */
export const SMTP_CONNECTIONS = 10;

/** A header field name as RFC 5322 section 3.6.8 allows it (printable ASCII but colon), restricted to the usual letters, digits and hyphens. */
const HEADER_NAME = /^[A-Za-z][A-Za-z0-9-]*$/;

/**
 * Text fit for one header line: line breaks, tabs and other control
 * characters become single spaces, so nothing a user typed (an alert's
 * name, a search) can end a header field and start another.
 */
export function headerText(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\s\u0000-\u001f\u007f]+/g, ' ').trim();
}

/**
 * Whether the SMTP server refused this message for good: a 5xx reply to the
 * envelope (MAIL FROM, RCPT TO) or to the message data (RFC 5321 section
 * 4.2.1). 4xx replies, refused or dropped connections and timeouts are
 * transient. A 5xx to the greeting or to authentication is a problem of
 * the server or of our settings, not of this message, so it is retried too.
 */
export function isPermanentSmtpFailure(error: unknown): boolean {
  const { code, responseCode } = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  return (code === 'EENVELOPE' || code === 'EMESSAGE') && typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600;
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
      this.smtp = nodemailer.createTransport({
        pool: true,
        maxConnections: SMTP_CONNECTIONS,
        url: env.SMTP_URL,
        connectionTimeout: 15000,
        greetingTimeout: 15000,
        socketTimeout: 60000,
      });
    } else {
      this.files = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    }
  }

  /** Resolves once the SMTP server accepted the message (or its file is written). */
  async send(mail: OutgoingMail): Promise<void> {
    const headers = Object.fromEntries(
      Object.entries(mail.headers ?? {})
        .filter(([name]) => HEADER_NAME.test(name))
        .map(([name, value]) => [name, headerText(value)]),
    );
    const message = {
      from: this.env.MAIL_FROM,
      to: mail.to,
      subject: headerText(mail.subject),
      html: mail.html,
      text: mail.text,
      messageId: mail.messageId,
      headers,
    };
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
