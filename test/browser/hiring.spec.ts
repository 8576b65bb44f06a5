import { Page } from 'playwright-core';
import { pdfWithText, PDF_TYPE } from '../support/candidate-fixtures';
import { insertJob, signUp } from '../support/factories';
import { uniqueEmail } from '../support/http';
import { JobInsightCounter } from '../../src/insight/job-insight-counter';
import { Admin } from './support/admin';
import { NewAccount, submitRegistration, verifyEmail } from './support/forms';
import { useSite } from './support/site';
import { Tab } from './support/tab';
import { VIEWPORTS } from './support/viewports';

const TITLE = 'Risk Adjustment Coder (CRC)';
const SECOND_TITLE = 'Senior Risk Adjustment Coder (CRC)';

describe.each(VIEWPORTS)('hiring on CareerCenter at $name', (viewport) => {
  const site = useSite();
  const employerEmail = uniqueEmail('employer');
  const coderEmail = uniqueEmail('coder');
  let admin: Admin;
  let employer: Tab;
  let coder: Tab;

  beforeAll(async () => {
    admin = await Admin.create(site, viewport);
    // Other employers' jobs, so that the search has something to narrow down.
    const other = await signUp(site.app.baseUrl, 'employer', site.app.dataSource, 'Lakeside Health Partners');
    await insertJob(site.app.dataSource, other.organizationId!, { title: 'Outpatient Coder II' });
    await insertJob(site.app.dataSource, other.organizationId!, {
      title: 'Remote HCC Reviewer',
      workplace: 'remote',
      locations: [],
      locationStates: [],
      credentialCodes: ['CRC'],
    });
    await insertJob(site.app.dataSource, other.organizationId!, {
      title: 'Inpatient Coder',
      credentialCodes: ['CCS'],
      locations: [{ city: 'Salem', state: 'OR' }],
      locationStates: ['OR'],
    });
    employer = await site.open(viewport);
    coder = await site.open(viewport);
  });

  /** Ticks the checkbox `id`, first opening the folded group it is in (by its summary) when it is closed. */
  async function tick(page: Page, id: string): Promise<void> {
    const group = page.locator(`details:has(#${id})`);
    if ((await group.getAttribute('open')) === null) await group.locator('> summary').click();
    await page.locator(`#${id}`).check();
  }

  /** Registers through the form linked from the header, then verifies the email address from the emailed link. */
  async function register(tab: Tab, account: NewAccount): Promise<void> {
    await tab.goto('/', 'home');
    await tab.navigate(() => tab.page.getByRole('link', { name: 'Create account' }).click(), 'register');
    await submitRegistration(tab, account, 'account-new');
    expect(await tab.text()).toContain(`We have sent a link to ${account.email}`);
    await verifyEmail(site, tab, account.email);
    expect(await tab.text()).toMatch(/Email address status\s+Verified/);
  }

  it('an employer signs up, verifies the email address and posts a job, which an admin approves', async () => {
    const { page } = employer;
    await register(employer, { role: /I'm hiring/, name: 'Morgan Lee', email: employerEmail, organization: 'Cascade Valley Health' });

    await employer.navigate(() => page.getByRole('link', { name: 'Employer' }).click(), 'employer-dashboard-empty');
    await employer.navigate(() => page.getByRole('link', { name: 'Post a job' }).first().click(), 'job-form');
    await page.getByLabel('Job title').fill(TITLE);
    await page.getByLabel('Description', { exact: true }).fill('Review Medicare Advantage charts for HCC capture and validate risk adjustment diagnoses.');
    await page.getByLabel('Employment type').selectOption('FULL_TIME');
    await page.getByLabel(/^Hybrid/).check();
    await page.locator('[name=location1City]').fill('Portland');
    await page.locator('[name=location1State]').selectOption('OR');
    await tick(page, 'credentials-CRC');
    await tick(page, 'specialties-risk-adjustment-hcc');
    await employer.navigate(() => page.getByRole('button', { name: 'Publish', exact: true }).click(), 'employer-dashboard-pending');
    expect(await employer.text()).toContain('waits for a quick review');

    await admin.approvesJob(TITLE);
    await employer.goto('/employer', 'employer-dashboard');
    await employer.navigate(() => page.getByRole('link', { name: `View the public page of ${TITLE}` }).click(), 'job-employer-view');
    expect(await employer.text()).toContain('Cascade Valley Health');
  });

  it('a coder registers and builds a profile with a credential, a specialty and a PDF resume', async () => {
    const { page } = coder;
    await register(coder, { role: /I'm a coder/, name: 'Jordan Reyes', email: coderEmail });

    await coder.navigate(() => page.getByRole('link', { name: 'Profile', exact: true }).click(), 'profile-empty');
    await page.getByLabel('Headline').fill('CRC coder: risk adjustment and HCC validation');
    await page.locator('[name=credential1Code]').selectOption('CRC');
    await page.locator('[name=credential1Expires]').fill('2030-12-31');
    await page.locator('[name=specialty1Slug]').selectOption('risk-adjustment-hcc');
    await page.locator('[name=specialty1Years]').fill('4');
    await coder.navigate(() => page.getByRole('button', { name: 'Save your profile' }).click(), 'profile-saved');
    const profile = await coder.text();
    expect(profile).toContain('CRC coder: risk adjustment and HCC validation');
    expect(profile).toContain('Risk adjustment (HCC) coding: 4 years');

    await page.getByLabel('Upload a resume').setInputFiles({ name: 'Jordan Reyes resume.pdf', mimeType: PDF_TYPE, buffer: pdfWithText('Jordan Reyes, CRC') });
    await coder.navigate(() => page.getByRole('button', { name: 'Upload', exact: true }).click(), 'profile-resume');
    expect(await coder.text()).toContain('“Jordan Reyes resume.pdf” is uploaded and is your default resume.');
  });

  it('the coder narrows the search with its filters and saves it as an instant alert', async () => {
    const { page } = coder;
    await coder.navigate(() => page.getByRole('link', { name: 'Jobs', exact: true }).click(), 'search', { docs: ['390x844', '1280x800'] });
    expect(await coder.text()).toContain('4 jobs');
    await page.getByRole('checkbox', { name: /^CRC/ }).check();
    await page.getByRole('checkbox', { name: /^Hybrid/ }).check();
    await page.getByRole('checkbox', { name: /^Oregon/ }).check();
    await coder.navigate(() => page.getByRole('button', { name: 'Apply filters' }).click(), 'search-filtered');
    const results = await coder.text();
    expect(results).toContain('1 job');
    expect(results).toContain(TITLE);
    expect(results).not.toContain('Remote HCC Reviewer');

    await page.getByLabel('Email me new jobs like these').selectOption('instant');
    await coder.navigate(() => page.getByRole('button', { name: 'Create an alert for this search' }).click(), 'alerts');
    expect(await coder.text()).toMatch(/Your alert “.*” is saved: new matching jobs come to you by email as soon as they are posted/);
  });

  it('the coder applies with the resume from the profile', async () => {
    const { page } = coder;
    await coder.navigate(() => page.locator('.alert-list h2 a').click(), 'search-from-alert');
    await coder.navigate(() => page.getByRole('link', { name: TITLE }).click(), 'job', { docs: ['390x844'] });
    await coder.navigate(() => page.getByRole('link', { name: 'Apply now' }).click(), 'job-apply-form');
    expect(await page.getByLabel(/Jordan Reyes resume\.pdf/).isChecked()).toBe(true);
    await page.getByLabel(/Cover letter/).fill('Four years of HCC coding for a Medicare Advantage plan.');
    await coder.navigate(() => page.getByRole('button', { name: 'Send my application' }).click(), 'job-applied');
    expect(await coder.text()).toContain(`Your application for “${TITLE}” is on its way to Cascade Valley Health.`);
  });

  it('the employer moves the application to interviewing, and the coder sees the new status', async () => {
    const { page } = employer;
    await employer.goto('/employer', 'employer-dashboard-applicant');
    await employer.navigate(() => page.getByRole('link', { name: `1 applicant for ${TITLE}` }).click(), 'applicants');
    await employer.navigate(() => page.getByRole('link', { name: 'Jordan Reyes', exact: true }).click(), 'application');
    // The pipeline goes one stage at a time: reviewed, shortlisted, then interviewing.
    for (const [move, name] of [
      ['Mark as reviewed', 'reviewed'],
      ['Shortlist', 'shortlisted'],
      ['Invite to interview', 'interviewing'],
    ]) {
      await page.getByRole('radio', { name: new RegExp(`^${move}`) }).check();
      await employer.navigate(() => page.getByRole('button', { name: 'Save the stage' }).click(), `application-${name}`);
    }
    expect(await page.locator('.dashboard-head .badge').innerText()).toBe('Interviewing');

    await coder.navigate(() => coder.page.getByRole('link', { name: 'Applications', exact: true }).click(), 'applications', { docs: ['1280x800'] });
    const mine = coder.page.locator('.application-item', { hasText: TITLE });
    expect(await mine.locator('.application-meta .badge').first().innerText()).toBe('Interviewing');
  });

  it('the employer sees how the job is doing: the coder’s views, apply click and application', async () => {
    await site.app.app.get(JobInsightCounter).flush();
    const { page } = employer;
    await employer.goto('/employer', 'employer-dashboard-insight');
    // Opened at the insight, as its link in the preview's banner does, so the screenshot shows it.
    const preview = await page.getByRole('link', { name: TITLE, exact: true }).getAttribute('href');
    await employer.goto(`${preview}#insight-title`, 'job-insight', { docs: ['1280x800'] });
    const insight = page.locator('section.insight');
    await expect(insight.locator('svg[role=img]').count()).resolves.toBe(1);
    const totals = Object.fromEntries(
      await insight
        .locator('.insight-totals > div')
        .evaluateAll((rows) => rows.map((row) => [row.querySelector('dt')!.textContent, row.querySelector('dd')!.textContent])),
    );
    expect(totals).toMatchObject({ 'Unique visitors': '1', 'Apply clicks': '1', Applications: '1' });
    expect(Number(totals.Views)).toBeGreaterThanOrEqual(1);
  });

  it('the coder’s alert emails a second matching job as soon as it is published', async () => {
    const { page } = employer;
    await employer.goto('/employer', 'employer-dashboard-second');
    await employer.navigate(() => page.getByRole('button', { name: `Duplicate ${TITLE}` }).click(), 'job-form-copy');
    await page.getByLabel('Job title').fill(SECOND_TITLE);
    await employer.navigate(() => page.getByRole('button', { name: 'Publish', exact: true }).click(), 'employer-dashboard-second-pending');
    await admin.approvesJob(SECOND_TITLE);

    const mail = await site.smtp.waitFor((m) => m.to.includes(coderEmail) && m.subject.startsWith('New job for your alert'));
    expect(mail.subject).toContain(SECOND_TITLE);
    expect(mail.text).toContain('Cascade Valley Health');
  });
});
