import { Clock } from '../src/common/clock';
import { Job } from '../src/jobs/job.entity';
import { jobPath } from '../src/jobs/job-paths';
import { Browser, csrfOf, FormFields, Page } from './support/browser';
import { insertJob, SignedUp, signUp, verifyOrganization } from './support/factories';
import { GOOD_PASSWORD } from './support/http';
import { createTestApp, TestApp } from './support/test-app';

const DAY_MS = 86400_000;

/** A complete posting as the web form sends it: a hybrid CPC-or-CCS job in Austin, TX. */
function jobFields(overrides: FormFields = {}): FormFields {
  return {
    title: 'Outpatient Coder II (CPC or CCS)',
    description: 'Code **professional-fee** E/M visits and minor procedures for a busy clinic.',
    employmentType: 'FULL_TIME',
    workplace: 'hybrid',
    location1City: 'Austin',
    location1State: 'TX',
    location1PostalCode: '78701',
    location2City: '',
    location2State: '',
    location2PostalCode: '',
    location3City: '',
    location3State: '',
    location3PostalCode: '',
    remoteScope: 'any',
    salaryMin: '52,000',
    salaryMax: '64000',
    salaryCurrency: 'USD',
    salaryPeriod: 'YEAR',
    credentials: ['CPC', 'CCS'],
    apprenticeFriendly: 'yes',
    specialties: ['cpt-evaluation-management', 'surgery-musculoskeletal'],
    settings: ['pro-fee'],
    minYearsExperience: '2',
    tools: 'Epic, 3M, epic',
    productivity: '20 charts an hour after training',
    applyMethod: 'url',
    applyUrl: 'https://careers.example.org/apply/42',
    applyEmail: '',
    validThrough: '',
    intent: 'draft',
    ...overrides,
  };
}

/** The HTML of one status section of the dashboard ('' when the dashboard has no such section). */
function sectionOf(page: Page, status: string): string {
  const start = page.html.indexOf(`id="section-${status}"`);
  return start < 0 ? '' : page.html.slice(start, page.html.indexOf('</section>', start));
}

/** The form group (div or fieldset) whose error message belongs to the input `name`. */
function errorOf(page: Page, name: string): string | undefined {
  return new RegExp(`<p class="field-error" id="${name}-error">([^<]*)</p>`).exec(page.html)?.[1].trim();
}

