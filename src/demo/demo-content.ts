import type { UserRole } from '../users/user.entity';

/**
 * What the demo dataset contains. Every name here is made up; the emails use
 * a reserved `.test` domain so no demo message can reach a real inbox.
 * Identity is by email (users) and by owner plus name (organizations), so
 * loading again finds what an earlier load made.
 */

/** Every demo account signs in with this password (documented in the README). */
export const DEMO_PASSWORD = 'demo-password-2026';

export const DEMO_EMAIL_DOMAIN = 'demo.careercenter.test';

export interface DemoUser {
  email: string;
  name: string;
  role: Extract<UserRole, 'candidate' | 'employer'>;
}

export interface DemoOrganization {
  name: string;
  /** Email of the owning employer account. */
  owner: string;
  /** Emails of employer accounts that recruit for the organization. */
  recruiters: string[];
}

const email = (localPart: string) => `${localPart}@${DEMO_EMAIL_DOMAIN}`;

export const DEMO_USERS: DemoUser[] = [
  // Employers: the person who opened the organization's account, and one recruiter.
  { email: email('denise.okafor'), name: 'Denise Okafor', role: 'employer' },
  { email: email('marcus.bell'), name: 'Marcus Bell', role: 'employer' },
  { email: email('priya.raman'), name: 'Priya Raman', role: 'employer' },
  { email: email('tom.kowalski'), name: 'Tom Kowalski', role: 'employer' },
  { email: email('angela.ruiz'), name: 'Angela Ruiz', role: 'employer' },
  // Coders looking for work.
  { email: email('jasmine.carter'), name: 'Jasmine Carter', role: 'candidate' },
  { email: email('luis.hernandez'), name: 'Luis Hernandez', role: 'candidate' },
  { email: email('emily.nguyen'), name: 'Emily Nguyen', role: 'candidate' },
  { email: email('robert.thompson'), name: 'Robert Thompson', role: 'candidate' },
  { email: email('keisha.williams'), name: 'Keisha Williams', role: 'candidate' },
];

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  // A hospital system hiring inpatient and outpatient facility coders.
  { name: 'Prairie Meridian Health System', owner: email('denise.okafor'), recruiters: [email('marcus.bell')] },
  // A multi-specialty physician group hiring professional-fee coders.
  { name: 'Alder Creek Multispecialty Group', owner: email('priya.raman'), recruiters: [] },
  // A revenue-cycle company doing coding and billing for clinics.
  { name: 'Northpoint Revenue Cycle Partners', owner: email('tom.kowalski'), recruiters: [] },
  // A risk-adjustment vendor reviewing charts for HCC capture.
  { name: 'Sable Ridge Risk Analytics', owner: email('angela.ruiz'), recruiters: [] },
];
