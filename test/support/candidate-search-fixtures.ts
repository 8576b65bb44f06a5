import { DataSource } from 'typeorm';
import { signUp, SignedUp, verifyOrganization } from './factories';
import { api, GOOD_PASSWORD, uniqueEmail } from './http';

export interface CandidateProfileFixture {
  name?: string;
  headline?: string | null;
  summary?: string | null;
  city?: string | null;
  state?: string | null;
  openToRelocation?: boolean;
  workplacePreferences?: string[];
  yearsExperience?: number | null;
  linkedinUrl?: string | null;
  visibility?: 'private' | 'employers';
  /** Employers only find candidates whose address is verified. */
  emailVerified?: boolean;
  credentials?: Array<{ code: string; earnedOn?: string; expiresOn?: string; certificateNumber?: string }>;
  specialties?: Array<{ slug: string; years: number }>;
  /** Extracted text of one resume each; `removed` ones were taken off the profile. */
  resumes?: Array<{ text: string; removed?: boolean }>;
  updatedAt?: Date;
}

/** A candidate made by `createCandidate`; sign in with `GOOD_PASSWORD` (or `candidateToken`) to act as them. */
export interface CandidateFixture {
  id: string;
  email: string;
  name: string;
}

/** One real password hash per database, shared by the candidates inserted directly: hashing is the slow part of signing up. */
const passwordHashes = new WeakMap<DataSource, Promise<string>>();

function passwordHash(baseUrl: string, dataSource: DataSource): Promise<string> {
  let hash = passwordHashes.get(dataSource);
  if (!hash) {
    hash = signUp(baseUrl, 'candidate', dataSource).then(
      async ({ id }) => (await dataSource.query(`SELECT password_hash FROM users WHERE id = $1`, [id]))[0].password_hash,
    );
    passwordHashes.set(dataSource, hash);
  }
  return hash;
}

/**
 * A candidate account with a profile, credentials, specialties and resume
 * text, written straight into the tables: by default visible to employers,
 * with a verified address. Its password is GOOD_PASSWORD.
 */
export async function createCandidate(baseUrl: string, dataSource: DataSource, fixture: CandidateProfileFixture = {}): Promise<CandidateFixture> {
  const name = fixture.name ?? 'Jordan Coder';
  const email = uniqueEmail('candidate');
  const [user]: Array<{ id: string }> = await dataSource.query(
    `INSERT INTO users (email, password_hash, name, role, email_verified) VALUES ($1, $2, $3, 'candidate', $4) RETURNING id`,
    [email, await passwordHash(baseUrl, dataSource), name, fixture.emailVerified ?? true],
  );
  await dataSource.query(
    `INSERT INTO candidate_profiles (user_id, headline, summary, city, state, open_to_relocation, workplace_preferences, years_experience, linkedin_url, visibility, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      user.id,
      fixture.headline === undefined ? 'Medical coder' : fixture.headline,
      fixture.summary ?? null,
      fixture.city === undefined ? 'Austin' : fixture.city,
      fixture.state === undefined ? 'TX' : fixture.state,
      fixture.openToRelocation ?? false,
      fixture.workplacePreferences ?? ['remote'],
      fixture.yearsExperience === undefined ? 3 : fixture.yearsExperience,
      fixture.linkedinUrl ?? null,
      fixture.visibility ?? 'employers',
      fixture.updatedAt ?? new Date(),
    ],
  );
  for (const c of fixture.credentials ?? []) {
    await dataSource.query(
      `INSERT INTO candidate_credentials (user_id, credential_code, certificate_number, earned_on, expires_on) VALUES ($1, $2, $3, $4, $5)`,
      [user.id, c.code, c.certificateNumber ?? null, c.earnedOn ?? null, c.expiresOn ?? null],
    );
  }
  for (const s of fixture.specialties ?? []) {
    await dataSource.query(`INSERT INTO candidate_specialties (user_id, specialty_slug, years) VALUES ($1, $2, $3)`, [user.id, s.slug, s.years]);
  }
  for (const [i, r] of (fixture.resumes ?? []).entries()) {
    await dataSource.query(
      `INSERT INTO resumes (user_id, file_name, content_type, size, content, text, text_status, is_default, removed_at)
       VALUES ($1, $2, 'application/pdf', 4, '\\x25504446'::bytea, $3, 'extracted', $4, $5)`,
      [user.id, `resume-${i + 1}.pdf`, r.text, i === 0 && !r.removed, r.removed ? new Date() : null],
    );
  }
  return { id: user.id, email, name };
}

/** An API token of a candidate made by `createCandidate`. */
export async function candidateToken(baseUrl: string, candidate: CandidateFixture): Promise<string> {
  const res = await api(baseUrl).post('/api/auth/login', { email: candidate.email, password: GOOD_PASSWORD });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken;
}

/** An employer whose organization an admin has verified: the only kind that may search candidates. */
export async function verifiedEmployer(baseUrl: string, dataSource: DataSource, organizationName?: string): Promise<SignedUp> {
  const employer = await signUp(baseUrl, 'employer', dataSource, organizationName);
  await verifyOrganization(dataSource, employer.organizationId!);
  return employer;
}

/** An application row, as applying would leave it (applying reveals the candidate's contact details to the organization). */
export async function insertApplication(dataSource: DataSource, job: { id: string; organizationId: string }, candidate: CandidateFixture): Promise<string> {
  const [row] = await dataSource.query(
    `INSERT INTO applications (job_id, organization_id, candidate_id, candidate_name, candidate_email) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [job.id, job.organizationId, candidate.id, candidate.name, candidate.email],
  );
  return row.id;
}
