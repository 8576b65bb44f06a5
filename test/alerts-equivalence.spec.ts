import fc from 'fast-check';
import { AlertDigests } from '../src/alerts/engine/alert-digests';
import { AlertMatcher } from '../src/alerts/engine/alert-matcher';
import { EmploymentType, Workplace } from '../src/jobs/job.entity';
import { JobSearchParams } from '../src/search/job-search-query';
import { JobSearchService } from '../src/search/job-search.service';
import { insertAlert } from './support/alert-fixtures';
import { insertJob, signUp } from './support/factories';
import { uniqueEmail } from './support/http';
import { createTestApp, TestApp } from './support/test-app';

const DAY_MS = 86400_000;
const CREDENTIALS = ['CPC', 'CCS', 'CRC', 'COC', 'RHIT'];
/** Jobs name sections and subsections; alerts may name the parents (cpt-surgery, hcpcs-level-ii), which match their subsections. */
const JOB_SPECIALTIES = ['cpt-evaluation-management', 'surgery-musculoskeletal', 'surgery-digestive', 'risk-adjustment-hcc', 'icd-10-pcs', 'hcpcs-dme'];
const ALERT_SPECIALTIES = [...JOB_SPECIALTIES, 'cpt-surgery', 'hcpcs-level-ii'];
const SETTINGS = ['inpatient-facility', 'outpatient-facility', 'pro-fee'];
const STATES = ['TX', 'CA', 'FL', 'NY'];
const CITIES: Record<string, string> = { TX: 'Austin', CA: 'Sacramento', FL: 'Tampa', NY: 'Buffalo' };
const WORKPLACES: Workplace[] = ['onsite', 'hybrid', 'remote'];
const EMPLOYMENT_TYPES: EmploymentType[] = ['FULL_TIME', 'PART_TIME', 'CONTRACTOR'];
/** Words of job texts: synonyms of each other (E/M, HCC, ortho), filter words (remote) and plain ones. */
const WORDS = [
  'coder',
  'E/M',
  'evaluation and management',
  'HCC',
  'risk adjustment',
  'remote',
  'inpatient',
  'auditor',
  'oncology',
  'orthopedic',
  'ortho',
  'abstractor',
];
/** Searches: synonyms, words read as filters (remote, CPC, Texas), negation, a phrase, OR, a prefix and a misspelling. */
const QUERIES = [
  'coder',
  'E/M',
  'evaluation and management coder',
  'HCC',
  'risk adjustment',
  'remote',
  'remote coder',
  'inpatient -auditor',
  '"oncology coder"',
  'ortho OR abstractor',
  'CPC Texas',
  'audit',
  'codr',
];

/** None most of the time, a few values otherwise: alerts with every filter set would rarely match anything. */
const some = <T>(values: readonly T[]) =>
  fc.oneof({ weight: 3, arbitrary: fc.constant<T[]>([]) }, { weight: 1, arbitrary: fc.subarray([...values], { minLength: 1, maxLength: 2 }) });
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ weight: 2, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });

const jobArbitrary = fc.record({
  organization: fc.integer({ min: 0, max: 1 }),
  title: fc.subarray(WORDS, { minLength: 1, maxLength: 4 }),
  description: fc.subarray(WORDS, { minLength: 1, maxLength: 5 }),
  workplace: fc.constantFrom(...WORKPLACES),
  state: fc.constantFrom(...STATES),
  remoteStates: fc.oneof(fc.constant<string[]>([]), fc.subarray(STATES, { minLength: 1, maxLength: 2 })),
  employmentType: fc.constantFrom(...EMPLOYMENT_TYPES),
  salary: fc.oneof(
    fc.constant(null),
    fc.record({ period: fc.constant('YEAR' as const), max: fc.constantFrom(45000, 55000, 65000, 80000) }),
    fc.record({ period: fc.constant('HOUR' as const), max: fc.constantFrom(20, 26, 32, 40) }),
  ),
  credentials: fc.subarray(CREDENTIALS, { minLength: 1, maxLength: 3 }),
  specialties: fc.subarray(JOB_SPECIALTIES, { minLength: 1, maxLength: 2 }),
  settings: fc.subarray(SETTINGS, { maxLength: 2 }),
  apprentice: fc.boolean(),
  // Far from the "posted within" limits (1, 7 and 30 days), which move between matching and searching.
  ageDays: fc.constantFrom(0.5, 3, 10, 20, 45),
  expired: fc.integer({ min: 0, max: 7 }).map((n) => n === 0),
});
type JobSpec = typeof jobArbitrary extends fc.Arbitrary<infer T> ? T : never;

