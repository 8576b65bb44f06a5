import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The code reference. `codes` holds the code lists as published (ICD-10-CM
 * with its billable flag, HCPCS Level II codes and modifiers, and CPT
 * descriptors only if an operator imports a licensed file); CPT numbers
 * without descriptors are resolved from the taxonomy's ranges and need no
 * row. Each import records its file, version and checksum in
 * `code_releases`, which pages name as their source. Like the search
 * documents, these tables are read and written with SQL (bulk import,
 * full-text and trigram search), not through entities.
 */
export class CodeReference1764597600000 implements MigrationInterface {
  name = 'CodeReference1764597600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE code_releases (
         id serial PRIMARY KEY,
         system varchar(16) NOT NULL CONSTRAINT code_releases_system_check CHECK (system IN ('icd-10-cm', 'hcpcs', 'cpt')),
         source varchar(120) NOT NULL,
         file_name varchar(200) NOT NULL,
         version varchar(120) NOT NULL,
         checksum char(64) NOT NULL,
         row_count integer NOT NULL,
         imported_at timestamptz NOT NULL DEFAULT now())`,
    );
    await queryRunner.query(`CREATE INDEX code_releases_system_idx ON code_releases (system, imported_at DESC)`);
    await queryRunner.query(
      `CREATE TABLE codes (
         system varchar(16) NOT NULL CONSTRAINT codes_system_check CHECK (system IN ('icd-10-cm', 'hcpcs', 'cpt')),
         code varchar(8) NOT NULL,
         kind varchar(8) NOT NULL DEFAULT 'code' CONSTRAINT codes_kind_check CHECK (kind IN ('code', 'modifier')),
         description text NOT NULL,
         short_description text,
         billable boolean,
         terminated_on date,
         position integer NOT NULL,
         release_id integer NOT NULL REFERENCES code_releases (id),
         search tsvector GENERATED ALWAYS AS (to_tsvector('cc_english', description || ' ' || coalesce(short_description, ''))) STORED,
         CONSTRAINT codes_pkey PRIMARY KEY (system, code))`,
    );
    // Browsing in file order, previous and next codes.
    await queryRunner.query(`CREATE INDEX codes_system_position_idx ON codes (system, position)`);
    // A typed prefix ("E11") across systems.
    await queryRunner.query(`CREATE INDEX codes_code_prefix_idx ON codes (code text_pattern_ops)`);
    await queryRunner.query(`CREATE INDEX codes_search_idx ON codes USING gin (search)`);
    // Misspelt words ("diabetis"): word similarity against the descriptions.
    await queryRunner.query(`CREATE INDEX codes_description_trgm_idx ON codes USING gin (description gin_trgm_ops)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE codes`);
    await queryRunner.query(`DROP TABLE code_releases`);
  }
}
