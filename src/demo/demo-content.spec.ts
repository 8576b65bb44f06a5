import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { UpdateOrganizationDto } from '../employers/dto/organization-profile.dto';
import { JobInputDto } from '../jobs/dto/job-input.dto';
import { DEMO_JOBS, DEMO_ORGANIZATIONS, DEMO_USERS, DemoJob } from './demo-content';
import { demoJobId } from './demo-data.service';

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
