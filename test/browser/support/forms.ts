import { GOOD_PASSWORD } from '../../support/http';
import { Site } from './site';
import { Tab } from './tab';

export interface NewAccount {
  /** The "How will you use CareerCenter?" choice, by its label. */
  role: RegExp;
  name: string;
  email: string;
  organization?: string;
}

/** Fills in the registration form the tab shows and sends it; the tab lands where the form sends new accounts. */
export async function submitRegistration(tab: Tab, account: NewAccount, landing: string): Promise<void> {
  const { page } = tab;
  await page.getByLabel(account.role).check();
  await page.getByLabel('Your name').fill(account.name);
  if (account.organization) await page.getByLabel('Organization name').fill(account.organization);
  await page.getByLabel('Email address').fill(account.email);
  await page.getByLabel('Password').fill(GOOD_PASSWORD);
  await tab.navigate(() => page.getByRole('button', { name: 'Create account' }).click(), landing);
}

/** Opens the verification link mailed to `email` and confirms it, as its owner does. */
export async function verifyEmail(site: Site, tab: Tab, email: string): Promise<void> {
  await tab.goto(await site.mailedPath(email, '/verify-email'), 'verify-email');
  await tab.navigate(() => tab.page.getByRole('button', { name: 'Verify my email address' }).click(), 'account-verified');
}

/** Signs in through the sign-in form. */
export async function signIn(tab: Tab, email: string): Promise<void> {
  await tab.goto('/login', 'login');
  await tab.page.getByLabel('Email address').fill(email);
  await tab.page.getByLabel('Password').fill(GOOD_PASSWORD);
  await tab.navigate(() => tab.page.getByRole('button', { name: 'Sign in' }).click(), 'account');
}
