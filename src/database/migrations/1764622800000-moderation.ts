import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Moderation: suspending an organization (its postings move to `suspended`
 * and remember the status to return to), the reason a posting was sent back
 * from review, and reports about postings.
 */
export class Moderation1764622800000 implements MigrationInterface {
  name = 'Moderation1764622800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organizations" ADD "suspended_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "organizations" ADD "suspension_reason" character varying(1000)`);
    await queryRunner.query(`ALTER TABLE "jobs" ADD "suspended_from" character varying(16)`);
    await queryRunner.query(`ALTER TABLE "jobs" ADD "review_note" character varying(1000)`);
    await queryRunner.query(`ALTER TABLE "jobs" DROP CONSTRAINT "jobs_status_check"`);
    await queryRunner.query(
      `ALTER TABLE "jobs" ADD CONSTRAINT "jobs_status_check" CHECK (status IN ('draft', 'pending_review', 'published', 'closed', 'expired', 'suspended'))`,
    );
    await queryRunner.query(`ALTER TABLE "jobs" ADD CONSTRAINT "jobs_suspended_from_check" CHECK ((status = 'suspended') = (suspended_from IS NOT NULL))`);
    await queryRunner.query(
      `CREATE TABLE "job_reports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "job_id" uuid NOT NULL, "reporter_id" uuid, "reporter_key" character varying(80) NOT NULL, "reason" character varying(24) NOT NULL, "details" character varying(2000), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "resolved_at" TIMESTAMP WITH TIME ZONE, "resolution" character varying(16), "resolved_by" uuid, CONSTRAINT "job_reports_resolution_check" CHECK ((resolved_at IS NULL) = (resolution IS NULL) AND (resolution IS NULL OR resolution IN ('dismissed', 'upheld'))), CONSTRAINT "job_reports_reason_check" CHECK (reason IN ('scam', 'misleading', 'wrong_information', 'discriminatory')), CONSTRAINT "job_reports_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "job_reports_open_reporter_key" ON "job_reports" ("job_id", "reporter_key") WHERE resolved_at IS NULL`);
    await queryRunner.query(`CREATE INDEX "job_reports_open_created_at_idx" ON "job_reports" ("created_at") WHERE resolved_at IS NULL`);
    await queryRunner.query(
      `ALTER TABLE "job_reports" ADD CONSTRAINT "job_reports_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "job_reports" ADD CONSTRAINT "job_reports_reporter_id_fkey" FOREIGN KEY ("reporter_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "job_reports" ADD CONSTRAINT "job_reports_resolved_by_fkey" FOREIGN KEY ("resolved_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "job_reports"`);
    await queryRunner.query(`UPDATE "jobs" SET status = suspended_from WHERE status = 'suspended'`);
    await queryRunner.query(`ALTER TABLE "jobs" DROP CONSTRAINT "jobs_suspended_from_check"`);
    await queryRunner.query(`ALTER TABLE "jobs" DROP CONSTRAINT "jobs_status_check"`);
    await queryRunner.query(
      `ALTER TABLE "jobs" ADD CONSTRAINT "jobs_status_check" CHECK (status IN ('draft', 'pending_review', 'published', 'closed', 'expired'))`,
    );
    await queryRunner.query(`ALTER TABLE "jobs" DROP COLUMN "review_note"`);
    await queryRunner.query(`ALTER TABLE "jobs" DROP COLUMN "suspended_from"`);
    await queryRunner.query(`ALTER TABLE "organizations" DROP COLUMN "suspension_reason"`);
    await queryRunner.query(`ALTER TABLE "organizations" DROP COLUMN "suspended_at"`);
  }
}
