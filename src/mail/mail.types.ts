/** Every email we send, with the data its templates need. Templates: views/emails/<name>.html.hbs and <name>.text.hbs */
export interface MailContexts {
  'verify-email': { name: string; link: string };
  'reset-password': { name: string; link: string };
  'password-changed': { name: string; resetLink: string };
}

export type MailTemplate = keyof MailContexts;
