/** Every email we send, with the data its templates need. Templates: views/emails/<name>.html.hbs and <name>.text.hbs */
export interface MailContexts {
  'verify-email': { name: string; link: string };
  'reset-password': { name: string; link: string };
  'password-changed': { name: string; resetLink: string };
}

export type MailTemplate = keyof MailContexts;

/** The subject of each email; a new template does not compile until it has one. */
export const MAIL_SUBJECTS: Record<MailTemplate, string> = {
  'verify-email': 'Verify your email address for CareerCenter',
  'reset-password': 'Reset your CareerCenter password',
  'password-changed': 'Your CareerCenter password was changed',
};

export const MAIL_TEMPLATES = Object.keys(MAIL_SUBJECTS) as MailTemplate[];