describe('employer job pages on the web', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_AUTH_PER_IP: '1000' });
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  const jobRow = async (id: string): Promise<Job | null> => t.dataSource.getRepository(Job).findOneBy({ id });
  const jobsOf = (organizationId: string): Promise<Job[]> => t.dataSource.getRepository(Job).find({ where: { organizationId }, order: { createdAt: 'ASC' } });

  /** An employer (signed up through the API) signed in on the web, with a verified organization unless told otherwise. */
  async function employer(options: { verified?: boolean } = {}): Promise<{ b: Browser; account: SignedUp; organizationId: string }> {
    const account = await signUp(t.baseUrl, 'employer', t.dataSource, 'Riverside Health');
    if (options.verified !== false) await verifyOrganization(t.dataSource, account.organizationId!);
    const b = new Browser(t.baseUrl);
    const signedIn = await b.submit('/login', '/login', { email: account.email, password: GOOD_PASSWORD, next: '/employer' });
    expect(signedIn.location).toBe('/employer');
    return { b, account, organizationId: account.organizationId! };
  }

  /** Submits the posting form at `path` as the browser would, with that page's CSRF token. */
  const submitForm = (b: Browser, path: string, fields: FormFields) => b.submit(path, path, fields);

  /** Posts one of the dashboard's action forms for `jobId`. */
  async function act(b: Browser, jobId: string, action: string, fields: FormFields = {}): Promise<Page> {
    const dashboard = await b.get('/employer');
    return b.post(`/employer/jobs/${jobId}/${action}`, { _csrf: csrfOf(dashboard.html), ...fields });
  }

  describe('the dashboard', () => {
    it('sends a signed-out visitor to sign in and back', async () => {
      const page = await new Browser(t.baseUrl).get('/employer');
      expect(page.status).toBe(303);
      expect(page.location).toBe('/login?next=%2Femployer');
    });

    it('refuses a coder with 403', async () => {
      const coder = await signUp(t.baseUrl, 'candidate', t.dataSource);
      const b = new Browser(t.baseUrl);
      await b.submit('/login', '/login', { email: coder.email, password: GOOD_PASSWORD });
      const page = await b.get('/employer');
      expect(page.status).toBe(403);
      expect(page.text).toContain('Your account does not have access to this page.');
      expect((await b.get('/employer/jobs/new')).status).toBe(403);
    });

    it('welcomes a new employer with their organization, team links and a way to post the first job', async () => {
      const { b } = await employer({ verified: false });
      const page = await b.get('/employer');
      expect(page.status).toBe(200);
      expect(page.html).toContain('<title>Your jobs · CareerCenter</title>');
      expect(page.text).toContain('Riverside Health Not verified yet');
      expect(page.text).toContain('each job you publish waits for a quick review');
      expect(page.text).toContain('No jobs yet');
      for (const href of ['/employer/jobs/new', '/employer/organization', '/employer/team']) expect(page.html).toContain(`href="${href}"`);
      expect(page.html).toMatch(/<li><a href="\/employer">Employer<\/a><\/li>/);
    });

    it('tells an employer without an organization why there is nothing to show', async () => {
      const { b, account } = await employer();
      await t.dataSource.query(`DELETE FROM organization_members WHERE user_id = $1`, [account.id]);
      const page = await b.get('/employer');
      expect(page.status).toBe(200);
      expect(page.text).toContain('Your account is not part of an organization');
      expect(page.html).not.toContain('href="/employer/jobs/new"');
    });

    it('groups the jobs by status with the dates and the actions each status allows', async () => {
      const { b, organizationId } = await employer();
      const now = Date.now();
      const published = await insertJob(t.dataSource, organizationId, { title: 'Risk Adjustment Coder', validThrough: new Date(now + 20 * DAY_MS) });
      const draft = await insertJob(t.dataSource, organizationId, { title: 'Inpatient Coder', status: 'draft', publishedAt: null, validThrough: null });
      const pending = await insertJob(t.dataSource, organizationId, { title: 'ED Coder', status: 'pending_review', publishedAt: null });
      const closed = await insertJob(t.dataSource, organizationId, { title: 'Pro-fee Coder', status: 'closed', closedAt: new Date(), closeReason: 'filled' });
      const expired = await insertJob(t.dataSource, organizationId, { title: 'Surgery Coder', status: 'expired', validThrough: new Date(now - DAY_MS) });
      const page = await b.get('/employer');

      const sections = ['Drafts', 'Pending review', 'Published', 'Closed', 'Expired'].map((title) => page.text.indexOf(`${title} 1`));
      expect(sections.every((at) => at >= 0)).toBe(true);
      expect([...sections].sort((x, y) => x - y)).toEqual(sections);

      const drafts = sectionOf(page, 'draft');
      expect(drafts).toContain('Inpatient Coder');
      expect(drafts).toContain(`action="/employer/jobs/${draft.id}/publish"`);
      expect(drafts).toContain(`action="/employer/jobs/${draft.id}/delete"`);
      expect(drafts).toContain(`href="/employer/jobs/${draft.id}/edit"`);
      expect(drafts).not.toContain('/close"');

      const live = sectionOf(page, 'published');
      expect(live).toContain('Risk Adjustment Coder');
      expect(live).toContain(`href="${jobPath(published)}"`);
      const validThrough = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(published.validThrough!);
      expect(live).toContain(`<dt>Valid through</dt><dd>${validThrough}</dd>`);
      expect(live).toContain('<dt>Published</dt>');
      expect(live).toContain(`action="/employer/jobs/${published.id}/close"`);
      expect(live).toContain(`action="/employer/jobs/${published.id}/renew"`);
      expect(live).not.toContain('/delete"');
      expect(live).not.toContain('/publish"');

      const waiting = sectionOf(page, 'pending_review');
      expect(waiting).toContain(`action="/employer/jobs/${pending.id}/close"`);
      expect(waiting).not.toContain('/renew"');

      const done = sectionOf(page, 'closed');
      expect(done).toContain('<dt>Filled</dt>');
      expect(done).toContain(`action="/employer/jobs/${closed.id}/duplicate"`);
      expect(done).not.toContain('/edit"');

      expect(sectionOf(page, 'expired')).toContain(`action="/employer/jobs/${expired.id}/renew"`);
    });

    it("shows only the employer's own organization's jobs", async () => {
      const { b } = await employer();
      const other = await signUp(t.baseUrl, 'employer', t.dataSource);
      await insertJob(t.dataSource, other.organizationId!, { title: 'Someone Else’s Coder' });
      const page = await b.get('/employer');
      expect(page.text).not.toContain('Someone Else’s Coder');
      expect(page.text).toContain('No jobs yet');
    });
  });

  describe('the posting form', () => {
    it('offers every field with labels, limits and the taxonomy choices', async () => {
      const { b } = await employer();
      const page = await b.get('/employer/jobs/new');
      expect(page.status).toBe(200);
      expect(page.html).toContain('<title>Post a job · CareerCenter</title>');
      expect(page.html).toMatch(/<input id="title" name="title" type="text" required minlength="3" maxlength="120"/);
      expect(page.html).toMatch(/<textarea id="description" name="description" rows="14" required minlength="20" maxlength="20000"/);
      expect(page.text).toContain('You can use Markdown');
      expect(page.html).toContain('<option value="PER_DIEM">Per diem</option>');
      for (const w of ['onsite', 'hybrid', 'remote']) expect(page.html).toContain(`id="workplace-${w}" name="workplace" value="${w}"`);
      for (const row of [1, 2, 3]) {
        expect(page.html).toContain(`<label for="location${row}City">City</label>`);
        expect(page.html).toContain(`<select id="location${row}State" name="location${row}State"`);
        expect(page.html).toContain(`<label for="location${row}PostalCode">ZIP code</label>`);
      }
      expect(page.html).toContain('<option value="PR">Puerto Rico</option>');
      expect(page.html).toContain('id="remoteStates-WY" name="remoteStates" value="WY"');
      expect(page.html).toMatch(/id="salaryCurrency" name="salaryCurrency" type="text" value="USD"/);
      expect(page.text).toContain('jobs that show pay get more applicants');
      expect(page.html).toContain('<summary>AHIMA</summary>');
      expect(page.html).toContain('id="credentials-CCS" name="credentials" value="CCS"');
      expect(page.text).toContain('a coder needs any one of them');
      expect(page.html).toContain('<summary>Surgery subsections</summary>');
      expect(page.html).toContain('id="specialties-risk-adjustment-hcc" name="specialties" value="risk-adjustment-hcc"');
      expect(page.html).toContain('id="settings-pro-fee" name="settings" value="pro-fee"');
      expect(page.html).not.toContain('id="specialties-pro-fee"');
      expect(page.html).toContain('id="applyMethod-onsite" name="applyMethod" value="onsite" checked');
      expect(page.html).toContain('<input id="validThrough" name="validThrough" type="date"');
      expect(page.html).toContain('<button type="submit" name="intent" value="draft" class="button button-secondary">Save draft</button>');
      expect(page.html).toContain('<button type="submit" name="intent" value="publish" class="button">Publish</button>');
    });

    it('saves a draft, shows it under Drafts and stores every field', async () => {
      const { b, account, organizationId } = await employer();
      const saved = await submitForm(b, '/employer/jobs/new', jobFields());
      expect(saved.status).toBe(303);
      expect(saved.location).toBe('/employer');

      const dashboard = await b.get('/employer');
      expect(dashboard.text).toContain('“Outpatient Coder II (CPC or CCS)” is saved as a draft.');
      expect(sectionOf(dashboard, 'draft')).toContain('Outpatient Coder II (CPC or CCS)');
      expect(sectionOf(dashboard, 'draft')).toContain('Full-time · Hybrid · Austin, TX');

      const [job] = await jobsOf(organizationId);
      expect(job).toMatchObject({
        status: 'draft',
        createdBy: account.id,
        title: 'Outpatient Coder II (CPC or CCS)',
        employmentType: 'FULL_TIME',
        workplace: 'hybrid',
        locations: [{ city: 'Austin', state: 'TX', postalCode: '78701' }],
        locationStates: ['TX'],
        remoteStates: [],
        salaryMin: 52000,
        salaryMax: 64000,
        salaryCurrency: 'USD',
        salaryPeriod: 'YEAR',
        credentialCodes: ['CPC', 'CCS'],
        apprenticeFriendly: true,
        specialtySlugs: ['cpt-evaluation-management', 'surgery-musculoskeletal'],
        settingSlugs: ['pro-fee'],
        minYearsExperience: 2,
        tools: ['Epic', '3M'],
        productivity: '20 charts an hour after training',
        applyMethod: 'url',
        applyUrl: 'https://careers.example.org/apply/42',
        applyEmail: null,
        validThrough: null,
        publishedAt: null,
      });
      expect(job.descriptionHtml).toContain('<strong>professional-fee</strong>');
    });

    it('opens a saved job filled in, and saving changes it, including emptied fields', async () => {
      const { b, organizationId } = await employer();
      await submitForm(b, '/employer/jobs/new', jobFields());
      const [job] = await jobsOf(organizationId);

      const form = await b.get(`/employer/jobs/${job.id}/edit`);
      expect(form.status).toBe(200);
      expect(form.html).toContain('<title>Edit draft · CareerCenter</title>');
      expect(form.html).toContain('value="Outpatient Coder II (CPC or CCS)"');
      expect(form.html).toContain('>Code **professional-fee** E/M visits and minor procedures for a busy clinic.</textarea>');
      expect(form.html).toContain('id="workplace-hybrid" name="workplace" value="hybrid" required checked');
      expect(form.html).toMatch(/<select id="location1State"[\s\S]*?<option value="TX" selected>Texas<\/option>/);
      expect(form.html).toContain('id="credentials-CPC" name="credentials" value="CPC" checked');
      expect(form.html).toContain('id="credentials-COC" name="credentials" value="COC">');
      expect(form.html).toContain('id="specialties-surgery-musculoskeletal" name="specialties" value="surgery-musculoskeletal" checked');
      expect(form.html).toContain('<option value="YEAR" selected>Per year</option>');
      expect(form.html).toContain('id="tools" name="tools" type="text" value="Epic, 3M"');
      expect(form.html).toContain('id="apprenticeFriendly-yes" name="apprenticeFriendly" value="yes" checked');

      const saved = await submitForm(
        b,
        `/employer/jobs/${job.id}/edit`,
        jobFields({
          title: 'Remote Coder II',
          workplace: 'remote',
          location1City: '',
          location1State: '',
          location1PostalCode: '',
          remoteScope: 'states',
          remoteStates: ['TX', 'OK'],
          salaryMin: '',
          salaryMax: '',
          salaryPeriod: '',
          credentials: 'CCS',
          apprenticeFriendly: [],
          minYearsExperience: '',
          tools: '',
          productivity: '',
          applyMethod: 'email',
          applyEmail: 'jobs@riverside.example',
        }),
      );
      expect(saved.status).toBe(303);
      expect(await jobRow(job.id)).toMatchObject({
        status: 'draft',
        title: 'Remote Coder II',
        workplace: 'remote',
        locations: [],
        remoteStates: ['TX', 'OK'],
        salaryMin: null,
        salaryMax: null,
        salaryPeriod: null,
        credentialCodes: ['CCS'],
        apprenticeFriendly: false,
        minYearsExperience: null,
        tools: [],
        productivity: null,
        applyMethod: 'email',
        applyUrl: null,
        applyEmail: 'jobs@riverside.example',
      });
    });

    it('re-renders a refused form with 422, each message by its input and everything typed kept', async () => {
      const { b, organizationId } = await employer();
      const page = await submitForm(
        b,
        '/employer/jobs/new',
        jobFields({
          title: 'X',
          location1City: '',
          location2City: 'Tulsa',
          location2State: '',
          salaryMin: '70000',
          salaryMax: '60000',
          applyMethod: 'url',
          applyUrl: '',
          specialties: [],
          description: 'Too <b>short</b>',
        }),
      );
      expect(page.status).toBe(422);
      expect(page.html).toContain('<title>Error: Post a job · CareerCenter</title>');
      expect(page.text).toContain('Some fields need attention.');
      expect(errorOf(page, 'title')).toBe('Enter a title of at least 3 characters.');
      expect(errorOf(page, 'description')).toBe('Describe the job in at least 20 characters.');
      expect(errorOf(page, 'location1City')).toBe('Enter a city.');
      expect(errorOf(page, 'location2State')).toBe('Use a two-letter US state code, such as TX.');
      expect(page.html).toContain('id="location2City" name="location2City" type="text" value="Tulsa"');
      // Field errors found by the service come back by input too.
      const service = await submitForm(b, '/employer/jobs/new', jobFields({ salaryMin: '70000', salaryMax: '60000', applyUrl: '', specialties: [] }));
      expect(service.status).toBe(422);
      expect(errorOf(service, 'salaryMax')).toBe('The maximum must be at least the minimum.');
      expect(service.html).toMatch(
        /id="salaryMax" name="salaryMax" type="text" value="60000"[^>]*aria-invalid="true" aria-describedby="salaryMax-hint salaryMax-error"/,
      );
      expect(errorOf(service, 'applyUrl')).toBe('Enter the https:// address where candidates apply.');
      expect(errorOf(service, 'specialties')).toBe('Choose at least one code specialty.');
      expect(service.html).toContain('<a href="#salaryMax">The maximum must be at least the minimum.</a>');
      // What was typed and ticked is still there.
      expect(service.html).toContain('id="title" name="title" type="text" value="Outpatient Coder II (CPC or CCS)"');
      expect(service.html).toContain('id="credentials-CCS" name="credentials" value="CCS" checked');
      expect(service.html).toContain('id="settings-pro-fee" name="settings" value="pro-fee" checked');
      expect(service.html).toContain('id="applyMethod-url" name="applyMethod" value="url" checked');
      expect(service.html).toMatch(/<select id="location1State"[\s\S]*?<option value="TX" selected>Texas<\/option>/);
      expect(service.html).toContain('<summary>Surgery subsections</summary>');
      expect(await jobsOf(organizationId)).toEqual([]);
    });

    it('explains words where numbers belong, and a remote job limited to no state', async () => {
      const { b } = await employer();
      const page = await submitForm(
        b,
        '/employer/jobs/new',
        jobFields({ salaryMin: 'fifty thousand', minYearsExperience: '1.5', workplace: 'remote', remoteScope: 'states', remoteStates: [] }),
      );
      expect(page.status).toBe(422);
      expect(errorOf(page, 'salaryMin')).toBe('Enter an amount in numbers, such as 52000 or 24.50.');
      expect(errorOf(page, 'minYearsExperience')).toBe('Enter a whole number of years, such as 2.');
      expect(errorOf(page, 'remoteStates')).toBe('Tick the states you can hire in, or choose “Any US state”.');
      expect(page.html).toContain('value="fifty thousand"');
    });

    it('publishes straight from the form, for the chosen valid-through day', async () => {
      const { b, organizationId } = await employer();
      const until = new Date(Date.now() + 45 * DAY_MS).toISOString().slice(0, 10);
      const page = await submitForm(b, '/employer/jobs/new', jobFields({ intent: 'publish', validThrough: until }));
      expect(page.status).toBe(303);
      const [job] = await jobsOf(organizationId);
      expect(job.status).toBe('published');
      expect(job.validThrough!.toISOString()).toBe(`${until}T23:59:59.999Z`);
      expect((await b.get('/employer')).text).toContain('“Outpatient Coder II (CPC or CCS)” is published and open to coders until');

      // Editing keeps the exact expiry when the date is left as it was.
      const form = await b.get(`/employer/jobs/${job.id}/edit`);
      expect(form.html).toContain('<button type="submit" name="intent" value="save" class="button">Save changes</button>');
      expect(form.html).toContain(`id="validThrough" name="validThrough" type="date" value="${until}"`);
      await submitForm(b, `/employer/jobs/${job.id}/edit`, jobFields({ intent: 'save', validThrough: until, productivity: '25 charts an hour' }));
      expect(await jobRow(job.id)).toMatchObject({ status: 'published', productivity: '25 charts an hour', validThrough: job.validThrough });
    });

    it('refuses a valid-through date beyond 90 days next to the date field', async () => {
      const { b } = await employer();
      const page = await submitForm(
        b,
        '/employer/jobs/new',
        jobFields({ intent: 'publish', validThrough: new Date(Date.now() + 120 * DAY_MS).toISOString().slice(0, 10) }),
      );
      expect(page.status).toBe(422);
      expect(errorOf(page, 'validThrough')).toBe('Choose a date at most 90 days from today.');
    });

    it('keeps markup typed into text fields harmless on the form and the dashboard', async () => {
      const { b } = await employer();
      const payload = '<script>alert(1)</script><img src=x onerror=alert(2)>';
      await submitForm(b, '/employer/jobs/new', jobFields({ title: `Coder ${payload}`.slice(0, 120), productivity: payload, tools: '<b>3M</b>' }));
      const dashboard = await b.get('/employer');
      expect(dashboard.text).toContain('Coder <script>alert(1)</script>');
      expect(dashboard.html).not.toContain('<script>alert');
      expect(dashboard.html).not.toContain('<img src=x');
    });
  });

  describe('the lifecycle on the web', () => {
    it('previews a draft, publishes it for a verified organization, closes it as filled and duplicates it', async () => {
      const { b, organizationId } = await employer();
      await submitForm(b, '/employer/jobs/new', jobFields());
      const [job] = await jobsOf(organizationId);

      const preview = await b.get(`/employer/jobs/${job.id}/preview`);
      expect(preview.status).toBe(200);
      expect(preview.text).toContain('Preview — not public yet.');
      expect(preview.text).toContain('Outpatient Coder II (CPC or CCS)');
      expect(preview.html).toContain('<strong>professional-fee</strong>');
      // The public page's own partial: the same facts, badges and pay as coders will see.
      expect(preview.text).toContain('Hybrid · Austin, TX');
      expect(preview.text).toContain('$52,000 – $64,000 per year');
      expect(preview.text).toContain('Any of: CPC CCS CPC-A welcome');
      expect(preview.text).toContain('Posted Not published yet');
      expect(preview.html).not.toContain('application/ld+json');
      expect(preview.html).toContain(`action="/employer/jobs/${job.id}/publish"`);
      expect(preview.html).toContain(`href="/employer/jobs/${job.id}/edit"`);

      const published = await b.post(`/employer/jobs/${job.id}/publish`, { _csrf: csrfOf(preview.html) });
      expect(published.status).toBe(303);
      expect(published.location).toBe('/employer');
      const live = await jobRow(job.id);
      expect(live).toMatchObject({ status: 'published' });
      expect(Math.abs(live!.publishedAt!.getTime() - Date.now())).toBeLessThan(60_000);
      const dashboard = await b.get('/employer');
      expect(dashboard.text).toContain('is published and open to coders until');
      expect(sectionOf(dashboard, 'published')).toContain(`href="${jobPath(job)}"`);
      expect(sectionOf(dashboard, 'draft')).toBe('');

      expect((await act(b, job.id, 'close', { reason: 'filled' })).location).toBe('/employer');
      const closed = await jobRow(job.id);
      expect(closed).toMatchObject({ status: 'closed', closeReason: 'filled' });
      expect(closed!.closedAt).not.toBeNull();
      const after = await b.get('/employer');
      expect(after.text).toContain('is closed as filled. Congratulations on the hire!');
      expect(sectionOf(after, 'closed')).toContain('<dt>Filled</dt>');

      const copy = await act(b, job.id, 'duplicate');
      const copies = (await jobsOf(organizationId)).filter((j) => j.id !== job.id);
      expect(copies).toHaveLength(1);
      expect(copies[0]).toMatchObject({ status: 'draft', title: job.title, credentialCodes: ['CPC', 'CCS'], publishedAt: null });
      expect(copy.location).toBe(`/employer/jobs/${copies[0].id}/edit`);
      const copyForm = await b.get(copy.location!);
      expect(copyForm.text).toContain('is saved as a new draft');
      expect(copyForm.html).toContain('value="Outpatient Coder II (CPC or CCS)"');
    });

    it("sends an unverified organization's job to review, and one click on Publish in the form saves and publishes", async () => {
      const { b, organizationId } = await employer({ verified: false });
      await submitForm(b, '/employer/jobs/new', jobFields());
      const [job] = await jobsOf(organizationId);
      const page = await submitForm(b, `/employer/jobs/${job.id}/edit`, jobFields({ title: 'Coder III', intent: 'publish' }));
      expect(page.status).toBe(303);
      expect(await jobRow(job.id)).toMatchObject({ status: 'pending_review', title: 'Coder III', publishedAt: null });
      const dashboard = await b.get('/employer');
      expect(dashboard.text).toContain('“Coder III” is waiting for review.');
      expect(sectionOf(dashboard, 'pending_review')).toContain('Coder III');
      const preview = await b.get(`/employer/jobs/${job.id}/preview`);
      expect(preview.text).toContain('This job is waiting for review.');

      expect((await act(b, job.id, 'close', { reason: 'closed' })).status).toBe(303);
      expect(await jobRow(job.id)).toMatchObject({ status: 'closed', closeReason: 'closed' });
      expect((await b.get('/employer')).text).toContain('“Coder III” is closed.');
    });

    it('opens the form with the reasons when a draft can no longer be published as it is', async () => {
      const { b, organizationId } = await employer();
      const draft = await insertJob(t.dataSource, organizationId, { status: 'draft', publishedAt: null, validThrough: new Date(Date.now() - DAY_MS) });
      const page = await act(b, draft.id, 'publish');
      expect(page.status).toBe(422);
      expect(page.text).toContain('Some details need attention before this job can be published.');
      expect(errorOf(page, 'validThrough')).toBe('Choose a date in the future.');
      expect(page.html).toContain(`action="/employer/jobs/${draft.id}/edit"`);
      expect(page.html).toContain('value="Outpatient Coder II"');
      expect((await jobRow(draft.id))!.status).toBe('draft');
    });

    it('renews an expired job and extends a published one for the chosen period', async () => {
      const { b, organizationId } = await employer();
      const now = new Date(Date.now() + 5 * 60_000);
      jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(now);
      const expired = await insertJob(t.dataSource, organizationId, { status: 'expired', validThrough: new Date(Date.now() - DAY_MS) });
      const live = await insertJob(t.dataSource, organizationId, { validThrough: new Date(Date.now() + 2 * DAY_MS) });

      const dashboard = await b.get('/employer');
      expect(sectionOf(dashboard, 'expired')).toContain('<summary>Renew<span class="visually-hidden">');
      expect(sectionOf(dashboard, 'published')).toContain('<option value="90">90 days, until');

      expect((await act(b, expired.id, 'renew', { days: '60' })).status).toBe(303);
      expect(await jobRow(expired.id)).toMatchObject({ status: 'published', validThrough: new Date(now.getTime() + 60 * DAY_MS) });
      expect((await b.get('/employer')).text).toContain('is open to coders until');

      await act(b, live.id, 'renew', { days: '90' });
      expect(await jobRow(live.id)).toMatchObject({ status: 'published', validThrough: new Date(now.getTime() + 90 * DAY_MS) });
      expect((await act(b, live.id, 'renew', { days: '365' })).status).toBe(400);
    });

    it('deletes a draft after the confirm step, and only drafts', async () => {
      const { b, organizationId } = await employer();
      await submitForm(b, '/employer/jobs/new', jobFields({ title: 'Draft to delete' }));
      const [draft] = await jobsOf(organizationId);
      const dashboard = await b.get('/employer');
      expect(sectionOf(dashboard, 'draft')).toMatch(
        /<details class="row-details row-details-danger">[\s\S]*Delete this draft for good\?[\s\S]*Delete the draft<\/button>/,
      );

      const deleted = await act(b, draft.id, 'delete');
      expect(deleted.status).toBe(303);
      expect(await jobRow(draft.id)).toBeNull();
      const after = await b.get('/employer');
      expect(after.text).toContain('The draft “Draft to delete” is deleted.');
      expect(after.text).toContain('No jobs yet');

      const live = await insertJob(t.dataSource, organizationId);
      const refused = await act(b, live.id, 'delete');
      expect(refused.status).toBe(409);
      expect(refused.text).toContain('Only drafts can be deleted.');
      expect((await jobRow(live.id))!.status).toBe('published');
    });
  });

  describe('access', () => {
    it("answers 404 for another organization's job on every page and action, and changes nothing", async () => {
      const { b } = await employer();
      const other = await signUp(t.baseUrl, 'employer', t.dataSource);
      const draft = await insertJob(t.dataSource, other.organizationId!, { status: 'draft', publishedAt: null, validThrough: null, title: 'Their draft' });
      const live = await insertJob(t.dataSource, other.organizationId!, { title: 'Their job' });
      const before = [await jobRow(draft.id), await jobRow(live.id)];

      for (const path of [`/employer/jobs/${draft.id}/edit`, `/employer/jobs/${draft.id}/preview`, '/employer/jobs/not-a-uuid/edit']) {
        const page = await b.get(path);
        expect(page.status).toBe(404);
        expect(page.text).not.toContain('Their draft');
      }
      const edit = await submitForm(b, `/employer/jobs/${draft.id}/edit`, jobFields({ title: 'Taken over' }));
      expect(edit.status).toBe(404);
      expect(edit.text).toContain('There is no such job among your organization’s postings.');
      expect((await act(b, draft.id, 'publish')).status).toBe(404);
      expect((await act(b, draft.id, 'delete')).status).toBe(404);
      expect((await act(b, draft.id, 'duplicate')).status).toBe(404);
      expect((await act(b, live.id, 'close', { reason: 'filled' })).status).toBe(404);
      expect((await act(b, live.id, 'renew', { days: '30' })).status).toBe(404);

      expect([await jobRow(draft.id), await jobRow(live.id)]).toEqual(before);
      expect(await jobsOf(other.organizationId!)).toHaveLength(2);
    });

    it('refuses form posts without the CSRF token with 403 and changes nothing', async () => {
      const { b, organizationId } = await employer();
      const draft = await insertJob(t.dataSource, organizationId, { status: 'draft', publishedAt: null, validThrough: null });
      const create = await b.post('/employer/jobs/new', jobFields());
      expect(create.status).toBe(403);
      expect(create.text).toContain('This form has expired or was sent from another site.');
      expect((await b.post(`/employer/jobs/${draft.id}/publish`, {})).status).toBe(403);
      expect((await b.post(`/employer/jobs/${draft.id}/delete`, { _csrf: 'forged' })).status).toBe(403);
      expect(await jobsOf(organizationId)).toEqual([expect.objectContaining({ id: draft.id, status: 'draft' })]);
    });
  });
});
