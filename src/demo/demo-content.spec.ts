import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { canEmployerMove } from '../applications/application-status';
import { CandidateProfileDto } from '../candidates/dto/candidate-profile.dto';
import { detectResumeType, PDF_TYPE } from '../candidates/resume-file';
import { UpdateOrganizationDto } from '../employers/dto/organization-profile.dto';
import { JobInputDto } from '../jobs/dto/job-input.dto';
import {
  DEMO_APPLICATIONS,
  DEMO_CANDIDATE_PROFILES,
  DEMO_EMAIL_DOMAIN,
  DEMO_JOBS,
  DEMO_ORGANIZATIONS,
  DEMO_USERS,
  DemoApplication,
  DemoCandidateProfile,
  DemoJob,
} from './demo-content';
import { demoDate, demoJobId } from './demo-data.service';
import { textPdf } from './text-pdf';

const readData = <T>(file: string): T[] => JSON.parse(readFileSync(join(__dirname, '..', '..', 'data', file), 'utf8'));
const credentialCodes = new Set(readData<{ code: string }>('credentials.json').map((c) => c.code));
const specialties = readData<{ slug: string; group: string }>('specialties.json');
const specialtySlugs = new Set(specialties.filter((s) => s.group !== 'setting').map((s) => s.slug));
const settingSlugs = new Set(specialties.filter((s) => s.group === 'setting').map((s) => s.slug));

/** The jobs (by key) for which `problem` says something. */
const offenders = (problem: (job: DemoJob) => unknown) => DEMO_JOBS.filter((job) => problem(job)).map((job) => job.key);

/** Only reserved names (RFC 2606): no demo link or address may point at a real company. */
const reservedHost = (host: string) => host.endsWith('.example') || host === 'example.org' || host.endsWith('.example.org');

