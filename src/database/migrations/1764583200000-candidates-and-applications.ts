import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The coder's side and the employer's pipeline: candidate profiles with
 * credentials and specialties, resumes (bytea), saved jobs, applications with
 * their timeline and notes, Idempotency-Key answers, employers' views of
 * candidates, invitations to apply; screening questions on jobs and each
 * member's choice of application emails.
 */
export class CandidatesAndApplications1764583200000 implements MigrationInterface {
  name = 'CandidatesAndApplications1764583200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "resumes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid, "file_name" character varying(255) NOT NULL, "content_type" character varying(100) NOT NULL, "size" integer NOT NULL, "content" bytea NOT NULL, "text" text, "text_status" character varying(16) NOT NULL, "is_default" boolean NOT NULL DEFAULT false, "removed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "resumes_text_status_check" CHECK (text_status IN ('extracted', 'empty', 'failed')), CONSTRAINT "resumes_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "resumes_one_default_key" ON "resumes"  ("user_id") WHERE is_default AND removed_at IS NULL`);
    await queryRunner.query(`CREATE INDEX "resumes_user_id_idx" ON "resumes"  ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "applications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "job_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "candidate_id" uuid, "candidate_name" character varying(100) NOT NULL, "candidate_email" character varying(254), "resume_id" uuid, "cover_letter" text, "answers" jsonb NOT NULL DEFAULT '[]', "knockout" boolean NOT NULL DEFAULT false, "status" character varying(16) NOT NULL DEFAULT 'new', "anonymized_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "applications_status_check" CHECK (status IN ('new', 'reviewed', 'shortlisted', 'interviewing', 'offered', 'hired', 'rejected', 'withdrawn')), CONSTRAINT "applications_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "applications_job_id_created_at_idx" ON "applications"  ("job_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "applications_organization_id_status_idx" ON "applications"  ("organization_id", "status") `);
    await queryRunner.query(`CREATE INDEX "applications_candidate_id_idx" ON "applications"  ("candidate_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "applications_job_id_candidate_id_key" ON "applications"  ("job_id", "candidate_id") `);
    await queryRunner.query(
      `CREATE TABLE "application_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "status" character varying(16) NOT NULL, "actor_id" uuid, "message" character varying(2000), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "application_events_status_check" CHECK (status IN ('new', 'reviewed', 'shortlisted', 'interviewing', 'offered', 'hired', 'rejected', 'withdrawn')), CONSTRAINT "application_events_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "application_events_application_id_created_at_idx" ON "application_events"  ("application_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "application_notes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "application_id" uuid NOT NULL, "author_id" uuid, "body" character varying(5000) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "application_notes_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "application_notes_application_id_created_at_idx" ON "application_notes"  ("application_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "idempotency_keys" ("user_id" uuid NOT NULL, "key" character varying(255) NOT NULL, "request_hash" character(64) NOT NULL, "response_status" smallint NOT NULL, "response_body" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("user_id", "key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "candidate_credentials" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "credential_code" character varying(16) NOT NULL, "certificate_number" character varying(64), "earned_on" date, "expires_on" date, CONSTRAINT "candidate_credentials_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "candidate_credentials_credential_code_idx" ON "candidate_credentials"  ("credential_code") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "candidate_credentials_user_id_credential_code_key" ON "candidate_credentials"  ("user_id", "credential_code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "candidate_invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "job_id" uuid NOT NULL, "candidate_id" uuid NOT NULL, "invited_by" uuid, "message" character varying(2000), "status" character varying(8) NOT NULL DEFAULT 'sent', "responded_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "candidate_invitations_status_check" CHECK (status IN ('sent', 'accepted', 'ignored')), CONSTRAINT "candidate_invitations_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "candidate_invitations_candidate_id_idx" ON "candidate_invitations"  ("candidate_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "candidate_invitations_job_id_candidate_id_key" ON "candidate_invitations"  ("job_id", "candidate_id") `);
    await queryRunner.query(
      `CREATE TABLE "candidate_profiles" ("user_id" uuid NOT NULL, "headline" character varying(120), "summary" text, "city" character varying(100), "state" character(2), "open_to_relocation" boolean NOT NULL DEFAULT false, "workplace_preferences" text array NOT NULL DEFAULT '{}', "desired_pay_min" numeric(12,2), "desired_pay_period" character varying(4), "setting_slugs" text array NOT NULL DEFAULT '{}', "tools" text array NOT NULL DEFAULT '{}', "years_experience" smallint, "linkedin_url" character varying(2000), "visibility" character varying(16) NOT NULL DEFAULT 'private', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "candidate_profiles_desired_pay_period_check" CHECK (desired_pay_period IS NULL OR desired_pay_period IN ('HOUR', 'YEAR')), CONSTRAINT "candidate_profiles_visibility_check" CHECK (visibility IN ('private', 'employers')), CONSTRAINT "candidate_profiles_pkey" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "candidate_specialties" ("user_id" uuid NOT NULL, "specialty_slug" character varying(64) NOT NULL, "years" smallint NOT NULL DEFAULT '0', CONSTRAINT "candidate_specialties_years_check" CHECK (years >= 0 AND years <= 60), CONSTRAINT "candidate_specialties_pkey" PRIMARY KEY ("user_id", "specialty_slug"))`,
    );
    await queryRunner.query(`CREATE INDEX "candidate_specialties_specialty_slug_idx" ON "candidate_specialties"  ("specialty_slug") `);
    await queryRunner.query(
      `CREATE TABLE "candidate_views" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "candidate_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "viewer_id" uuid, "kind" character varying(8) NOT NULL, "resume_id" uuid, "application_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "candidate_views_kind_check" CHECK (kind IN ('profile', 'resume')), CONSTRAINT "candidate_views_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "candidate_views_candidate_id_created_at_idx" ON "candidate_views"  ("candidate_id", "created_at") `);
    await queryRunner.query(
      `CREATE TABLE "saved_jobs" ("user_id" uuid NOT NULL, "job_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "saved_jobs_pkey" PRIMARY KEY ("user_id", "job_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "saved_jobs_job_id_idx" ON "saved_jobs"  ("job_id") `);
    await queryRunner.query(`ALTER TABLE "jobs" ADD "screening_questions" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "organization_members" ADD "application_emails" character varying(8) NOT NULL DEFAULT 'instant'`);
    await queryRunner.query(`ALTER TABLE "organization_members" ADD "application_digest_sent_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "organization_members" ADD CONSTRAINT "organization_members_application_emails_check" CHECK (application_emails IN ('instant', 'daily', 'off'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "resumes" ADD CONSTRAINT "resumes_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "applications" ADD CONSTRAINT "applications_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "applications" ADD CONSTRAINT "applications_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "applications" ADD CONSTRAINT "applications_candidate_id_fkey" FOREIGN KEY ("candidate_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "applications" ADD CONSTRAINT "applications_resume_id_fkey" FOREIGN KEY ("resume_id") REFERENCES "resumes"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "application_events" ADD CONSTRAINT "application_events_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "application_events" ADD CONSTRAINT "application_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "application_notes" ADD CONSTRAINT "application_notes_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "application_notes" ADD CONSTRAINT "application_notes_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "candidate_credentials" ADD CONSTRAINT "candidate_credentials_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "candidate_invitations" ADD CONSTRAINT "candidate_invitations_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "candidate_invitations" ADD CONSTRAINT "candidate_invitations_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "candidate_invitations" ADD CONSTRAINT "candidate_invitations_candidate_id_fkey" FOREIGN KEY ("candidate_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "candidate_invitations" ADD CONSTRAINT "candidate_invitations_invited_by_fkey" FOREIGN KEY ("invited_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "candidate_profiles" ADD CONSTRAINT "candidate_profiles_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "candidate_specialties" ADD CONSTRAINT "candidate_specialties_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "candidate_views" ADD CONSTRAINT "candidate_views_candidate_id_fkey" FOREIGN KEY ("candidate_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "candidate_views" ADD CONSTRAINT "candidate_views_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "candidate_views" ADD CONSTRAINT "candidate_views_viewer_id_fkey" FOREIGN KEY ("viewer_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "saved_jobs" ADD CONSTRAINT "saved_jobs_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "saved_jobs" ADD CONSTRAINT "saved_jobs_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organization_members" DROP CONSTRAINT "organization_members_application_emails_check"`);
    await queryRunner.query(`ALTER TABLE "organization_members" DROP COLUMN "application_digest_sent_at"`);
    await queryRunner.query(`ALTER TABLE "organization_members" DROP COLUMN "application_emails"`);
    await queryRunner.query(`ALTER TABLE "jobs" DROP COLUMN "screening_questions"`);
    await queryRunner.query(`DROP TABLE "application_notes"`);
    await queryRunner.query(`DROP TABLE "application_events"`);
    await queryRunner.query(`DROP TABLE "applications"`);
    await queryRunner.query(`DROP TABLE "idempotency_keys"`);
    await queryRunner.query(`DROP TABLE "candidate_views"`);
    await queryRunner.query(`DROP TABLE "candidate_invitations"`);
    await queryRunner.query(`DROP TABLE "saved_jobs"`);
    await queryRunner.query(`DROP TABLE "candidate_specialties"`);
    await queryRunner.query(`DROP TABLE "candidate_credentials"`);
    await queryRunner.query(`DROP TABLE "candidate_profiles"`);
    await queryRunner.query(`DROP TABLE "resumes"`);
  }
}
