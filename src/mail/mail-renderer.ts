import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import hbs from 'hbs';
import { Env } from '../config/env';
import { headerText } from './mail-transport';
import { MAIL_SUBJECTS, MAIL_TEMPLATES, MailContexts, MailTemplate, SubjectContext } from './mail.types';

export const EMAIL_VIEWS_DIR = join(__dirname, '..', '..', 'views', 'emails');

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
  /** Extra headers (List-Unsubscribe and List-Unsubscribe-Post on alert emails). */
  headers?: Record<string, string>;
}

/** Extra values every template may read as `{{@name}}`, beside its own typed context. */
interface MailData {
  subject: string;
  appUrl: string;
}

type Compiled = ReturnType<typeof hbs.handlebars.compile>;

// strict: a context missing a field the template uses throws instead of sending a blank.
const HTML: CompileOptions = { strict: true };
// Plain text is not HTML: nothing to escape.
const TEXT: CompileOptions = { strict: true, noEscape: true };

/**
 * Renders views/emails/<template>.html.hbs and .text.hbs, with the partials in
 * views/emails/partials (`<name>.html.hbs` or `<name>.text.hbs`). Its own Handlebars environment keeps email partials
 * out of the web views and the other way round.
 * Every template is compiled at boot, so a missing file stops the app, not a send.
 */
@Injectable()
export class MailRenderer {
  /** hbs.create() makes a fresh Handlebars environment, apart from the one Express renders pages with. */
  private readonly handlebars = hbs.create().handlebars;
  private readonly templates = new Map<MailTemplate, { html: Compiled; text: Compiled }>();

  constructor(private readonly env: Env) {
    // Partials are compiled here too: given as text, Handlebars would compile them again at every render.
    for (const file of readdirSync(join(EMAIL_VIEWS_DIR, 'partials')).filter((f) => f.endsWith('.hbs'))) {
      const [name, kind] = file.split('.');
      this.handlebars.registerPartial(name, this.compile(join('partials', file), kind === 'text' ? TEXT : HTML));
    }
    for (const template of MAIL_TEMPLATES) {
      this.templates.set(template, { html: this.compile(`${template}.html.hbs`, HTML), text: this.compile(`${template}.text.hbs`, TEXT) });
    }
  }

  render<T extends MailTemplate>(template: T, context: MailContexts[T]): RenderedMail {
    const compiled = this.templates.get(template);
    if (!compiled) throw new Error(`Unknown email template ${template}`);
    const subject = this.subject(template, context as SubjectContext<T>);
    const data: MailData = { subject, appUrl: this.env.appUrl };
    return { subject, html: compiled.html(context, { data }), text: compiled.text(context, { data }) };
  }

  /** On one line whatever the context holds: a subject made from user input (an alert's name) never adds a header. */
  subject<T extends MailTemplate>(template: T, context: SubjectContext<T>): string {
    const subject = MAIL_SUBJECTS[template] as string | ((context: SubjectContext<T>) => string);
    return headerText(typeof subject === 'function' ? subject(context) : subject);
  }

  private compile(file: string, options: CompileOptions): Compiled {
    return this.handlebars.compile(readFileSync(join(EMAIL_VIEWS_DIR, file), 'utf8'), options);
  }
}
