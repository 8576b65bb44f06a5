import { MigrationInterface, QueryRunner } from 'typeorm';

/** The credential and specialty taxonomy, job postings, and organization profiles with team invitations. */
export class EmployersAndJobs1764576000000 implements MigrationInterface {
  name = 'EmployersAndJobs1764576000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "jobs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "created_by" uuid, "status" character varying(16) NOT NULL DEFAULT 'draft', "title" character varying(120) NOT NULL, "description" text NOT NULL, "description_html" text NOT NULL, "employment_type" character varying(16) NOT NULL, "workplace" character varying(8) NOT NULL, "locations" jsonb NOT NULL DEFAULT '[]', "location_states" text array NOT NULL DEFAULT '{}', "remote_states" text array NOT NULL DEFAULT '{}', "salary_min" numeric(12,2), "salary_max" numeric(12,2), "salary_currency" character(3) NOT NULL DEFAULT 'USD', "salary_period" character varying(4), "credential_codes" text array NOT NULL DEFAULT '{}', "apprentice_friendly" boolean NOT NULL DEFAULT false, "specialty_slugs" text array NOT NULL DEFAULT '{}', "setting_slugs" text array NOT NULL DEFAULT '{}', "min_years_experience" smallint, "tools" text array NOT NULL DEFAULT '{}', "productivity" character varying(500), "apply_method" character varying(8) NOT NULL DEFAULT 'onsite', "apply_url" character varying(2000), "apply_email" character varying(254), "valid_through" TIMESTAMP WITH TIME ZONE, "published_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "close_reason" character varying(8), "expiry_warned_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "jobs_close_reason_check" CHECK (close_reason IS NULL OR close_reason IN ('filled', 'closed')), CONSTRAINT "jobs_apply_method_check" CHECK (apply_method IN ('onsite', 'url', 'email')), CONSTRAINT "jobs_salary_range_check" CHECK (salary_min IS NULL OR salary_max IS NULL OR salary_min <= salary_max), CONSTRAINT "jobs_salary_period_check" CHECK (salary_period IS NULL OR salary_period IN ('HOUR', 'YEAR')), CONSTRAINT "jobs_workplace_check" CHECK (workplace IN ('onsite', 'hybrid', 'remote')), CONSTRAINT "jobs_employment_type_check" CHECK (employment_type IN ('FULL_TIME', 'PART_TIME', 'CONTRACTOR', 'TEMPORARY', 'PER_DIEM', 'INTERN')), CONSTRAINT "jobs_status_check" CHECK (status IN ('draft', 'pending_review', 'published', 'closed', 'expired')), CONSTRAINT "jobs_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "jobs_status_valid_through_idx" ON "jobs"("status", "valid_through")`);
    await queryRunner.query(`CREATE INDEX "jobs_status_published_at_idx" ON "jobs"("status", "published_at")`);
    await queryRunner.query(`CREATE INDEX "jobs_organization_id_status_idx" ON "jobs"("organization_id", "status")`);
    await queryRunner.query(
      `CREATE TABLE "specialties" ("slug" character varying(64) NOT NULL, "name" character varying(120) NOT NULL, "code_system" character varying(32) NOT NULL, "ranges" jsonb NOT NULL DEFAULT '[]', "description" text NOT NULL, "group" character varying(32), "parent" character varying(64), "position" integer NOT NULL, CONSTRAINT "specialties_pkey" PRIMARY KEY ("slug"))`,
    );
    await queryRunner.query(`CREATE INDEX "specialties_group_idx" ON "specialties"("group")`);
    await queryRunner.query(`CREATE INDEX "specialties_parent_idx" ON "specialties"("parent")`);
    await queryRunner.query(
      `CREATE TABLE "organization_invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "email" character varying(254) NOT NULL, "role" character varying(16) NOT NULL, "token_hash" character(64) NOT NULL, "invited_by" uuid, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "organization_invitations_role_check" CHECK (role IN ('owner', 'recruiter')), CONSTRAINT "organization_invitations_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "organization_invitations_organization_id_idx" ON "organization_invitations"("organization_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "organization_invitations_token_hash_key" ON "organization_invitations"("token_hash")`);
    await queryRunner.query(
      `CREATE TABLE "credentials" ("code" character varying(16) NOT NULL, "name" character varying(120) NOT NULL, "issuer" character varying(16) NOT NULL, "kind" character varying(32) NOT NULL, "notes" text, "position" integer NOT NULL, CONSTRAINT "credentials_pkey" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(`ALTER TABLE "organizations" ADD "website" character varying(2000)`);
    await queryRunner.query(`ALTER TABLE "organizations" ADD "about" text`);
    await queryRunner.query(`ALTER TABLE "organizations" ADD "about_html" text`);
    await queryRunner.query(`ALTER TABLE "organizations" ADD "headquarters_city" character varying(100)`);
    await queryRunner.query(`ALTER TABLE "organizations" ADD "headquarters_state" character(2)`);
    await queryRunner.query(`ALTER TABLE "organizations" ADD "size_band" character varying(16)`);
    await queryRunner.query(`ALTER TABLE "organizations" ADD "logo" bytea`);
    await queryRunner.query(`ALTER TABLE "organizations" ADD "logo_content_type" character varying(32)`);
    await queryRunner.query(`ALTER TABLE "organizations" ADD "logo_updated_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "organizations" ADD "verified_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `ALTER TABLE "organizations" ADD CONSTRAINT "organizations_size_band_check" CHECK (size_band IN ('1-10', '11-50', '51-200', '201-1000', '1001-5000', '5001+'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "jobs" ADD CONSTRAINT "jobs_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "jobs" ADD CONSTRAINT "jobs_created_by_fkey" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organization_invitations" ADD CONSTRAINT "organization_invitations_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organization_invitations" ADD CONSTRAINT "organization_invitations_invited_by_fkey" FOREIGN KEY ("invited_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "organization_invitations"`);
    await queryRunner.query(`DROP TABLE "jobs"`);
    await queryRunner.query(`DROP TABLE "specialties"`);
    await queryRunner.query(`DROP TABLE "credentials"`);
    await queryRunner.query(`ALTER TABLE "organizations" DROP CONSTRAINT "organizations_size_band_check"`);
    for (const column of [
      'website',
      'about',
      'about_html',
      'headquarters_city',
      'headquarters_state',
      'size_band',
      'logo',
      'logo_content_type',
      'logo_updated_at',
      'verified_at',
    ]) {
      await queryRunner.query(`ALTER TABLE "organizations" DROP COLUMN "${column}"`);
    }
  }
}
