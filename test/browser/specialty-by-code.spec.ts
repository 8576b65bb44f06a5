import { Page } from 'playwright-core';
import { signUp } from '../support/factories';
import { signIn } from './support/forms';
import { useSite } from './support/site';
import { VIEWPORTS } from './support/viewports';

describe.each(VIEWPORTS)('"Find a specialty by code" at $name', (viewport) => {
  const site = useSite();

  /** Types `code` into the box, asks for it, and chooses the specialty offered. */
  async function findAndChoose(page: Page, code: string, specialty: string): Promise<void> {
    await page.getByLabel('Find a specialty by code').fill(code);
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.getByRole('button', { name: `Choose ${specialty}` }).click();
  }

  it('ticks the specialty of a CPT code on the job form', async () => {
    const employer = await signUp(site.app.baseUrl, 'employer', site.app.dataSource);
    const tab = await site.open(viewport);
    await signIn(tab, employer.email);
    await tab.goto('/employer/jobs/new', 'job-form');
    await findAndChoose(tab.page, '21925', 'Surgery: Musculoskeletal System');
    expect(await tab.page.locator('.specialty-results').innerText()).toContain('CPT 21925');
    const box = tab.page.locator('#specialties-surgery-musculoskeletal');
    expect(await box.isChecked()).toBe(true);
    expect(await box.evaluate((el) => el.matches(':focus'))).toBe(true);
    await tab.arrived('job-form-specialty-by-code');
  });

  it('fills the first free specialty row of the coder profile', async () => {
    const coder = await signUp(site.app.baseUrl, 'candidate', site.app.dataSource);
    const tab = await site.open(viewport);
    await signIn(tab, coder.email);
    await tab.goto('/me/profile', 'profile');
    await findAndChoose(tab.page, '21925', 'Surgery: Musculoskeletal System');
    expect(await tab.page.locator('[name=specialty1Slug]').inputValue()).toBe('surgery-musculoskeletal');
    await tab.arrived('profile-specialty-by-code');
  });
});