describe('the demo job postings', () => {
  it('are about fifty, each with its own key and id, spread over all four demo organizations', () => {
    expect(DEMO_JOBS).toHaveLength(50);
    expect(new Set(DEMO_JOBS.map((j) => j.key)).size).toBe(DEMO_JOBS.length);
    expect(new Set(DEMO_JOBS.map((j) => demoJobId(j.key))).size).toBe(DEMO_JOBS.length);
    const perOrganization = DEMO_ORGANIZATIONS.map((o) => DEMO_JOBS.filter((j) => j.organization === o.name).length);
    expect(perOrganization.every((n) => n >= 10)).toBe(true);
    expect(perOrganization.reduce((a, b) => a + b)).toBe(DEMO_JOBS.length);
  });

  it('cover every status the employer dashboard shows: two drafts, one filled, one expired, the rest published in the last 25 days', () => {
    const byStatus = (status: string) => DEMO_JOBS.filter((j) => j.lifecycle.status === status).map((j) => j.lifecycle);
    expect(byStatus('draft')).toHaveLength(2);
    expect(byStatus('closed')).toEqual([{ status: 'closed', postedDaysAgo: expect.any(Number), closedDaysAgo: expect.any(Number) }]);
    expect(byStatus('expired')).toHaveLength(1);
    expect(byStatus('published')).toHaveLength(46);
    // Still open at load time: published within 25 days, valid for 30.
    expect(offenders((j) => j.lifecycle.status === 'published' && !(j.lifecycle.postedDaysAgo >= 0 && j.lifecycle.postedDaysAgo <= 25))).toEqual([]);
    // Past its 30 days when loaded, and closed after it was posted.
    expect(offenders((j) => j.lifecycle.status === 'expired' && j.lifecycle.postedDaysAgo <= 30)).toEqual([]);
    expect(
      offenders((j) => j.lifecycle.status === 'closed' && !(j.lifecycle.closedDaysAgo < j.lifecycle.postedDaysAgo && j.lifecycle.postedDaysAgo < 30)),
    ).toEqual([]);
  });

  it('pass the validation of the job posting API', async () => {
    const problems: Record<string, unknown> = {};
    for (const job of DEMO_JOBS) {
      const input = plainToInstance(JobInputDto, {
        title: job.title,
        description: job.description,
        employmentType: job.employmentType,
        workplace: job.workplace,
        locations: job.locations,
        remoteStates: job.remoteStates,
        salary: job.salary && { ...job.salary, currency: 'USD' },
        credentials: job.credentials,
        apprenticeFriendly: job.apprenticeFriendly,
        specialties: job.specialties,
        settings: job.settings,
        minYearsExperience: job.minYearsExperience,
        tools: job.tools,
        productivity: job.productivity,
        apply: job.apply,
      });
      const errors = await validate(input, { whitelist: true, forbidNonWhitelisted: true });
      if (errors.length) problems[job.key] = errors.map((e) => e.toString());
    }
    expect(problems).toEqual({});
    expect(offenders((j) => j.title.length > 120 || j.description.length < 20 || j.description.length > 20_000)).toEqual([]);
  });

  it('name only credentials, specialties and settings of the reference data, each in its place', () => {
    expect(offenders((j) => j.credentials.length === 0 || j.credentials.some((c) => !credentialCodes.has(c)))).toEqual([]);
    expect(offenders((j) => j.specialties.length === 0 || j.specialties.some((s) => !specialtySlugs.has(s)))).toEqual([]);
    expect(offenders((j) => j.settings.some((s) => !settingSlugs.has(s)))).toEqual([]);
    // Apprentice-friendly means an apprentice qualifies: CPC-A is among the credentials, and no experience is asked.
    expect(offenders((j) => j.apprenticeFriendly && !(j.credentials.includes('CPC-A') && j.minYearsExperience === 0))).toEqual([]);
  });

  it('are consistent: salary ranges in order, offices for onsite and hybrid work, hiring states only on remote jobs, apply details matching the method', () => {
    expect(offenders((j) => j.salary && j.salary.min > j.salary.max)).toEqual([]);
    expect(offenders((j) => j.workplace !== 'remote' && j.locations.length === 0)).toEqual([]);
    expect(offenders((j) => j.workplace !== 'remote' && j.remoteStates.length > 0)).toEqual([]);
    expect(
      offenders((j) => (j.apply.method === 'url') !== (j.apply.url !== undefined) || (j.apply.method === 'email') !== (j.apply.email !== undefined)),
    ).toEqual([]);
    expect(offenders((j) => j.apply.url !== undefined && !(j.apply.url.startsWith('https://') && reservedHost(new URL(j.apply.url).hostname)))).toEqual([]);
    expect(offenders((j) => j.apply.email !== undefined && !reservedHost(j.apply.email.split('@')[1]))).toEqual([]);
  });

  it('look like the field: about half remote, mostly full-time yearly salaries in the usual bands, some hourly, a few without pay', () => {
    const share = (test: (j: DemoJob) => boolean) => DEMO_JOBS.filter(test).length / DEMO_JOBS.length;
    expect(share((j) => j.workplace === 'remote')).toBeGreaterThanOrEqual(0.4);
    expect(share((j) => j.workplace === 'remote')).toBeLessThanOrEqual(0.65);
    expect(share((j) => j.workplace === 'remote' && j.remoteStates.length > 0)).toBeGreaterThan(0);
    expect(new Set(DEMO_JOBS.map((j) => j.workplace))).toEqual(new Set(['onsite', 'hybrid', 'remote']));
    expect(share((j) => j.employmentType === 'FULL_TIME')).toBeGreaterThan(0.7);
    expect(new Set(DEMO_JOBS.map((j) => j.employmentType))).toEqual(new Set(['FULL_TIME', 'PART_TIME', 'CONTRACTOR', 'PER_DIEM', 'TEMPORARY']));
    expect(offenders((j) => j.salary?.period === 'YEAR' && (j.salary.min < 40_000 || j.salary.max > 120_000))).toEqual([]);
    expect(offenders((j) => j.salary?.period === 'HOUR' && (j.salary.min < 20 || j.salary.max > 40))).toEqual([]);
    expect(share((j) => j.salary?.period === 'HOUR')).toBeGreaterThan(0);
    expect(share((j) => !j.salary)).toBeGreaterThan(0);
    expect(new Set(DEMO_JOBS.map((j) => j.apply.method))).toEqual(new Set(['url', 'email', 'onsite']));
  });
});

