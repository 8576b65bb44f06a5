import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { AddressObject, simpleParser } from 'mailparser';
import { DomainError } from '../common/domain-error';
import { Env } from '../config/env';
import { mailboxDir } from './mail-transport';

/** Names MailTransport gives its files; anything else (a path, `..`) is refused. */
const MAIL_FILE = /^[\w-]+\.eml$/;

/** How many messages the list shows: parsing every file of a long-lived mailbox would be slow. */
const LIST_LIMIT = 100;

export interface MailboxEntry {
  file: string;
  /** ISO 8601, for `<time datetime>` */
  date: string;
  /** For people: `2025-12-01 07:12:33 UTC` */
  dateText: string;
  to: string;
  subject: string;
}

export interface MailboxMessage extends MailboxEntry {
  from: string;
  messageId: string;
  text: string;
  /** Web links in the text part, to follow from the page. */
  links: string[];
  html: string | null;
}

const missing = (error: unknown): boolean => (error as NodeJS.ErrnoException).code === 'ENOENT';

const addresses = (value: AddressObject | AddressObject[] | undefined) =>
  [value ?? []]
    .flat()
    .map((a) => a.text)
    .join(', ');

/** Reads the .eml files MailTransport writes in development, for the dev mail viewer. */
@Injectable()
export class DevMailboxService {
  readonly dir: string;

  constructor(env: Env) {
    this.dir = mailboxDir(env);
  }

  /** The newest messages first, and how many there are in all. */
  async list(): Promise<{ entries: MailboxEntry[]; total: number }> {
    // No directory yet: nothing was sent.
    const files = (
      await readdir(this.dir).catch((error: unknown) => {
        if (missing(error)) return [];
        throw error;
      })
    ).filter((f) => MAIL_FILE.test(f));
    // File names start with the time they were written.
    files.sort().reverse();
    const entries = await Promise.all(files.slice(0, LIST_LIMIT).map((file) => this.read(file)));
    return { entries: entries.map(({ file, date, dateText, to, subject }) => ({ file, date, dateText, to, subject })), total: files.length };
  }

  async read(file: string): Promise<MailboxMessage> {
    const notFound = new DomainError('not_found', 'There is no such message.');
    if (!MAIL_FILE.test(file)) throw notFound;
    const raw = await readFile(join(this.dir, file)).catch((error: unknown) => {
      throw missing(error) ? notFound : error;
    });
    const mail = await simpleParser(raw);
    const date = mail.date ?? new Date(0);
    const text = mail.text ?? '';
    return {
      file,
      date: date.toISOString(),
      dateText: `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`,
      from: addresses(mail.from),
      to: addresses(mail.to),
      subject: mail.subject ?? '',
      messageId: mail.messageId ?? '',
      text,
      links: [...new Set(text.match(/https?:\/\/[^\s<>"]+/g) ?? [])],
      html: typeof mail.html === 'string' ? mail.html : null,
    };
  }
}
