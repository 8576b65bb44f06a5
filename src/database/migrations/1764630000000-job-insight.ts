import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Employer insight: views and apply-button clicks per job and UTC day, and
 * the day's visitors (keyed hashes) so that unique visitors are a count of
 * rows. Both are written in batches by the counter; applications by day
 * come from the applications table.
 */
export class JobInsight1764630000000 implements MigrationInterface {
  name = 'JobInsight1764630000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "job_daily_stats" ("job_id" uuid NOT NULL, "day" date NOT NULL, "views" integer NOT NULL DEFAULT 0, "apply_clicks" integer NOT NULL DEFAULT 0, CONSTRAINT "job_daily_stats_pkey" PRIMARY KEY ("job_id", "day"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "job_daily_stats" ADD CONSTRAINT "job_daily_stats_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TABLE "job_daily_visitors" ("job_id" uuid NOT NULL, "day" date NOT NULL, "visitor" character varying(22) NOT NULL, CONSTRAINT "job_daily_visitors_pkey" PRIMARY KEY ("job_id", "day", "visitor"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "job_daily_visitors" ADD CONSTRAINT "job_daily_visitors_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "job_daily_visitors"`);
    await queryRunner.query(`DROP TABLE "job_daily_stats"`);
  }
}
