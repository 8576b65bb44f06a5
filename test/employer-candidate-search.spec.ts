import { Browser } from './support/browser';
import { CandidateFixture, candidateToken, createCandidate, insertApplication, verifiedEmployer } from './support/candidate-search-fixtures';
import { insertJob, signUp, SignedUp } from './support/factories';
import { api, GOOD_PASSWORD } from './support/http';
import { createTestApp, TestApp } from './support/test-app';

const DAY_MS = 86400_000;
const isoDate = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY_MS).toISOString().slice(0, 10);

describe('employer candidate search', () => {
  let t: TestApp;
  let employer: SignedUp;
  /** Every test searches among the candidates it creates, by a word only they carry. */
  let tag = 0;
  const nextTag = () => `zq${(++tag).toString(36)}marker${Date.now().toString(36)}`;

  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_AUTH_PER_IP: '1000', RATE_LIMIT_AUTH_PER_ACCOUNT: '1000' });
    employer = await verifiedEmployer(t.baseUrl, t.dataSource, 'Prairie Health');
  });
  afterAll(() => t.close());

  const client = () => api(t.baseUrl);
  const search = async (query: string, token = employer.token) => {
    const res = await client().get(`/api/candidates?${query}`, token);
    expect(res.status).toBe(200);
    return res.body as { total: number; page: number; perPage: number; pageCount: number; hits: any[] };
  };
  const ids = (body: { hits: Array<{ id: string }> }) => body.hits.map((h) => h.id).sort();
  const sorted = (...candidates: CandidateFixture[]) => candidates.map((c) => c.id).sort();
  const views = (candidateId: string) =>
    t.dataSource.query(`SELECT organization_id, viewer_id, kind FROM candidate_views WHERE candidate_id = $1 ORDER BY created_at`, [candidateId]);

  async function signIn(email: string): Promise<Browser> {
    const b = new Browser(t.baseUrl);
    const res = await b.submit('/login', '/login', { email, password: GOOD_PASSWORD });
    expect(res.status).toBe(303);
    return b;
  }

  describe('who may search', () => {
    it('is refused to an organization not yet verified, with the reason, on the API and the page', async () => {
      const unverified = await signUp(t.baseUrl, 'employer', t.dataSource, 'Unverified Billing Co');
      const res = await client().get('/api/candidates', unverified.token);
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ error: 'forbidden', message: expect.stringContaining('verified employers only') });
      expect((await client().get(`/api/candidates/${employer.id}`, unverified.token)).status).toBe(403);

      const page = await (await signIn(unverified.email)).get('/employer/candidates');
      expect(page.status).toBe(403);
      expect(page.text).toContain('we have not verified Unverified Billing Co yet');
    });

    it('is for employers only: candidates get 403, visitors 401 or the sign-in page', async () => {
      const candidate = await createCandidate(t.baseUrl, t.dataSource);
      expect((await client().get('/api/candidates', await candidateToken(t.baseUrl, candidate))).status).toBe(403);
      expect((await client().get('/api/candidates')).status).toBe(401);
      const visitor = await new Browser(t.baseUrl).get('/employer/candidates');
      expect(visitor.status).toBe(303);
      expect(visitor.location).toBe('/login?next=%2Femployer%2Fcandidates');
    });
  });

  describe('visibility', () => {
    it('finds only candidates who opted in, with a verified address and an account in use', async () => {
      const marker = nextTag();
      const visible = await createCandidate(t.baseUrl, t.dataSource, { headline: `Coder ${marker}` });
      const priv = await createCandidate(t.baseUrl, t.dataSource, { headline: `Coder ${marker}`, visibility: 'private' });
      const unverified = await createCandidate(t.baseUrl, t.dataSource, { headline: `Coder ${marker}`, emailVerified: false });
      const disabled = await createCandidate(t.baseUrl, t.dataSource, { headline: `Coder ${marker}` });
      await t.dataSource.query(`UPDATE users SET disabled_at = now() WHERE id = $1`, [disabled.id]);
      // An employer who once had a profile row is never a candidate.
      const employerWithProfile = await createCandidate(t.baseUrl, t.dataSource, { headline: `Coder ${marker}` });
      await t.dataSource.query(`UPDATE users SET role = 'employer' WHERE id = $1`, [employerWithProfile.id]);

      const body = await search(`q=${marker}`);
      expect(ids(body)).toEqual([visible.id]);
      for (const hidden of [priv, unverified, disabled, employerWithProfile]) {
        const res = await client().get(`/api/candidates/${hidden.id}`, employer.token);
        expect(res.status).toBe(404);
        expect(res.body.message).toBe('There is no such candidate, or they are no longer visible to employers.');
        expect(await views(hidden.id)).toEqual([]);
      }
      expect((await client().get('/api/candidates/not-a-uuid', employer.token)).status).toBe(404);
    });

    it('shows a summary without contact details: a short name, no email, LinkedIn or certificate number', async () => {
      const marker = nextTag();
      const candidate = await createCandidate(t.baseUrl, t.dataSource, {
        name: 'Jasmine Carter',
        headline: `Risk adjustment coder ${marker}`,
        summary: 'Six years of HCC coding for Medicare Advantage plans.',
        city: 'Tulsa',
        state: 'OK',
        openToRelocation: true,
        workplacePreferences: ['remote', 'hybrid'],
        yearsExperience: 6,
        linkedinUrl: 'https://www.linkedin.com/in/jasmine-carter-coder',
        credentials: [
          { code: 'CRC', certificateNumber: 'CRC-998877', earnedOn: '2020-06-01', expiresOn: isoDate(200) },
          { code: 'CPC', certificateNumber: 'CPC-112233', earnedOn: '2015-01-10', expiresOn: isoDate(-10) },
        ],
        specialties: [
          { slug: 'risk-adjustment-hcc', years: 6 },
          { slug: 'icd-10-cm', years: 4 },
        ],
        resumes: [{ text: 'Jasmine Carter, jasmine@example.test, 918-555-0100. HCC validation and RADV audits.' }],
      });
      const body = await search(`q=${marker}`);
      expect(body).toMatchObject({ total: 1, page: 1, perPage: 20, pageCount: 1 });
      const [hit] = body.hits;
      expect(hit).toMatchObject({
        id: candidate.id,
        displayName: 'Jasmine C.',
        headline: `Risk adjustment coder ${marker}`,
        location: 'Tulsa, OK',
        openToRelocation: true,
        workplacePreferences: ['remote', 'hybrid'],
        yearsExperience: 6,
        credentials: [
          { code: 'CRC', name: expect.stringContaining('Risk Adjustment'), expired: false },
          { code: 'CPC', expired: true },
        ],
        specialties: [
          { slug: 'risk-adjustment-hcc', years: 6 },
          { slug: 'icd-10-cm', years: 4 },
        ],
        invitations: [],
        path: `/employer/candidates/${candidate.id}`,
      });
      const text = JSON.stringify(body);
      for (const secret of ['Carter', candidate.email, 'linkedin', 'CRC-998877', 'CPC-112233', '918-555', 'jasmine@']) expect(text).not.toContain(secret);

      const profile = await client().get(`/api/candidates/${candidate.id}`, employer.token);
      expect(profile.status).toBe(200);
      expect(profile.body).toMatchObject({ displayName: 'Jasmine C.', summary: 'Six years of HCC coding for Medicare Advantage plans.', contact: null });
      const profileText = JSON.stringify(profile.body);
      for (const secret of ['Carter', candidate.email, 'linkedin', 'CRC-998877', '918-555']) expect(profileText).not.toContain(secret);
    });
  });

  describe('filters', () => {
    it('filters by credentials held and not expired (any of)', async () => {
      const marker = nextTag();
      const cpc = await createCandidate(t.baseUrl, t.dataSource, { headline: marker, credentials: [{ code: 'CPC', expiresOn: isoDate(30) }] });
      const ccsForever = await createCandidate(t.baseUrl, t.dataSource, { headline: marker, credentials: [{ code: 'CCS' }] });
      const expiresToday = await createCandidate(t.baseUrl, t.dataSource, { headline: marker, credentials: [{ code: 'CPC', expiresOn: isoDate(0) }] });
      const expired = await createCandidate(t.baseUrl, t.dataSource, { headline: marker, credentials: [{ code: 'CPC', expiresOn: isoDate(-1) }] });
      await createCandidate(t.baseUrl, t.dataSource, { headline: marker, credentials: [{ code: 'RHIT' }] });

      expect(ids(await search(`q=${marker}&credential=CPC`))).toEqual(sorted(cpc, expiresToday));
      expect(ids(await search(`q=${marker}&credential=cpc,CCS`))).toEqual(sorted(cpc, ccsForever, expiresToday));
      // The expired credential is still shown, flagged.
      const all = await search(`q=${marker}`);
      expect(all.hits.find((h) => h.id === expired.id).credentials).toEqual([expect.objectContaining({ code: 'CPC', expired: true })]);
    });

    it('filters by specialty with minimum years, a section including its subsections; minYears alone means total years', async () => {
      const marker = nextTag();
      const ortho5 = await createCandidate(t.baseUrl, t.dataSource, {
        headline: marker,
        yearsExperience: 8,
        specialties: [{ slug: 'surgery-musculoskeletal', years: 5 }],
      });
      const ortho1 = await createCandidate(t.baseUrl, t.dataSource, {
        headline: marker,
        yearsExperience: 9,
        specialties: [{ slug: 'surgery-musculoskeletal', years: 1 }],
      });
      const em6 = await createCandidate(t.baseUrl, t.dataSource, {
        headline: marker,
        yearsExperience: 2,
        specialties: [
          { slug: 'cpt-evaluation-management', years: 6 },
          { slug: 'surgery-general', years: 0 },
        ],
      });

      expect(ids(await search(`q=${marker}&specialty=surgery-musculoskeletal`))).toEqual(sorted(ortho5, ortho1));
      expect(ids(await search(`q=${marker}&specialty=surgery-musculoskeletal&minYears=3`))).toEqual(sorted(ortho5));
      expect(ids(await search(`q=${marker}&specialty=cpt-surgery`))).toEqual(sorted(ortho5, ortho1, em6));
      expect(ids(await search(`q=${marker}&specialty=cpt-surgery&minYears=2`))).toEqual(sorted(ortho5));
      // Years in one of the specialties named, not in another the candidate also has.
      expect(ids(await search(`q=${marker}&specialty=surgery-general&minYears=3`))).toEqual([]);
      expect(ids(await search(`q=${marker}&minYears=8`))).toEqual(sorted(ortho5, ortho1));
    });

    it('filters by the state candidates live in and the workplaces they are open to', async () => {
      const marker = nextTag();
      const txRemote = await createCandidate(t.baseUrl, t.dataSource, { headline: marker, state: 'TX', workplacePreferences: ['remote'] });
      const okHybrid = await createCandidate(t.baseUrl, t.dataSource, { headline: marker, state: 'OK', workplacePreferences: ['hybrid', 'onsite'] });
      const txOnsite = await createCandidate(t.baseUrl, t.dataSource, { headline: marker, state: 'TX', workplacePreferences: ['onsite'] });
      const noState = await createCandidate(t.baseUrl, t.dataSource, { headline: marker, state: null, city: null, workplacePreferences: [] });

      expect(ids(await search(`q=${marker}&state=tx`))).toEqual(sorted(txRemote, txOnsite));
      expect(ids(await search(`q=${marker}&state=TX&state=OK`))).toEqual(sorted(txRemote, okHybrid, txOnsite));
      expect(ids(await search(`q=${marker}&workplace=hybrid,remote`))).toEqual(sorted(txRemote, okHybrid));
      expect(ids(await search(`q=${marker}&state=TX&workplace=onsite`))).toEqual(sorted(txOnsite));
      expect(ids(await search(`q=${marker}`))).toEqual(sorted(txRemote, okHybrid, txOnsite, noState));
    });

    it('searches the text of current resumes, headlines and summaries, with phrases and exclusions', async () => {
      const marker = nextTag();
      const inpatient = await createCandidate(t.baseUrl, t.dataSource, {
        yearsExperience: 41,
        resumes: [{ text: `${marker} Inpatient facility coding with MS-DRG assignment and 3M encoder, Epic certified.` }],
      });
      const outpatient = await createCandidate(t.baseUrl, t.dataSource, {
        yearsExperience: 41,
        resumes: [{ text: `${marker} Outpatient surgery coding in an ambulatory surgery center; Epic and Optum.` }],
      });
      const removedOnly = await createCandidate(t.baseUrl, t.dataSource, {
        yearsExperience: 41,
        resumes: [
          { text: `${marker} Emergency department coding.` },
          { text: `${marker} Inpatient facility coding, removed from the profile.`, removed: true },
        ],
      });
      const summaryOnly = await createCandidate(t.baseUrl, t.dataSource, {
        yearsExperience: 41,
        summary: `${marker} I coded inpatient stays for eight years.`,
      });

      expect(ids(await search(`q=${marker}`))).toEqual(sorted(inpatient, outpatient, removedOnly, summaryOnly));
      // Stemming: "coded" and "coding" meet; a removed resume is not searched.
      expect(ids(await search(`q=${encodeURIComponent(`${marker} inpatient`)}`))).toEqual(sorted(inpatient, summaryOnly));
      expect(ids(await search(`q=${encodeURIComponent(`${marker} epic`)}`))).toEqual(sorted(inpatient, outpatient));
      expect(ids(await search(`q=${encodeURIComponent(`${marker} epic -optum`)}`))).toEqual(sorted(inpatient));
      expect(ids(await search(`q=${encodeURIComponent(`${marker} "surgery center"`)}`))).toEqual(sorted(outpatient));
      expect(ids(await search(`q=${encodeURIComponent(`${marker} "center surgery"`)}`))).toEqual([]);
      expect(ids(await search(`q=${encodeURIComponent(`${marker} emergency or optum`)}`))).toEqual(sorted(outpatient, removedOnly));
      // Hostile input is only words.
      expect((await search(`q=${encodeURIComponent(`${marker} '); DROP TABLE users; -- & | ! <script>`)}`)).total).toBe(0);
      // Only stop words leave nothing to match on: the other filters still apply.
      expect(ids(await search(`q=${encodeURIComponent('the and of')}&minYears=41`))).toEqual(sorted(inpatient, outpatient, removedOnly, summaryOnly));
    });

    it('ranks by relevance with words, and otherwise by recent updates or experience', async () => {
      const marker = nextTag();
      const once = await createCandidate(t.baseUrl, t.dataSource, {
        yearsExperience: 10,
        updatedAt: new Date(Date.now() - 2 * DAY_MS),
        resumes: [{ text: `${marker} general coding, some cardiology.` }],
      });
      const strong = await createCandidate(t.baseUrl, t.dataSource, {
        headline: `Cardiology coder ${marker}`,
        yearsExperience: 4,
        updatedAt: new Date(Date.now() - 3 * DAY_MS),
        resumes: [{ text: `${marker} cardiology cardiology interventional cardiology, cardiac catheterization.` }],
      });
      const recent = await createCandidate(t.baseUrl, t.dataSource, { yearsExperience: null, resumes: [{ text: `${marker} dermatology.` }] });

      expect((await search(`q=${encodeURIComponent(`${marker} cardiology`)}`)).hits.map((h) => h.id)).toEqual([strong.id, once.id]);
      expect((await search(`q=${marker}&sort=updated`)).hits.map((h) => h.id)).toEqual([recent.id, once.id, strong.id]);
      expect((await search(`q=${marker}&sort=experience`)).hits.map((h) => h.id)).toEqual([once.id, strong.id, recent.id]);
    });

    it('pages through the results', async () => {
      const marker = nextTag();
      const made: CandidateFixture[] = [];
      for (let i = 0; i < 5; i++) made.push(await createCandidate(t.baseUrl, t.dataSource, { headline: marker, updatedAt: new Date(Date.now() - i * 60_000) }));
      const first = await search(`q=${marker}&sort=updated&perPage=2`);
      expect(first).toMatchObject({ total: 5, page: 1, perPage: 2, pageCount: 3 });
      const third = await search(`q=${marker}&sort=updated&perPage=2&page=3`);
      expect([...first.hits, ...(await search(`q=${marker}&sort=updated&perPage=2&page=2`)).hits, ...third.hits].map((h) => h.id)).toEqual(
        made.map((c) => c.id),
      );
      expect((await search(`q=${marker}&perPage=2&page=4`)).hits).toEqual([]);
    });

    it('answers a bad parameter with 400 naming what is allowed, on the API and the page', async () => {
      const res = await client().get('/api/candidates?credential=XYZ&minYears=-2&workplace=moon&foo=1', employer.token);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: 'bad_request', message: 'Some search parameters are not valid.' });
      expect(Object.keys(res.body.details).sort()).toEqual(['credential', 'foo', 'minYears', 'workplace']);
      expect((await client().get('/api/candidates?page=26', employer.token)).status).toBe(400);

      const page = await (await signIn(employer.email)).get('/employer/candidates?minYears=abc');
      expect(page.status).toBe(400);
      expect(page.text).toMatch(/minYears\s*: Use a whole number of years from 0 to 60\./);
    });
  });

  describe('profile views', () => {
    it('records each organization’s look once an hour per member, for the candidate to see', async () => {
      const candidate = await createCandidate(t.baseUrl, t.dataSource);
      const other = await verifiedEmployer(t.baseUrl, t.dataSource, 'Northpoint Revenue');

      expect((await client().get(`/api/candidates/${candidate.id}`, employer.token)).status).toBe(200);
      expect((await client().get(`/api/candidates/${candidate.id}`, employer.token)).status).toBe(200);
      expect(await views(candidate.id)).toEqual([{ organization_id: employer.organizationId, viewer_id: employer.id, kind: 'profile' }]);

      const page = await (await signIn(other.email)).get(`/employer/candidates/${candidate.id}`);
      expect(page.status).toBe(200);
      expect(await views(candidate.id)).toEqual([
        { organization_id: employer.organizationId, viewer_id: employer.id, kind: 'profile' },
        { organization_id: other.organizationId, viewer_id: other.id, kind: 'profile' },
      ]);

      // An hour later the same member's look counts again.
      await t.dataSource.query(`UPDATE candidate_views SET created_at = created_at - interval '61 minutes' WHERE candidate_id = $1`, [candidate.id]);
      await client().get(`/api/candidates/${candidate.id}`, employer.token);
      expect(await views(candidate.id)).toHaveLength(3);
    });
  });

  describe('contact details', () => {
    it('are revealed to an organization the candidate applied to, and to no other', async () => {
      const marker = nextTag();
      const candidate = await createCandidate(t.baseUrl, t.dataSource, {
        name: 'Luis Hernandez',
        headline: marker,
        linkedinUrl: 'https://www.linkedin.com/in/luis-h',
      });
      const other = await verifiedEmployer(t.baseUrl, t.dataSource);
      const job = await insertJob(t.dataSource, employer.organizationId!);
      await insertApplication(t.dataSource, { id: job.id, organizationId: employer.organizationId! }, candidate);

      const mine = await client().get(`/api/candidates/${candidate.id}`, employer.token);
      expect(mine.body).toMatchObject({
        displayName: 'Luis Hernandez',
        contact: { name: 'Luis Hernandez', email: candidate.email, linkedinUrl: 'https://www.linkedin.com/in/luis-h' },
      });
      // The job applied to is not offered for an invitation.
      expect(mine.body.invitableJobs.map((j: { id: string }) => j.id)).not.toContain(job.id);

      const theirs = await client().get(`/api/candidates/${candidate.id}`, other.token);
      expect(theirs.body).toMatchObject({ displayName: 'Luis H.', contact: null });
      expect(JSON.stringify(theirs.body)).not.toContain(candidate.email);
      // Search results never carry contact details, even once revealed.
      const [hit] = (await search(`q=${marker}`)).hits;
      expect(hit).toMatchObject({ id: candidate.id, displayName: 'Luis H.' });
      expect(JSON.stringify(hit)).not.toContain(candidate.email);
    });
  });

  describe('the pages', () => {
    it('shows the search form with the filters chosen, and candidate cards linking to their profiles', async () => {
      const marker = nextTag();
      const candidate = await createCandidate(t.baseUrl, t.dataSource, {
        name: 'Keisha Williams',
        headline: `Pro-fee coder ${marker}`,
        state: 'GA',
        city: 'Atlanta',
        workplacePreferences: ['remote'],
        yearsExperience: 7,
        credentials: [{ code: 'CPC' }, { code: 'CCS', expiresOn: isoDate(-3) }],
        specialties: [{ slug: 'cpt-evaluation-management', years: 7 }],
      });
      const b = await signIn(employer.email);
      const page = await b.get(`/employer/candidates?q=${marker}&credential=CPC&state=GA&workplace=remote&minYears=0`);
      expect(page.status).toBe(200);
      expect(page.text).toContain('1 candidate found');
      expect(page.text).toContain(`Keisha W.: Pro-fee coder ${marker}`);
      expect(page.text).toContain('Atlanta, GA · Remote · 7 years of coding');
      expect(page.text).toContain('CPC CCS (expired)');
      expect(page.text).toContain('Evaluation and Management (E/M) (7 years)');
      expect(page.html).toContain(`href="/employer/candidates/${candidate.id}"`);
      expect(page.html).toMatch(/<input id="credential-CPC" type="checkbox" name="credential" value="CPC" checked>/);
      expect(page.html).toContain('<option value="GA" selected>Georgia</option>');
      expect(page.html).toContain('value="0"');
      expect(page.text).not.toContain('Williams');
      expect(page.text).not.toContain(candidate.email);

      const profile = await b.get(`/employer/candidates/${candidate.id}`);
      expect(profile.status).toBe(200);
      expect(profile.text).toContain('Keisha W.');
      expect(profile.text).toContain('Hidden until Keisha W. accepts an invitation from your organization or applies to one of your jobs.');
      expect(profile.text).toMatch(/CCS Certified Coding Specialist Expired \w+ \d{1,2}, \d{4}/);
      expect(profile.text).not.toContain('Williams');

      const empty = await b.get(`/employer/candidates?q=${marker}&state=AK`);
      expect(empty.text).toContain('No candidates match');
      const missing = await b.get('/employer/candidates/00000000-0000-4000-8000-000000000000');
      expect(missing.status).toBe(404);
    });
  });
});
