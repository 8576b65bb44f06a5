import { CandidateProfilesService } from '../src/candidates/candidate-profiles.service';
import { csrfOf } from './support/browser';
import { signedInBrowser } from './support/candidate-fixtures';
import { signUp, SignedUp } from './support/factories';
import { api } from './support/http';
import { createTestApp, TestApp } from './support/test-app';

/** A full, valid `PUT /api/me/profile` body; `overrides` replace fields. */
function profileBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    headline: 'CPC and CRC: risk adjustment and E/M coder',
    summary: 'Six years of pro-fee coding for a multi-specialty group, then HCC chart reviews.',
    city: 'Tulsa',
    state: 'ok',
    openToRelocation: true,
    workplacePreferences: ['remote', 'hybrid'],
    desiredPay: { min: 58000, period: 'YEAR' },
    settings: ['pro-fee'],
    tools: ['Epic', '3M', 'epic', ' '],
    yearsExperience: 6,
    linkedinUrl: 'https://www.linkedin.com/in/dana-rivera',
    visibility: 'employers',
    credentials: [
      { code: 'cpc', certificateNumber: '01234567', earnedOn: '2018-05-01', expiresOn: '2099-12-31' },
      { code: 'CRC', earnedOn: '2019-02-01', expiresOn: '2020-01-31' },
    ],
    specialties: [
      { slug: 'risk-adjustment-hcc', years: 3 },
      { slug: 'cpt-evaluation-management', years: 6 },
    ],
    ...overrides,
  };
}

