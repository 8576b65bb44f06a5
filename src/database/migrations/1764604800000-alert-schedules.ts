import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An alert's digest state moves to a narrow table of its own. The alert
 * engine rewrites it all day (every digest sent, every instant alert held
 * past its daily cap), while the alert itself changes only when its owner
 * edits it. Updating the wide alert row also rewrote its entries in every
 * index of alerts, the match-key GIN index among them, and left its pages
 * to be re-checked by index-only scans until the next vacuum.
 *
 * Every alert has one row. `next_digest_at` is null when no digest is owed
 * (an instant alert with nothing held back, or an unsubscribed alert, whose
 * row the next digest run clears).
 */
export class AlertSchedules1764604800000 implements MigrationInterface {
  name = 'AlertSchedules1764604800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "alert_schedules" ("alert_id" uuid NOT NULL, "next_digest_at" TIMESTAMP WITH TIME ZONE, "digest_since" TIMESTAMP WITH TIME ZONE, "last_digest_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "alert_schedules_pkey" PRIMARY KEY ("alert_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "alert_schedules" ADD CONSTRAINT "alert_schedules_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alerts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `INSERT INTO alert_schedules (alert_id, next_digest_at, digest_since, last_digest_at)
       SELECT id, CASE WHEN unsubscribed_at IS NULL THEN next_digest_at END, digest_since, last_digest_at FROM alerts`,
    );
    await queryRunner.query(`CREATE INDEX alert_schedules_next_digest_at_idx ON alert_schedules (next_digest_at) WHERE next_digest_at IS NOT NULL`);
    await queryRunner.query(`DROP INDEX alerts_next_digest_at_idx`);
    await queryRunner.query(`ALTER TABLE "alerts" DROP COLUMN "next_digest_at", DROP COLUMN "digest_since", DROP COLUMN "last_digest_at"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "alerts" ADD "last_digest_at" TIMESTAMP WITH TIME ZONE, ADD "next_digest_at" TIMESTAMP WITH TIME ZONE, ADD "digest_since" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `UPDATE alerts a SET next_digest_at = s.next_digest_at, digest_since = s.digest_since, last_digest_at = s.last_digest_at
       FROM alert_schedules s WHERE s.alert_id = a.id`,
    );
    await queryRunner.query(`CREATE INDEX alerts_next_digest_at_idx ON alerts (next_digest_at) WHERE unsubscribed_at IS NULL AND next_digest_at IS NOT NULL`);
    await queryRunner.query(`DROP TABLE "alert_schedules"`);
  }
}
