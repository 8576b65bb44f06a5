import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Delivery rows are written by the hundred thousand (one per job an alert
 * email lists), and checking a foreign key costs a lookup and a row lock per
 * row: the job and email keys cost more than writing the rows. Both rows
 * are read in the transaction that writes the deliveries, and a published
 * job is never deleted (only drafts are, which no alert has seen), so the
 * checks guard nothing; what the keys did on delete is done per statement
 * instead. The alert key stays: an owner may delete an alert at any time.
 */
export class AlertDeliveryReferences1764608400000 implements MigrationInterface {
  name = 'AlertDeliveryReferences1764608400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "alert_deliveries" DROP CONSTRAINT "alert_deliveries_job_id_fkey"`);
    await queryRunner.query(`ALTER TABLE "alert_deliveries" DROP CONSTRAINT "alert_deliveries_email_id_fkey"`);
    await queryRunner.query(
      `CREATE FUNCTION alert_deliveries_forget_jobs() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         DELETE FROM alert_deliveries WHERE job_id IN (SELECT id FROM gone);
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER jobs_forget_alert_deliveries AFTER DELETE ON jobs REFERENCING OLD TABLE AS gone
       FOR EACH STATEMENT EXECUTE FUNCTION alert_deliveries_forget_jobs()`,
    );
    await queryRunner.query(
      `CREATE FUNCTION alert_deliveries_forget_emails() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         UPDATE alert_deliveries SET email_id = NULL WHERE email_id IN (SELECT id FROM gone);
         RETURN NULL;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER emails_forget_alert_deliveries AFTER DELETE ON emails REFERENCING OLD TABLE AS gone
       FOR EACH STATEMENT EXECUTE FUNCTION alert_deliveries_forget_emails()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER emails_forget_alert_deliveries ON emails`);
    await queryRunner.query(`DROP FUNCTION alert_deliveries_forget_emails()`);
    await queryRunner.query(`DROP TRIGGER jobs_forget_alert_deliveries ON jobs`);
    await queryRunner.query(`DROP FUNCTION alert_deliveries_forget_jobs()`);
    await queryRunner.query(
      `ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_email_id_fkey" FOREIGN KEY ("email_id") REFERENCES "emails"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }
}
