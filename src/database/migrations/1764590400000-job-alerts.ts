import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Job alerts: saved searches of members and confirmed guests, their match
 * keys (array columns a new job's values are looked up in, so one job is
 * matched against every alert without a search per alert), and one delivery
 * row per (alert, job), which is what makes a job go to an alert at most
 * once. Emails gain headers (List-Unsubscribe) and a `skipped` status for an
 * alert email whose jobs all closed before it could be sent.
 */
export class JobAlerts1764590400000 implements MigrationInterface {
  name = 'JobAlerts1764590400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "alerts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid, "guest_email" character varying(254), "name" character varying(100) NOT NULL, "params" jsonb NOT NULL, "frequency" character varying(8) NOT NULL, "time_zone" character varying(64) NOT NULL DEFAULT 'America/New_York', "credential_keys" text array NOT NULL, "specialty_keys" text array NOT NULL, "setting_keys" text array NOT NULL, "workplace_keys" text array NOT NULL, "state_keys" text array NOT NULL, "employment_type_keys" text array NOT NULL, "organization_keys" text array NOT NULL, "salary_min" integer, "apprentice" boolean NOT NULL DEFAULT false, "posted_within" smallint, "tsquery" text, "confirmed_at" TIMESTAMP WITH TIME ZONE, "paused_at" TIMESTAMP WITH TIME ZONE, "unsubscribed_at" TIMESTAMP WITH TIME ZONE, "last_digest_at" TIMESTAMP WITH TIME ZONE, "next_digest_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "alerts_frequency_check" CHECK (frequency IN ('instant', 'daily', 'weekly')), CONSTRAINT "alerts_owner_check" CHECK ((user_id IS NULL) <> (guest_email IS NULL)), CONSTRAINT "alerts_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "alerts_user_id_idx" ON "alerts"  ("user_id") `);
    await queryRunner.query(`CREATE INDEX "alerts_guest_email_idx" ON "alerts"  ("guest_email") `);
    await queryRunner.query(
      `ALTER TABLE "alerts" ADD CONSTRAINT "alerts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Percolation: a new job's values (plus '*', which an alert without that filter holds) are looked up in these.
    for (const column of ['credential_keys', 'specialty_keys', 'state_keys']) {
      await queryRunner.query(`CREATE INDEX alerts_${column}_idx ON alerts USING gin (${column}) WHERE unsubscribed_at IS NULL`);
    }
    await queryRunner.query(`CREATE INDEX alerts_next_digest_at_idx ON alerts (next_digest_at) WHERE unsubscribed_at IS NULL AND next_digest_at IS NOT NULL`);

    await queryRunner.query(
      `CREATE TABLE "alert_deliveries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "alert_id" uuid NOT NULL, "job_id" uuid NOT NULL, "status" character varying(8) NOT NULL DEFAULT 'pending', "email_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "alert_deliveries_status_check" CHECK (status IN ('pending', 'queued', 'sent', 'skipped')), CONSTRAINT "alert_deliveries_pkey" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "alert_deliveries_alert_id_job_id_key" ON "alert_deliveries"  ("alert_id", "job_id") `);
    await queryRunner.query(`CREATE INDEX "alert_deliveries_email_id_idx" ON "alert_deliveries"  ("email_id") `);
    await queryRunner.query(`CREATE INDEX "alert_deliveries_job_id_idx" ON "alert_deliveries"  ("job_id") `);
    await queryRunner.query(`CREATE INDEX alert_deliveries_pending_idx ON alert_deliveries (alert_id) WHERE status = 'pending'`);
    await queryRunner.query(
      `ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alerts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_email_id_fkey" FOREIGN KEY ("email_id") REFERENCES "emails"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );

    await queryRunner.query(`ALTER TABLE "emails" ADD "headers" jsonb`);
    await queryRunner.query(`ALTER TABLE "emails" DROP CONSTRAINT "emails_status_check"`);
    await queryRunner.query(`ALTER TABLE "emails" ADD CONSTRAINT "emails_status_check" CHECK (status IN ('queued', 'sent', 'failed', 'skipped'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "emails" DROP CONSTRAINT "emails_status_check"`);
    await queryRunner.query(`ALTER TABLE "emails" ADD CONSTRAINT "emails_status_check" CHECK (status IN ('queued', 'sent', 'failed'))`);
    await queryRunner.query(`ALTER TABLE "emails" DROP COLUMN "headers"`);
    await queryRunner.query(`DROP TABLE "alert_deliveries"`);
    await queryRunner.query(`DROP TABLE "alerts"`);
  }
}
