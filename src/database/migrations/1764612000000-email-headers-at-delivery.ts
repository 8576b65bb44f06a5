import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Extra headers (an alert email's List-Unsubscribe) are made when an email
 * is composed for sending, with its signed links, instead of being stored
 * with each queued email. Emails still queued get theirs when they go.
 */
export class EmailHeadersAtDelivery1764612000000 implements MigrationInterface {
  name = 'EmailHeadersAtDelivery1764612000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "emails" DROP COLUMN "headers"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "emails" ADD "headers" jsonb`);
  }
}
