/** Every email we send, with the data its templates need. Templates: views/emails/<name>.html.hbs and <name>.text.hbs */
export interface MailContexts {
  'verify-email': { name: string; link: string };
  'reset-password': { name: string; link: string };
  'password-changed': { name: string; resetLink: string };
  /** An invitation to an organization's team; `link` opens the page that accepts it. */
  'organization-invitation': { organizationName: string; inviterName: string; role: 'owner' | 'recruiter'; link: string; expiresOn: string };
  /** Three days before a posting expires; `extendLink` renews it in one click. */
  'job-expiring': { name: string; jobTitle: string; expiresOn: string; extendLink: string; jobLink: string };
}

export type MailTemplate = keyof MailContexts;

/** The subject of each email; a new template does not compile until it has one. */
export const MAIL_SUBJECTS: Record<MailTemplate, string> = {
  'verify-email': 'Verify your email address for CareerCenter',
  'reset-password': 'Reset your CareerCenter password',
  'password-changed': 'Your CareerCenter password was changed',
  'organization-invitation': 'You are invited to join a hiring team on CareerCenter',
  'job-expiring': 'Your job posting expires in 3 days',
};

export const MAIL_TEMPLATES = Object.keys(MAIL_SUBJECTS) as MailTemplate[];
