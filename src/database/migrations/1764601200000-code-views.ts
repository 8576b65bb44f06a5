import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Metered code views: one row per full view of a code page, under each key
 * that counts it (a signed-in member's account, or a signed-out visitor's
 * cookie and IP address), so limits hold across restarts and app instances.
 * Rows older than the window are of no use and are deleted as views go on.
 */
export class CodeViews1764601200000 implements MigrationInterface {
  name = 'CodeViews1764601200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE code_views (
         id bigserial PRIMARY KEY,
         meter_key varchar(120) NOT NULL,
         system varchar(16) NOT NULL,
         code varchar(8) NOT NULL,
         viewed_at timestamptz NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX code_views_meter_key_viewed_at_idx ON code_views (meter_key, viewed_at)`);
    await queryRunner.query(`CREATE INDEX code_views_viewed_at_idx ON code_views (viewed_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE code_views`);
  }
}
