import { DataSource } from 'typeorm';
import { Application, ApplicationStatus, ScreeningAnswer } from '../../src/applications/application.entity';
import { uniqueEmail } from './http';

/** Who applied: an account's id and address. */
export interface Applicant {
  id: string;
  email: string;
}

/**
 * A candidate account written directly, for tests that need many
 * applicants and never sign in as them (signing up hashes a password each time).
 */
export async function insertCandidate(dataSource: DataSource, name = 'Test candidate'): Promise<Applicant> {
  const email = uniqueEmail('applicant');
  const [row] = await dataSource.query(
    `INSERT INTO users (email, password_hash, name, role, email_verified) VALUES ($1, 'unusable', $2, 'candidate', true) RETURNING id`,
    [email, name],
  );
  return { id: row.id, email };
}

/** A one-page PDF, small and real enough for any reader. */
export const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

/** A candidate's profile, credentials and specialties, written directly (for the employer's side of the pipeline). */
export async function insertProfile(
  dataSource: DataSource,
  userId: string,
  profile: {
    headline?: string;
    city?: string;
    state?: string;
    yearsExperience?: number;
    summary?: string;
    tools?: string[];
    credentials?: Array<{ code: string; expiresOn?: string }>;
    specialties?: Array<{ slug: string; years: number }>;
  } = {},
): Promise<void> {
  await dataSource.query(
    `INSERT INTO candidate_profiles (user_id, headline, city, state, years_experience, summary, tools) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      userId,
      profile.headline ?? null,
      profile.city ?? null,
      profile.state ?? null,
      profile.yearsExperience ?? null,
      profile.summary ?? null,
      profile.tools ?? [],
    ],
  );
  for (const c of profile.credentials ?? []) {
    await dataSource.query(`INSERT INTO candidate_credentials (user_id, credential_code, expires_on) VALUES ($1, $2, $3)`, [
      userId,
      c.code,
      c.expiresOn ?? null,
    ]);
  }
  for (const s of profile.specialties ?? []) {
    await dataSource.query(`INSERT INTO candidate_specialties (user_id, specialty_slug, years) VALUES ($1, $2, $3)`, [userId, s.slug, s.years]);
  }
}

/** A stored resume of `userId`; its id. */
export async function insertResume(dataSource: DataSource, userId: string, fileName = 'Jordan Lee resume.pdf', content = TINY_PDF): Promise<string> {
  const [row] = await dataSource.query(
    `INSERT INTO resumes (user_id, file_name, content_type, size, content, text_status, is_default) VALUES ($1, $2, 'application/pdf', $3, $4, 'empty', true) RETURNING id`,
    [userId, fileName, content.length, content],
  );
  return row.id;
}

export interface ApplicationFixture {
  status?: ApplicationStatus;
  name?: string;
  coverLetter?: string;
  answers?: ScreeningAnswer[];
  resumeId?: string;
  createdAt?: Date;
}

/**
 * An application of `candidate` to `job`, with its first timeline step, as
 * applying leaves it (then moved to `status` directly, when given).
 */
export async function insertApplication(
  dataSource: DataSource,
  job: { id: string; organizationId: string },
  candidate: Applicant,
  fixture: ApplicationFixture = {},
): Promise<Application> {
  const answers = fixture.answers ?? [];
  const createdAt = fixture.createdAt ?? new Date();
  const [row] = await dataSource.query(
    `INSERT INTO applications (job_id, organization_id, candidate_id, candidate_name, candidate_email, resume_id, cover_letter, answers, knockout, status, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id`,
    [
      job.id,
      job.organizationId,
      candidate.id,
      fixture.name ?? 'Test candidate',
      candidate.email,
      fixture.resumeId ?? null,
      fixture.coverLetter ?? null,
      JSON.stringify(answers),
      answers.some((a) => a.knockout),
      fixture.status ?? 'new',
      createdAt,
    ],
  );
  await dataSource.query(`INSERT INTO application_events (application_id, status, actor_id, created_at) VALUES ($1, 'new', $2, $3)`, [
    row.id,
    candidate.id,
    createdAt,
  ]);
  return dataSource.getRepository(Application).findOneByOrFail({ id: row.id });
}

/** What the database holds of an application: its status and its timeline. */
export async function applicationState(
  dataSource: DataSource,
  id: string,
): Promise<{ status: ApplicationStatus; events: Array<{ status: string; actor_id: string | null; message: string | null }> }> {
  const [{ status }] = await dataSource.query(`SELECT status FROM applications WHERE id = $1`, [id]);
  const events = await dataSource.query(`SELECT status, actor_id, message FROM application_events WHERE application_id = $1 ORDER BY created_at, id`, [id]);
  return { status, events };
}
