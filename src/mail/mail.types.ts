/** Every email we send, with the data its templates need. Templates: views/emails/<name>.html.hbs and <name>.text.hbs */
export interface MailContexts {
  'verify-email': { name: string; link: string };
  'reset-password': { name: string; link: string };
  'password-changed': { name: string; resetLink: string };
  /** An invitation to an organization's team; `link` opens the page that accepts it. */
  'organization-invitation': { organizationName: string; inviterName: string; role: 'owner' | 'recruiter'; link: string; expiresOn: string };
  /** Three days before a posting expires; `extendLink` renews it in one click. */
  'job-expiring': { name: string; jobTitle: string; expiresOn: string; extendLink: string; jobLink: string };
  /** An admin sent a posting back from review; `reason` is theirs, `editLink` opens the posting's form. */
  'job-rejected': { name: string; jobTitle: string; reason: string; editLink: string };
  /** Reports from several people took a posting off the site until an admin reviews it. */
  'job-paused': { name: string; jobTitle: string; reporters: number; dashboardLink: string };
  /** The candidate's receipt for an application. */
  'application-received': {
    name: string;
    jobTitle: string;
    organizationName: string;
    appliedOn: string;
    resumeName: string | null;
    jobLink: string;
    applicationsLink: string;
  };
  /** To each member of the organization who chose an email per new application. */
  'application-new': {
    name: string;
    candidateName: string;
    jobTitle: string;
    appliedOn: string;
    /** An answer is one the employer flags (a knockout). */
    flagged: boolean;
    applicationLink: string;
    applicantsLink: string;
    settingsLink: string;
  };
  /** To the candidate when an employer moves an application to interviewing, offered, hired or rejected (one flag is true). */
  'application-status': {
    name: string;
    jobTitle: string;
    organizationName: string;
    interviewing: boolean;
    offered: boolean;
    hired: boolean;
    rejected: boolean;
    /** The employer's personal message, if any. */
    message: string | null;
    applicationsLink: string;
    searchLink: string;
  };
  /** To candidates still in the pipeline when the job closes as filled. */
  'application-job-filled': { name: string; jobTitle: string; organizationName: string; searchLink: string; applicationsLink: string };
  /** Once a day to a member who chose the digest: new applications to the organization's jobs. */
  'applications-digest': {
    name: string;
    organizationName: string;
    totalLabel: string;
    jobs: Array<{ title: string; countLabel: string; link: string }>;
    dashboardLink: string;
    settingsLink: string;
  };
  /** "Invite to apply": to a candidate an organization found in candidate search. */
  'candidate-invitation': { name: string; organizationName: string; jobTitle: string; jobLink: string; message: string | null; invitationsLink: string };
  /** To the member who sent an invitation (or the owners, if they left) when the candidate accepts it. */
  'candidate-invitation-accepted': { name: string; candidateName: string; candidateEmail: string; jobTitle: string; invitationsLink: string };
  /** Double opt-in: a visitor asked for a job alert at this address; nothing is sent until `confirmLink` is opened. */
  'alert-confirm': { alertName: string; frequencyLabel: string; searchLink: string; confirmLink: string };
  /** New jobs matching an instant alert, as soon as they are published. */
  'alert-instant': AlertEmail;
  /** The jobs an alert matched since its last digest (daily, weekly, or past the daily cap of instant emails), newest first. */
  'alert-digest': AlertEmail & { daily: boolean; weekly: boolean; capped: boolean };
}

/** One job in an alert email. */
export interface AlertEmailJob {
  title: string;
  company: string;
  /** Workplace and place: "Hybrid · Austin, TX", "Remote · Any US state". */
  where: string;
  salary: string | null;
  credentials: Array<{ code: string; name: string }>;
  link: string;
}

/** What every alert email holds besides its kind. */
export interface AlertEmail {
  alertName: string;
  /** The subscribed address, named in the footer: why this email came. */
  address: string;
  jobs: AlertEmailJob[];
  /** The alert's search on the board: every job that matches it. */
  searchLink: string;
  manageLink: string;
  unsubscribeLink: string;
  postalAddress: string;
}

export type MailTemplate = keyof MailContexts;

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What an alert email's subject is made of: known when the email is recorded, before its links are made at sending. */
export type AlertSubject = Pick<AlertEmail, 'alertName' | 'jobs'> & { weekly?: boolean };

/**
 * The subject of each email, or how to make it from (part of) the email's
 * context; a new template does not compile until it has one.
 */
export const MAIL_SUBJECTS = {
  'verify-email': 'Verify your email address for CareerCenter',
  'reset-password': 'Reset your CareerCenter password',
  'password-changed': 'Your CareerCenter password was changed',
  'organization-invitation': 'You are invited to join a hiring team on CareerCenter',
  'job-expiring': 'Your job posting expires in 3 days',
  'job-rejected': 'Your job posting needs changes before it goes live',
  'job-paused': 'Your job posting is paused for review',
  'application-received': 'Your job application was sent',
  'application-new': 'A new application for your job posting',
  'application-status': 'An update on your job application',
  'application-job-filled': 'A job you applied to has been filled',
  'applications-digest': 'Your daily summary of new applications',
  'candidate-invitation': 'An employer invites you to apply on CareerCenter',
  'candidate-invitation-accepted': 'A candidate accepted your invitation to apply',
  'alert-confirm': 'Confirm your CareerCenter job alert',
  'alert-instant': ({ alertName, jobs }: AlertSubject) =>
    jobs.length === 1
      ? `New job for your alert “${alertName}”: ${jobs[0].title}`
      : `${count(jobs.length, 'new job', 'new jobs')} for your alert “${alertName}”`,
  'alert-digest': ({ alertName, jobs, weekly }: AlertSubject) =>
    `${count(jobs.length, 'new job', 'new jobs')} for your alert “${alertName}” since ${weekly ? 'last week' : 'yesterday'}`,
} satisfies { [T in MailTemplate]: string | ((context: MailContexts[T]) => string) };

/** What the subject of template T is made from. */
export type SubjectContext<T extends MailTemplate> = (typeof MAIL_SUBJECTS)[T] extends (context: infer C) => string ? C : MailContexts[T];

export const MAIL_TEMPLATES = Object.keys(MAIL_SUBJECTS) as MailTemplate[];
