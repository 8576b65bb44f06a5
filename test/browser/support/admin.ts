import { AuthService } from '../../../src/auth/auth.service';
import { uniqueEmail, GOOD_PASSWORD } from '../../support/http';
import { signIn } from './forms';
import { Site } from './site';
import { Tab } from './tab';
import { Viewport } from './viewports';

/** An administrator working the /admin pages in a tab of their own. */
export class Admin {
  private constructor(readonly tab: Tab) {}

  /** A new administrator, made the way `npm run admin:create` makes one, signed in through the sign-in form. */
  static async create(site: Site, viewport: Viewport): Promise<Admin> {
    const email = uniqueEmail('admin');
    await site.app.app.get(AuthService).createAdmin({ email, password: GOOD_PASSWORD, name: 'Site Admin' });
    const tab = await site.open(viewport);
    await signIn(tab, email);
    return new Admin(tab);
  }

  /** Approves a posting from the review queue: it goes live. */
  async approvesJob(title: string): Promise<void> {
    await this.tab.goto('/admin/review', 'admin-review');
    await this.tab.navigate(() => this.tab.page.getByRole('button', { name: `Approve “${title}”` }).click(), 'admin-review-approved');
    expect(await this.tab.text()).toContain(`“${title}” is published.`);
  }

  /** Suspends an organization from the organizations page, giving `reason`. */
  async suspendsOrganization(name: string, reason: string): Promise<void> {
    const { page } = this.tab;
    await this.tab.goto(`/admin/organizations?q=${encodeURIComponent(name)}`, 'admin-organizations');
    const item = page.locator('li.admin-item', { has: page.getByRole('heading', { name }) });
    await item.locator('summary', { hasText: `Suspend ${name}` }).click();
    await item.getByLabel('Reason (kept in the audit log)').fill(reason);
    await this.tab.navigate(() => item.getByRole('button', { name: `Suspend ${name}` }).click(), 'admin-organizations-suspended');
    expect(await this.tab.text()).toContain('The organization is suspended');
  }

  async reinstatesOrganization(name: string): Promise<void> {
    await this.tab.goto(`/admin/organizations?q=${encodeURIComponent(name)}`, 'admin-organizations-to-reinstate');
    await this.tab.navigate(() => this.tab.page.getByRole('button', { name: `Reinstate ${name}` }).click(), 'admin-organizations-reinstated');
    expect(await this.tab.text()).toContain('The organization is reinstated');
  }
}
