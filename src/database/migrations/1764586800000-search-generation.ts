import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A counter of changes to the search documents. Servers keep the facet
 * counts of recent searches under the counter's value, so any committed
 * change to the documents makes every server count again. The counter is a
 * row updated in the changing transaction (not a sequence): a search that
 * reads a new value also sees the change that set it.
 */
export class SearchGeneration1764586800000 implements MigrationInterface {
  name = 'SearchGeneration1764586800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE search_generation (
        id boolean NOT NULL DEFAULT true,
        generation bigint NOT NULL,
        CONSTRAINT search_generation_pkey PRIMARY KEY (id),
        CONSTRAINT search_generation_one_row CHECK (id))`);
    await queryRunner.query(`INSERT INTO search_generation (id, generation) VALUES (true, 0)`);
    // Statement-level with transition tables: one update per statement, and none when the statement changed no document.
    await queryRunner.query(`
      CREATE FUNCTION job_search_documents_changed() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM changed) THEN
          UPDATE search_generation SET generation = generation + 1;
        END IF;
        RETURN NULL;
      END $$`);
    for (const [event, table] of [
      ['INSERT', 'NEW'],
      ['UPDATE', 'NEW'],
      ['DELETE', 'OLD'],
    ]) {
      await queryRunner.query(`
        CREATE TRIGGER job_search_documents_${event.toLowerCase()} AFTER ${event} ON job_search_documents
        REFERENCING ${table} TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION job_search_documents_changed()`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const event of ['insert', 'update', 'delete']) await queryRunner.query(`DROP TRIGGER job_search_documents_${event} ON job_search_documents`);
    await queryRunner.query(`DROP FUNCTION job_search_documents_changed()`);
    await queryRunner.query(`DROP TABLE search_generation`);
  }
}
