import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { renderMarkdown } from '../../src/common/markdown';
import { Job } from '../../src/jobs/job.entity';
import { api, GOOD_PASSWORD, uniqueEmail } from './http';

export interface SignedUp {
  id: string;
  email: string;
  token: string;
  organizationId?: string;
}

/** A new account through the real API; employers get their organization. */
export async function signUp(
  baseUrl: string,
  role: 'candidate' | 'employer',
  dataSource: DataSource,
  organizationName = `Org ${randomUUID().slice(0, 8)}`,
): Promise<SignedUp> {
  const email = uniqueEmail(role);
  const res = await api(baseUrl).post('/api/auth/register', {
    email,
    password: GOOD_PASSWORD,
    name: `Test ${role}`,
    role,
    ...(role === 'employer' ? { organizationName } : {}),
  });
  if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${JSON.stringify(res.body)}`);
  const [membership] = await dataSource.query(`SELECT organization_id FROM organization_members WHERE user_id = $1`, [res.body.user.id]);
  return { id: res.body.user.id, email, token: res.body.accessToken, organizationId: membership?.organization_id };
}

/** An admin account (no sign-up path grants the role): a candidate promoted in the database. */
export async function signUpAdmin(baseUrl: string, dataSource: DataSource): Promise<SignedUp> {
  const user = await signUp(baseUrl, 'candidate', dataSource);
  await dataSource.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [user.id]);
  return user;
}

/** Marks an organization verified, as an admin would. */
export async function verifyOrganization(dataSource: DataSource, organizationId: string): Promise<void> {
  await dataSource.query(`UPDATE organizations SET verified_at = now() WHERE id = $1`, [organizationId]);
}

/**
 * Inserts a job row directly (for read-side tests that need postings in a
 * given state without going through the lifecycle). Defaults: a published,
 * full-time, onsite CPC job in Austin, TX, valid for 30 days.
 */
export async function insertJob(dataSource: DataSource, organizationId: string, overrides: Partial<Job> = {}): Promise<Job> {
  const now = new Date();
  const description = overrides.description ?? 'Code professional-fee **E/M** and minor procedures for a busy clinic.';
  const repo = dataSource.getRepository(Job);
  const job = repo.create({
    organizationId,
    status: 'published',
    title: 'Outpatient Coder II',
    description,
    descriptionHtml: renderMarkdown(description),
    employmentType: 'FULL_TIME',
    workplace: 'onsite',
    locations: [{ city: 'Austin', state: 'TX', postalCode: '78701' }],
    locationStates: ['TX'],
    remoteStates: [],
    salaryMin: 52000,
    salaryMax: 64000,
    salaryCurrency: 'USD',
    salaryPeriod: 'YEAR',
    credentialCodes: ['CPC'],
    specialtySlugs: ['cpt-evaluation-management'],
    settingSlugs: ['pro-fee'],
    tools: ['Epic'],
    applyMethod: 'url',
    applyUrl: 'https://careers.example.org/apply/123',
    publishedAt: now,
    validThrough: new Date(now.getTime() + 30 * 86400_000),
    ...overrides,
  });
  return repo.save(job);
}