describe('the demo organizations', () => {
  it('have complete profiles the organization API would accept, on reserved domains, each owned by a demo employer', async () => {
    const employers = new Set(DEMO_USERS.filter((u) => u.role === 'employer').map((u) => u.email));
    for (const organization of DEMO_ORGANIZATIONS) {
      const profile = plainToInstance(UpdateOrganizationDto, { name: organization.name, ...organization.profile });
      expect(await validate(profile, { whitelist: true, forbidNonWhitelisted: true })).toEqual([]);
      expect(reservedHost(new URL(organization.profile.website).hostname)).toBe(true);
      expect(organization.profile.website).toMatch(/^https:\/\//);
      expect([organization.owner, ...organization.recruiters].every((e) => employers.has(e))).toBe(true);
    }
  });
});

describe('the demo coders', () => {
  const candidates = DEMO_USERS.filter((u) => u.role === 'candidate');
  /** The coders (by email) for whom `problem` says something. */
  const coders = (problem: (profile: DemoCandidateProfile) => unknown) => DEMO_CANDIDATE_PROFILES.filter((p) => problem(p)).map((p) => p.coder);
  const loadedAt = new Date('2026-03-15T12:00:00Z');

  it('each have one profile, three of the five visible to verified employers', () => {
    expect(DEMO_CANDIDATE_PROFILES.map((p) => p.coder).sort()).toEqual(candidates.map((u) => u.email).sort());
    expect(DEMO_CANDIDATE_PROFILES.filter((p) => p.visibility === 'employers')).toHaveLength(3);
  });

  it('have profiles the profile API would accept', async () => {
    const problems: Record<string, unknown> = {};
    for (const profile of DEMO_CANDIDATE_PROFILES) {
      const input = plainToInstance(CandidateProfileDto, {
        headline: profile.headline,
        summary: profile.summary,
        city: profile.city,
        state: profile.state,
        openToRelocation: profile.openToRelocation,
        workplacePreferences: profile.workplacePreferences,
        desiredPay: profile.desiredPay,
        settings: profile.settings,
        tools: profile.tools,
        yearsExperience: profile.yearsExperience,
        visibility: profile.visibility,
        credentials: profile.credentials.map((c) => ({
          code: c.code,
          earnedOn: demoDate(loadedAt, -c.earnedMonthsAgo),
          expiresOn: demoDate(loadedAt, c.expiresInMonths),
        })),
        specialties: profile.specialties,
      });
      const errors = await validate(input, { whitelist: true, forbidNonWhitelisted: true });
      if (errors.length) problems[profile.coder] = errors.map((e) => e.toString());
    }
    expect(problems).toEqual({});
  });

  it('name only credentials, specialties and settings of the reference data, each once and in its place', () => {
    const repeats = (values: string[]) => new Set(values).size !== values.length;
    expect(coders((p) => p.credentials.length === 0 || p.credentials.some((c) => !credentialCodes.has(c.code)))).toEqual([]);
    expect(coders((p) => p.specialties.length === 0 || p.specialties.some((s) => !specialtySlugs.has(s.slug)))).toEqual([]);
    expect(coders((p) => p.settings.length === 0 || p.settings.some((s) => !settingSlugs.has(s)))).toEqual([]);
    expect(coders((p) => repeats(p.credentials.map((c) => c.code)) || repeats(p.specialties.map((s) => s.slug)) || repeats(p.tools))).toEqual([]);
  });

  it('hold credentials earned in the past that expire after they were earned, one of them already expired', () => {
    expect(coders((p) => p.credentials.some((c) => c.earnedMonthsAgo < 0 || c.expiresInMonths <= -c.earnedMonthsAgo))).toEqual([]);
    expect(coders((p) => p.credentials.some((c) => c.expiresInMonths < 0))).toEqual([`robert.thompson@${DEMO_EMAIL_DOMAIN}`]);
    // No more years in a specialty than in coding altogether.
    expect(coders((p) => p.specialties.some((s) => s.years > p.yearsExperience))).toEqual([]);
  });

  it('each have a one-page PDF resume the upload accepts, naming the coder and their reserved address', async () => {
    for (const profile of DEMO_CANDIDATE_PROFILES) {
      const pdf = textPdf(profile.resume.paragraphs);
      expect(await detectResumeType(pdf)).toBe(PDF_TYPE);
      expect(profile.resume.fileName).toMatch(/\.pdf$/);
      const name = DEMO_USERS.find((u) => u.email === profile.coder)!.name;
      expect(profile.resume.paragraphs[0].toLowerCase()).toContain(name.toLowerCase());
      expect(profile.resume.paragraphs.join('\n')).toContain(profile.coder);
    }
  });
});

describe('the demo applications', () => {
  const jobByKey = new Map(DEMO_JOBS.map((j) => [j.key, j]));
  const label = (a: DemoApplication) => `${a.coder} → ${a.job}`;
  const applicationsWhere = (problem: (a: DemoApplication) => unknown) => DEMO_APPLICATIONS.filter((a) => problem(a)).map(label);

  it('are by demo coders with a profile, one per coder and job, at several stages of the pipeline', () => {
    const coders = new Set(DEMO_CANDIDATE_PROFILES.map((p) => p.coder));
    expect(applicationsWhere((a) => !coders.has(a.coder))).toEqual([]);
    expect(new Set(DEMO_APPLICATIONS.map(label)).size).toBe(DEMO_APPLICATIONS.length);
    expect(new Set(DEMO_APPLICATIONS.map((a) => a.steps.at(-1)?.status ?? 'new')).size).toBeGreaterThanOrEqual(3);
  });

  it('go to published jobs that take applications on this site, after they were posted', () => {
    expect(
      applicationsWhere((a) => {
        const job = jobByKey.get(a.job);
        return job?.apply.method !== 'onsite' || job.lifecycle.status !== 'published' || a.appliedDaysAgo < 0 || a.appliedDaysAgo > job.lifecycle.postedDaysAgo;
      }),
    ).toEqual([]);
  });

  it('move only as an employer can, in time order', () => {
    expect(
      applicationsWhere((a) =>
        a.steps.some((step, i) => {
          const before = i === 0 ? { status: 'new' as const, daysAgo: a.appliedDaysAgo } : a.steps[i - 1];
          return !canEmployerMove(before.status, step.status) || step.daysAgo > before.daysAgo || step.daysAgo < 0;
        }),
      ),
    ).toEqual([]);
  });
});