describe('candidate profiles', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_AUTH_PER_IP: '1000', RATE_LIMIT_AUTH_PER_ACCOUNT: '1000' });
  });
  afterAll(() => t.close());

  const client = () => api(t.baseUrl);
  const put = (coder: SignedUp, body: Record<string, unknown>) => client().call('PUT', '/api/me/profile', { token: coder.token, body });

  describe('over the API', () => {
    let coder: SignedUp;
    beforeAll(async () => {
      coder = await signUp(t.baseUrl, 'candidate', t.dataSource);
    });

    it('starts empty and private', async () => {
      const res = await client().get('/api/me/profile', coder.token);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        headline: null,
        summary: null,
        city: null,
        state: null,
        openToRelocation: false,
        workplacePreferences: [],
        desiredPay: null,
        yearsExperience: null,
        tools: [],
        specialties: [],
        visibility: 'private',
        settings: [],
        linkedinUrl: null,
        credentials: [],
        updatedAt: null,
      });
    });

    it('saves the whole profile, with credential names, expired credentials flagged and specialties with years', async () => {
      const res = await put(coder, profileBody());
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        headline: 'CPC and CRC: risk adjustment and E/M coder',
        city: 'Tulsa',
        state: 'OK',
        openToRelocation: true,
        workplacePreferences: ['remote', 'hybrid'],
        desiredPay: { min: 58000, period: 'YEAR' },
        settings: ['pro-fee'],
        tools: ['Epic', '3M'],
        yearsExperience: 6,
        linkedinUrl: 'https://www.linkedin.com/in/dana-rivera',
        visibility: 'employers',
        credentials: [
          { code: 'CPC', name: 'Certified Professional Coder', certificateNumber: '01234567', earnedOn: '2018-05-01', expiresOn: '2099-12-31', expired: false },
          { code: 'CRC', name: 'Certified Risk Adjustment Coder', certificateNumber: null, earnedOn: '2019-02-01', expiresOn: '2020-01-31', expired: true },
        ],
        specialties: [
          { slug: 'cpt-evaluation-management', name: expect.any(String), years: 6 },
          { slug: 'risk-adjustment-hcc', name: expect.any(String), years: 3 },
        ],
      });
      expect(res.body.updatedAt).toEqual(expect.any(String));
      expect(await client().get('/api/me/profile', coder.token)).toMatchObject({ body: res.body });
    });

    it('replaces the profile on each save: what is left out is cleared', async () => {
      const res = await put(coder, { headline: 'Inpatient coder', credentials: [{ code: 'CCS' }] });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ headline: 'Inpatient coder', city: null, visibility: 'private', tools: [], specialties: [], desiredPay: null });
      expect(res.body.credentials.map((c: any) => c.code)).toEqual(['CCS']);
      const stored = await t.dataSource.query(`SELECT credential_code FROM candidate_credentials WHERE user_id = $1`, [coder.id]);
      expect(stored).toEqual([{ credential_code: 'CCS' }]);
    });

    it.each([
      ['an unknown credential', { credentials: [{ code: 'XYZ' }] }, 'credentials.0.code', /not a credential we know/],
      ['a credential listed twice', { credentials: [{ code: 'CPC' }, { code: 'cpc' }] }, 'credentials.1.code', /listed twice/],
      ['a credential earned in the future', { credentials: [{ code: 'CPC', earnedOn: '2099-01-01' }] }, 'credentials.0.earnedOn', /future/],
      [
        'an expiry before the date earned',
        { credentials: [{ code: 'CPC', earnedOn: '2020-01-01', expiresOn: '2019-01-01' }] },
        'credentials.0.expiresOn',
        /after the date earned/,
      ],
      ['an unknown specialty', { specialties: [{ slug: 'astrology', years: 2 }] }, 'specialties.0.slug', /not a code specialty/],
      ['a setting given as a specialty', { specialties: [{ slug: 'pro-fee', years: 2 }] }, 'specialties.0.slug', /not a code specialty/],
      ['an unknown setting', { settings: ['moon-base'] }, 'settings', /moon-base/],
      ['a link that is not a LinkedIn profile', { linkedinUrl: 'https://evil.example/in/dana' }, 'linkedinUrl', /LinkedIn profile address/],
    ])('refuses %s with 422 by field, and keeps the saved profile', async (_label, overrides, field, message) => {
      const before = (await client().get('/api/me/profile', coder.token)).body;
      const res = await put(coder, profileBody(overrides));
      expect(res.status).toBe(422);
      expect(res.body.details[field].join(' ')).toMatch(message);
      expect((await client().get('/api/me/profile', coder.token)).body).toEqual(before);
    });

    it.each([
      ['years over 60', { yearsExperience: 61 }, 'yearsExperience'],
      ['an impossible date', { credentials: [{ code: 'CPC', earnedOn: '2021-02-30' }] }, 'credentials.0.earnedOn'],
      ['a workplace that does not exist', { workplacePreferences: ['moon'] }, 'workplacePreferences'],
      ['a pay period that does not exist', { desiredPay: { min: 20, period: 'WEEK' } }, 'desiredPay.period'],
      ['an http link', { linkedinUrl: 'http://www.linkedin.com/in/dana' }, 'linkedinUrl'],
      ['a visibility that does not exist', { visibility: 'public' }, 'visibility'],
    ])('refuses %s with 400 by field', async (_label, overrides, field) => {
      const res = await put(coder, profileBody(overrides));
      expect(res.status).toBe(400);
      expect(res.body.details[field]).toBeDefined();
    });

    it('keeps one consistent profile when two saves race', async () => {
      const racer = await signUp(t.baseUrl, 'candidate', t.dataSource);
      const results = await Promise.all([
        put(racer, profileBody({ headline: 'First tab' })),
        put(racer, profileBody({ headline: 'Second tab', credentials: [{ code: 'CPC' }, { code: 'CCS' }] })),
      ]);
      expect(results.map((r) => r.status)).toEqual([200, 200]);
      const saved = (await client().get('/api/me/profile', racer.token)).body;
      // Whichever save came last, the credentials are exactly the ones it sent.
      const expected = saved.headline === 'First tab' ? ['CPC', 'CRC'] : ['CCS', 'CPC'];
      expect(saved.credentials.map((c: any) => c.code)).toEqual(expected);
    });

    it('refuses unknown fields (400)', async () => {
      const res = await put(coder, profileBody({ userId: coder.id }));
      expect(res.status).toBe(400);
      expect(res.body.message).toBe('Unknown field(s): userId.');
    });

    it('is for candidates only: 403 for an employer, 401 signed out', async () => {
      const employer = await signUp(t.baseUrl, 'employer', t.dataSource);
      expect((await client().get('/api/me/profile', employer.token)).status).toBe(403);
      expect((await put(employer, profileBody())).status).toBe(403);
      expect((await client().get('/api/me/profile')).status).toBe(401);
    });
  });

  describe('who viewed the profile', () => {
    it("lists the organizations that viewed the candidate's profile or downloaded a resume, newest first, to that candidate only", async () => {
      const [coder, other, first, second] = await Promise.all([
        signUp(t.baseUrl, 'candidate', t.dataSource),
        signUp(t.baseUrl, 'candidate', t.dataSource),
        signUp(t.baseUrl, 'employer', t.dataSource, 'Prairie Meridian Health'),
        signUp(t.baseUrl, 'employer', t.dataSource, 'Alder Creek Group'),
      ]);
      await t.dataSource.query(
        `INSERT INTO candidate_views (candidate_id, organization_id, viewer_id, kind, created_at) VALUES
          ($1, $2, $3, 'profile', '2026-03-01T10:00:00Z'), ($1, $4, $5, 'resume', '2026-03-02T10:00:00Z')`,
        [coder.id, first.organizationId, first.id, second.organizationId, second.id],
      );
      const res = await client().get('/api/me/profile/views', coder.token);
      expect(res.body).toEqual([
        { organization: { name: 'Alder Creek Group', slug: expect.any(String) }, kind: 'resume', at: '2026-03-02T10:00:00.000Z' },
        { organization: { name: 'Prairie Meridian Health', slug: expect.any(String) }, kind: 'profile', at: '2026-03-01T10:00:00.000Z' },
      ]);
      expect((await client().get('/api/me/profile/views', other.token)).body).toEqual([]);
      const page = await (await signedInBrowser(t.baseUrl, coder.email)).get('/me/profile');
      expect(page.text).toContain('Alder Creek Group downloaded your resume on March 2, 2026');
      expect(page.text).toContain('Prairie Meridian Health viewed your profile on March 1, 2026');
    });
  });

  describe('summaries for employers', () => {
    it('carry credentials (expired flagged) and specialties with years, never certificate numbers, links or contact details', async () => {
      const [coder, blank] = await Promise.all([signUp(t.baseUrl, 'candidate', t.dataSource), signUp(t.baseUrl, 'candidate', t.dataSource)]);
      await put(coder, profileBody());
      const summaries = await t.app.get(CandidateProfilesService).summaryFor([coder.id, blank.id]);
      const summary = summaries.get(coder.id)!;
      expect(summary.credentials).toEqual([
        { code: 'CPC', name: 'Certified Professional Coder', earnedOn: '2018-05-01', expiresOn: '2099-12-31', expired: false },
        { code: 'CRC', name: 'Certified Risk Adjustment Coder', earnedOn: '2019-02-01', expiresOn: '2020-01-31', expired: true },
      ]);
      expect(summary.specialties.map((s) => [s.slug, s.years])).toEqual([
        ['cpt-evaluation-management', 6],
        ['risk-adjustment-hcc', 3],
      ]);
      expect(summary.settings).toEqual([{ slug: 'pro-fee', name: expect.any(String) }]);
      expect(JSON.stringify(summary)).not.toMatch(/01234567|linkedin|@/);
      expect(summaries.get(blank.id)).toMatchObject({ headline: null, credentials: [], specialties: [], visibility: 'private' });
    });
  });

  describe('on the web', () => {
    it('saves the form, then shows the profile as employers see it', async () => {
      const coder = await signUp(t.baseUrl, 'candidate', t.dataSource);
      const browser = await signedInBrowser(t.baseUrl, coder.email);
      const page = await browser.get('/me/profile');
      expect(page.status).toBe(200);
      expect(page.text).toContain('You have not filled in your profile yet.');
      const res = await browser.post('/me/profile', {
        _csrf: csrfOf(page.html),
        headline: 'Outpatient coder',
        city: 'Austin',
        state: 'TX',
        workplacePreferences: ['remote', 'onsite'],
        desiredPayMin: '$26.50',
        desiredPayPeriod: 'HOUR',
        yearsExperience: '4',
        visibility: 'employers',
        settings: ['pro-fee', 'outpatient-facility'],
        tools: 'Epic, 3M',
        credential1Code: 'CPC',
        credential1Number: 'A-1',
        credential1Earned: '2019-01-01',
        credential1Expires: '2021-01-01',
        credential2Code: '',
        credential3Code: 'COC',
        specialty1Slug: 'surgery-musculoskeletal',
        specialty1Years: '3',
        specialty2Slug: '',
        specialty2Years: '',
      });
      expect(res.status).toBe(303);
      expect(res.location).toBe('/me/profile');
      const profile = (await client().get('/api/me/profile', coder.token)).body;
      expect(profile).toMatchObject({
        headline: 'Outpatient coder',
        state: 'TX',
        workplacePreferences: ['remote', 'onsite'],
        desiredPay: { min: 26.5, period: 'HOUR' },
        yearsExperience: 4,
        visibility: 'employers',
        tools: ['Epic', '3M'],
        specialties: [{ slug: 'surgery-musculoskeletal', years: 3 }],
      });
      expect(profile.credentials.map((c: any) => [c.code, c.certificateNumber, c.expired])).toEqual([
        ['COC', null, false],
        ['CPC', 'A-1', true],
      ]);
      const after = await browser.get('/me/profile');
      expect(after.text).toContain('Your profile is saved. Verified employers can find it');
      expect(after.text).toContain('Visible to verified employers');
      expect(after.text).toContain('CPC (expired 2021-01-01)');
      expect(after.html).toMatch(/<option value="CPC" selected>/);
    });

    it('shows a refused form again (422) with each message beside its row and what was typed', async () => {
      const coder = await signUp(t.baseUrl, 'candidate', t.dataSource);
      const browser = await signedInBrowser(t.baseUrl, coder.email);
      const page = await browser.get('/me/profile');
      const unreadable = await browser.post('/me/profile', {
        _csrf: csrfOf(page.html),
        headline: 'Typed headline',
        specialty1Slug: 'cpt-radiology',
        specialty1Years: 'three',
        desiredPayMin: '50000',
      });
      expect(unreadable.status).toBe(422);
      expect(unreadable.html).toMatch(/id="specialty1Years-error">Enter a whole number of years/);
      expect(unreadable.html).toMatch(/id="desiredPayPeriod-error">Choose per hour or per year/);
      expect(unreadable.html).toContain('value="Typed headline"');
      expect(unreadable.html).toMatch(/<option value="cpt-radiology" selected>/);

      const refused = await browser.post('/me/profile', {
        _csrf: csrfOf(page.html),
        credential1Code: 'CPC',
        credential2Code: 'CCS',
        credential2Earned: '2022-06-01',
        credential2Expires: '2021-06-01',
      });
      expect(refused.status).toBe(422);
      expect(refused.html).toMatch(/id="credential2Expires-error">The expiry date must come after the date earned/);
      expect(refused.html).toContain('value="2021-06-01"');
      expect((await client().get('/api/me/profile', coder.token)).body.updatedAt).toBeNull();
    });

    it('is for candidates only', async () => {
      const employer = await signUp(t.baseUrl, 'employer', t.dataSource);
      const browser = await signedInBrowser(t.baseUrl, employer.email);
      expect((await browser.get('/me/profile')).status).toBe(403);
    });
  });
});
