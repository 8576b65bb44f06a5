import { pdfWithText, PDF_TYPE, uploadResume } from '../support/candidate-fixtures';
import { insertJob, signUp, SignedUp, verifyOrganization } from '../support/factories';
import { GOOD_PASSWORD } from '../support/http';
import { tabTo } from './support/keyboard';
import { useSite } from './support/site';
import { Tab } from './support/tab';
import { VIEWPORTS } from './support/viewports';

const TITLE = 'Pro-fee Coder (CPC)';

describe.each(VIEWPORTS)('with the keyboard alone at $name', (viewport) => {
  const site = useSite();
  let coder: SignedUp;
  let tab: Tab;

  beforeAll(async () => {
    const employer = await signUp(site.app.baseUrl, 'employer', site.app.dataSource, 'Brightwater Clinics');
    await verifyOrganization(site.app.dataSource, employer.organizationId!);
    await insertJob(site.app.dataSource, employer.organizationId!, { title: TITLE, applyMethod: 'onsite', applyUrl: null });
    await insertJob(site.app.dataSource, employer.organizationId!, { title: 'Inpatient Coder (CCS)', credentialCodes: ['CCS'] });
    coder = await signUp(site.app.baseUrl, 'candidate', site.app.dataSource);
    await site.app.dataSource.query(`UPDATE users SET email_verified = true WHERE id = $1`, [coder.id]);
    await uploadResume(site.app.baseUrl, coder.token, { bytes: pdfWithText('Sam Patel, CPC'), name: 'Sam Patel resume.pdf', type: PDF_TYPE });
    tab = await site.open(viewport);
  });

  const press = (key: string) => () => tab.page.keyboard.press(key);

  it('signs in, and is told when the password is wrong', async () => {
    const { page } = tab;
    await tab.goto('/', 'home');
    await tabTo(page, /^link "Skip to main content"/, 1);
    await tabTo(page, /^link "Sign in"/);
    await tab.navigate(press('Enter'), 'login');

    await tabTo(page, /^textbox "Email address"/);
    await page.keyboard.type(coder.email);
    await tabTo(page, /^textbox "Password"/, 1);
    await page.keyboard.type('not the password at all');
    await tab.navigate(press('Enter'), 'login-refused', { status: 401 });
    expect(await tab.text()).toContain('The email or password is incorrect.');

    await tabTo(page, /^textbox "Password"/);
    await page.keyboard.type(GOOD_PASSWORD);
    await tab.navigate(press('Enter'), 'home-signed-in');
    expect(await page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
  });

  it('searches and narrows the results with a filter', async () => {
    const { page } = tab;
    await tabTo(page, /^link "Jobs"/);
    await tab.navigate(press('Enter'), 'search');
    await tabTo(page, /^searchbox "Keywords"/);
    await page.keyboard.type('coder');
    await tab.navigate(press('Enter'), 'search-words');
    expect(await tab.text()).toContain('2 jobs');

    await tabTo(page, /^checkbox "CPC/);
    await page.keyboard.press('Space');
    await tabTo(page, /^button "Apply filters"/);
    await tab.navigate(press('Enter'), 'search-words-filtered');
    const results = await tab.text();
    expect(results).toContain('1 job');
    expect(results).toContain(TITLE);
  });

  it('applies with the resume on the profile', async () => {
    const { page } = tab;
    await tabTo(page, new RegExp(`^link "${TITLE.replace(/[()]/g, '\\$&')}"`), 60);
    await tab.navigate(press('Enter'), 'job');
    await tabTo(page, /^link "Apply now"/);
    await tab.navigate(press('Enter'), 'job-apply-form');
    // The link leads to the form: focus starts there, at the resume chosen by default.
    await tabTo(page, /^radio "Sam Patel resume\.pdf.*" \[checked\]/, 1);
    await tabTo(page, /^textbox "Cover letter/);
    await page.keyboard.type('Five years of pro-fee coding.');
    await tabTo(page, /^button "Send my application"/);
    await tab.navigate(press('Enter'), 'job-applied');
    expect(await tab.text()).toContain(`Your application for “${TITLE}” is on its way to Brightwater Clinics.`);
  });
});
