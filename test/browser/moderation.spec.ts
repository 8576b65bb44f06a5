import { insertJob, signUp, verifyOrganization } from '../support/factories';
import { Admin } from './support/admin';
import { useSite } from './support/site';
import { Tab } from './support/tab';
import { VIEWPORTS } from './support/viewports';

const ORGANIZATION = 'Quickbill Coding Services';

describe.each(VIEWPORTS)('moderation at $name', (viewport) => {
  const site = useSite();
  let admin: Admin;
  let visitor: Tab;
  let jobPath: string;

  beforeAll(async () => {
    admin = await Admin.create(site, viewport);
    visitor = await site.open(viewport);
    const employer = await signUp(site.app.baseUrl, 'employer', site.app.dataSource, ORGANIZATION);
    await verifyOrganization(site.app.dataSource, employer.organizationId!);
    const job = await insertJob(site.app.dataSource, employer.organizationId!, { title: 'Remote Coder Paid Weekly' });
    await insertJob(site.app.dataSource, employer.organizationId!, { title: 'Coding Trainee Paid Weekly' });
    const other = await signUp(site.app.baseUrl, 'employer', site.app.dataSource, 'Lakeside Health Partners');
    await insertJob(site.app.dataSource, other.organizationId!, { title: 'Outpatient Coder Paid Weekly' });
    jobPath = `/jobs/${job.id}`;
  });

  /** The titles of the search's results for `q`, from the search form. */
  async function searchTitles(q: string, name: string): Promise<string[]> {
    const { page } = visitor;
    await visitor.goto('/jobs', `${name}-search`);
    await page.locator('#search-q').fill(q);
    await visitor.navigate(() => page.locator('#search-q').press('Enter'), name);
    return page.locator('.job-card-title').allInnerTexts();
  }

  it('a visitor reports a job from its page, and an admin sees the report and dismisses it', async () => {
    const { page } = visitor;
    await visitor.goto(jobPath, 'job-to-report');
    await visitor.navigate(() => page.getByRole('link', { name: 'Report this job' }).click(), 'report-form');
    await page.getByLabel('A scam or fake job').check();
    await page.getByLabel('Details (optional)').fill('They ask for a training fee before the interview.');
    await visitor.navigate(() => page.getByRole('button', { name: 'Send the report' }).click(), 'report-sent');
    expect(await visitor.text()).toContain('your report was sent to our team');

    await admin.tab.goto('/admin', 'admin-dashboard');
    expect(await admin.tab.text()).toMatch(/1\s+open reports/);
    await admin.tab.navigate(() => admin.tab.page.getByRole('link', { name: /open reports/ }).click(), 'admin-reports');
    expect(await admin.tab.text()).toContain('They ask for a training fee before the interview.');
    await admin.tab.navigate(
      () => admin.tab.page.getByRole('button', { name: 'Dismiss the reports on “Remote Coder Paid Weekly”' }).click(),
      'admin-reports-done',
    );
    expect(await admin.tab.text()).toContain('No open reports.');
  });

  it('an admin suspends an organization and its jobs disappear from search until it is reinstated', async () => {
    expect((await searchTitles('paid weekly', 'search-before')).sort()).toEqual([
      'Coding Trainee Paid Weekly',
      'Outpatient Coder Paid Weekly',
      'Remote Coder Paid Weekly',
    ]);
    await admin.suspendsOrganization(ORGANIZATION, 'Asks coders for fees.');
    expect(await searchTitles('paid weekly', 'search-suspended')).toEqual(['Outpatient Coder Paid Weekly']);
    await visitor.goto(jobPath, 'job-suspended', { status: 404 });

    await admin.tab.goto('/admin/audit', 'admin-audit');
    expect(await admin.tab.text()).toContain('Asks coders for fees.');
    await admin.reinstatesOrganization(ORGANIZATION);
    expect(await searchTitles('paid weekly', 'search-reinstated')).toHaveLength(3);
  });

  it('every admin page passes the checks', async () => {
    for (const [path, name] of [
      ['/admin/review', 'admin-review-empty'],
      ['/admin/users', 'admin-users'],
      ['/admin/organizations', 'admin-organizations-all'],
    ]) {
      await admin.tab.goto(path, name);
    }
    expect(await admin.tab.text()).toContain(ORGANIZATION);
  });
});