const alertArbitrary = fc.record({
  frequency: fc.constantFrom('instant' as const, 'daily' as const),
  q: maybe(fc.constantFrom(...QUERIES)),
  credential: some(CREDENTIALS),
  specialty: some(ALERT_SPECIALTIES),
  setting: some(SETTINGS),
  workplace: some(WORKPLACES),
  state: some([...STATES, 'OH']),
  employmentType: some(EMPLOYMENT_TYPES),
  salaryMin: maybe(fc.constantFrom('40000', '50000', '60000', '70000')),
  apprentice: maybe(fc.constant('true')),
  postedWithin: maybe(fc.constantFrom('1', '7', '30')),
  organization: maybe(fc.integer({ min: 0, max: 1 })),
});
type AlertSpec = typeof alertArbitrary extends fc.Arbitrary<infer T> ? T : never;

describe('alerts and the search page agree', () => {
  let t: TestApp;
  let organizations: Array<{ id: string; slug: string }>;

  beforeAll(async () => {
    t = await createTestApp();
    organizations = [];
    for (let i = 0; i < 2; i++) {
      const { organizationId } = await signUp(t.baseUrl, 'employer', t.dataSource);
      const [{ slug }] = await t.dataSource.query(`SELECT slug FROM organizations WHERE id = $1`, [organizationId]);
      organizations.push({ id: organizationId!, slug });
    }
  });
  afterAll(() => t.close());

  const insert = (spec: JobSpec) => {
    const now = Date.now();
    const remote = spec.workplace === 'remote';
    return insertJob(t.dataSource, organizations[spec.organization].id, {
      title: `${spec.title.join(' ')} position`,
      description: `We hire for ${spec.description.join(', ')}.`,
      workplace: spec.workplace,
      locations: remote ? [] : [{ city: CITIES[spec.state], state: spec.state }],
      locationStates: remote ? [] : [spec.state],
      remoteStates: remote ? spec.remoteStates : [],
      employmentType: spec.employmentType,
      salaryMin: spec.salary && Math.round(spec.salary.max * 0.85),
      salaryMax: spec.salary?.max ?? null,
      salaryPeriod: spec.salary?.period ?? null,
      credentialCodes: spec.credentials,
      specialtySlugs: spec.specialties,
      settingSlugs: spec.settings,
      apprenticeFriendly: spec.apprentice,
      publishedAt: new Date(now - spec.ageDays * DAY_MS),
      validThrough: new Date(spec.expired ? now - 3600_000 : now + 30 * DAY_MS),
    });
  };

  const paramsOf = ({ organization, frequency: _frequency, ...spec }: AlertSpec): JobSearchParams => {
    const params: JobSearchParams = {};
    for (const [name, value] of Object.entries(spec) as Array<[keyof JobSearchParams, string | string[] | undefined]>) {
      if (value !== undefined && value.length) params[name] = value;
    }
    if (organization !== undefined) params.organization = organizations[organization].slug;
    return params;
  };

  it('an alert (instant, or its digest) sends exactly the jobs its search shows, for random jobs and searches', async () => {
    const matcher = t.app.get(AlertMatcher);
    const digests = t.app.get(AlertDigests);
    const search = t.app.get(JobSearchService);
    await fc.assert(
      fc.asyncProperty(
        fc.array(jobArbitrary, { minLength: 3, maxLength: 8 }),
        fc.array(alertArbitrary, { minLength: 1, maxLength: 4 }),
        async (jobSpecs, alertSpecs) => {
          // Each run on its own jobs and alerts, so a search's first page holds every job that matches it.
          await t.dataSource.query(`DELETE FROM jobs`);
          await t.dataSource.query(`DELETE FROM alerts`);
          const jobs = [];
          for (const spec of jobSpecs) jobs.push(await insert(spec));
          // Made after the jobs, as the search is asked after them: typo corrections depend on the words jobs hold.
          const alerts = [];
          for (const spec of alertSpecs)
            alerts.push(await insertAlert(t, { guestEmail: uniqueEmail('equivalence') }, { frequency: spec.frequency, params: paramsOf(spec) }));

          // Instant alerts are matched as the jobs are published; daily ones when their digest is due, from before the oldest job.
          await matcher.match(jobs.map((job) => job.id));
          await t.dataSource.query(
            `UPDATE alert_schedules s SET digest_since = now() - interval '90 days', next_digest_at = now() - interval '1 minute'
             FROM alerts a WHERE a.id = s.alert_id AND a.frequency = 'daily'`,
          );
          await digests.runDue();

          for (const alert of alerts) {
            const rows: Array<{ job_id: string }> = await t.dataSource.query(`SELECT job_id FROM alert_deliveries WHERE alert_id = $1`, [alert.id]);
            const matched = rows.map((r) => r.job_id).sort();
            const result = await search.search({ ...alert.params, perPage: '50' });
            expect(result.total).toBe(result.hits.length);
            const shown = result.hits.map((hit) => hit.job.id).sort();
            expect({ params: alert.params, jobs: matched }).toEqual({ params: alert.params, jobs: shown });
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
