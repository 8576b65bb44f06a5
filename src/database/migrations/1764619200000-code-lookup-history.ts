import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The opt-in history of a coder's code lookups: off until the coder turns it
 * on (a row in code_history_optins), and emptied when turned off. A lookup
 * is kept once per code, with the time of the latest look and the narrowest
 * specialty the code belongs to, for "jobs for the codes you look up" and
 * the profile's specialty suggestions.
 */
export class CodeLookupHistory1764619200000 implements MigrationInterface {
  name = 'CodeLookupHistory1764619200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "code_history_optins" ("user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "code_history_optins_pkey" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "code_history_optins" ADD CONSTRAINT "code_history_optins_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE TABLE "code_lookups" ("user_id" uuid NOT NULL, "system" character varying(16) NOT NULL, "code" character varying(8) NOT NULL, "specialty_slug" character varying(64), "looked_up_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "code_lookups_pkey" PRIMARY KEY ("user_id", "system", "code"))`,
    );
    await queryRunner.query(`CREATE INDEX "code_lookups_user_id_looked_up_at_idx" ON "code_lookups" ("user_id", "looked_up_at") `);
    await queryRunner.query(
      `ALTER TABLE "code_lookups" ADD CONSTRAINT "code_lookups_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "code_lookups"`);
    await queryRunner.query(`DROP TABLE "code_history_optins"`);
  }
}
