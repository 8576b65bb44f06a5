import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Postgres full-text search over open jobs. The database keeps
 * `job_search_documents` current by itself: statement-level triggers on
 * jobs and organizations rebuild the rows a change touches, in the same
 * transaction, so a closed job leaves the results the moment it closes.
 *
 * - `cc_english`: English stemming with accents removed (café = cafe).
 * - `job_search_source`: what a document is made of, read by the triggers,
 *   by a reindex and by the Meilisearch indexer, so both engines index the same thing.
 * - `search_words`: the words of titles, employer names and taxonomy
 *   names, trigram-indexed, to correct typos in queries.
 */
export class JobSearch1764579600000 implements MigrationInterface {
  name = 'JobSearch1764579600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE TEXT SEARCH CONFIGURATION cc_english (COPY = pg_catalog.english)`);
    await queryRunner.query(`ALTER TEXT SEARCH CONFIGURATION cc_english ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem`);

    // Markdown to searchable text: link targets and markup characters go.
    await queryRunner.query(`
      CREATE FUNCTION search_plain_text(markdown text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT regexp_replace(regexp_replace($1, '\\]\\([^)]*\\)', ']', 'g'), '[*_\`#>|~\\[\\]]+', ' ', 'g')
      $$`);

    await queryRunner.query(`
      CREATE VIEW job_search_source AS
      SELECT j.id AS job_id,
             j.organization_id,
             o.name AS organization_name,
             j.title,
             search_plain_text(j.description) AS description,
             coalesce(j.published_at, j.updated_at) AS published_at,
             j.valid_through,
             j.updated_at AS version,
             j.credential_codes AS credentials,
             cr.names AS credential_names,
             sp.slugs AS specialties,
             sp.names || st.names AS specialty_names,
             j.setting_slugs AS settings,
             j.workplace,
             j.employment_type,
             ARRAY(SELECT DISTINCT s FROM unnest(j.location_states || j.remote_states
                     || CASE WHEN j.workplace = 'remote' AND cardinality(j.remote_states) = 0 THEN ARRAY['*'] ELSE '{}'::text[] END) s) AS states,
             (CASE WHEN j.salary_period = 'HOUR' THEN coalesce(j.salary_max, j.salary_min) * 2080
                   ELSE coalesce(j.salary_max, j.salary_min) END)::integer AS salary_yearly,
             j.apprentice_friendly AS apprentice,
             ARRAY(SELECT DISTINCT l ->> 'city' FROM jsonb_array_elements(j.locations) l) AS cities,
             j.tools
      FROM jobs j
      JOIN organizations o ON o.id = j.organization_id
      CROSS JOIN LATERAL (
        SELECT coalesce(array_agg(c.code || ' ' || c.name ORDER BY c.position), '{}') AS names
        FROM credentials c WHERE c.code = ANY (j.credential_codes)) cr
      CROSS JOIN LATERAL (
        WITH RECURSIVE up(slug) AS (
          SELECT unnest(j.specialty_slugs)
          UNION
          SELECT s.parent FROM specialties s JOIN up ON s.slug = up.slug WHERE s.parent IS NOT NULL)
        SELECT coalesce(array_agg(up.slug), '{}') AS slugs,
               coalesce(array_agg(s.name) FILTER (WHERE s.name IS NOT NULL), '{}') AS names
        FROM up LEFT JOIN specialties s ON s.slug = up.slug) sp
      CROSS JOIN LATERAL (
        SELECT coalesce(array_agg(s.name), '{}') AS names FROM specialties s WHERE s.slug = ANY (j.setting_slugs)) st
      WHERE j.status = 'published'`);

    await queryRunner.query(`
      CREATE TABLE job_search_documents (
        job_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        published_at timestamptz NOT NULL,
        valid_through timestamptz,
        credentials text[] NOT NULL,
        specialties text[] NOT NULL,
        settings text[] NOT NULL,
        workplace varchar(8) NOT NULL,
        employment_type varchar(16) NOT NULL,
        states text[] NOT NULL,
        salary_yearly integer,
        apprentice boolean NOT NULL,
        document tsvector NOT NULL,
        CONSTRAINT job_search_documents_pkey PRIMARY KEY (job_id),
        CONSTRAINT job_search_documents_job_id_fkey FOREIGN KEY (job_id) REFERENCES jobs(id) ON DELETE CASCADE)`);
    await queryRunner.query(`CREATE INDEX job_search_documents_document_idx ON job_search_documents USING gin (document)`);
    await queryRunner.query(`CREATE INDEX job_search_documents_credentials_idx ON job_search_documents USING gin (credentials)`);
    await queryRunner.query(`CREATE INDEX job_search_documents_specialties_idx ON job_search_documents USING gin (specialties)`);
    await queryRunner.query(`CREATE INDEX job_search_documents_settings_idx ON job_search_documents USING gin (settings)`);
    await queryRunner.query(`CREATE INDEX job_search_documents_states_idx ON job_search_documents USING gin (states)`);
    await queryRunner.query(`CREATE INDEX job_search_documents_published_at_idx ON job_search_documents (published_at DESC, job_id DESC)`);
    await queryRunner.query(`CREATE INDEX job_search_documents_salary_idx ON job_search_documents (salary_yearly DESC NULLS LAST, published_at DESC)`);
    await queryRunner.query(`CREATE INDEX job_search_documents_organization_idx ON job_search_documents (organization_id, published_at DESC)`);

    await queryRunner.query(`CREATE TABLE search_words (word text NOT NULL, CONSTRAINT search_words_pkey PRIMARY KEY (word))`);
    await queryRunner.query(`CREATE INDEX search_words_trgm_idx ON search_words USING gin (word gin_trgm_ops)`);

    // Title A; credentials, specialties, settings and employer B; description, cities and tools C.
    await queryRunner.query(`
      CREATE FUNCTION job_search_refresh(ids uuid[]) RETURNS void
      LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM job_search_documents d
        WHERE d.job_id = ANY (ids)
          AND NOT EXISTS (SELECT 1 FROM jobs j WHERE j.id = d.job_id AND j.status = 'published');
        INSERT INTO job_search_documents AS d (job_id, organization_id, published_at, valid_through, credentials, specialties,
               settings, workplace, employment_type, states, salary_yearly, apprentice, document)
        SELECT s.job_id, s.organization_id, s.published_at, s.valid_through, s.credentials, s.specialties,
               s.settings, s.workplace, s.employment_type, s.states, s.salary_yearly, s.apprentice,
               setweight(to_tsvector('cc_english', s.title), 'A')
               || setweight(to_tsvector('cc_english', array_to_string(s.credential_names || s.specialty_names, ' ') || ' ' || s.organization_name), 'B')
               || setweight(to_tsvector('cc_english', s.description || ' ' || array_to_string(s.cities || s.tools, ' ')), 'C')
        FROM job_search_source s
        WHERE s.job_id = ANY (ids)
        ON CONFLICT (job_id) DO UPDATE SET
          organization_id = EXCLUDED.organization_id, published_at = EXCLUDED.published_at, valid_through = EXCLUDED.valid_through,
          credentials = EXCLUDED.credentials, specialties = EXCLUDED.specialties, settings = EXCLUDED.settings,
          workplace = EXCLUDED.workplace, employment_type = EXCLUDED.employment_type, states = EXCLUDED.states,
          salary_yearly = EXCLUDED.salary_yearly, apprentice = EXCLUDED.apprentice, document = EXCLUDED.document;
        INSERT INTO search_words (word)
        SELECT DISTINCT w
        FROM job_search_source s,
             regexp_split_to_table(lower(unaccent(s.title || ' ' || s.organization_name || ' '
               || array_to_string(s.credential_names || s.specialty_names, ' '))), '[^[:alnum:]]+') w
        WHERE s.job_id = ANY (ids) AND length(w) >= 3
        ON CONFLICT DO NOTHING;
      END $$`);

    await queryRunner.query(`
      CREATE FUNCTION job_search_jobs_inserted() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM job_search_refresh(ARRAY(SELECT id FROM inserted WHERE status = 'published'));
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION job_search_jobs_updated() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM job_search_refresh(ARRAY(
          SELECT n.id FROM updated n JOIN previous o ON o.id = n.id WHERE n.status = 'published' OR o.status = 'published'));
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER job_search_jobs_inserted AFTER INSERT ON jobs
      REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION job_search_jobs_inserted()`);
    await queryRunner.query(`
      CREATE TRIGGER job_search_jobs_updated AFTER UPDATE ON jobs
      REFERENCING OLD TABLE AS previous NEW TABLE AS updated FOR EACH STATEMENT EXECUTE FUNCTION job_search_jobs_updated()`);
    await queryRunner.query(`
      CREATE FUNCTION job_search_organizations_renamed() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM job_search_refresh(ARRAY(
          SELECT j.id FROM jobs j JOIN updated n ON n.id = j.organization_id JOIN previous o ON o.id = n.id
          WHERE j.status = 'published' AND n.name IS DISTINCT FROM o.name));
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER job_search_organizations_renamed AFTER UPDATE ON organizations
      REFERENCING OLD TABLE AS previous NEW TABLE AS updated FOR EACH STATEMENT EXECUTE FUNCTION job_search_organizations_renamed()`);

    // Index sync orders a job's documents by updated_at. now() is the start of
    // the transaction, which can lie before that of an edit committed earlier;
    // the clock at the UPDATE, taken under the row lock that orders a job's
    // writers, cannot.
    await queryRunner.query(`
      CREATE FUNCTION jobs_touch_updated_at() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        NEW.updated_at := clock_timestamp();
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER jobs_touch_updated_at BEFORE UPDATE ON jobs FOR EACH ROW EXECUTE FUNCTION jobs_touch_updated_at()`);

    // Jobs published before this migration.
    await queryRunner.query(`SELECT job_search_refresh(ARRAY(SELECT id FROM jobs WHERE status = 'published'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER jobs_touch_updated_at ON jobs`);
    await queryRunner.query(`DROP FUNCTION jobs_touch_updated_at()`);
    await queryRunner.query(`DROP TRIGGER job_search_organizations_renamed ON organizations`);
    await queryRunner.query(`DROP TRIGGER job_search_jobs_updated ON jobs`);
    await queryRunner.query(`DROP TRIGGER job_search_jobs_inserted ON jobs`);
    await queryRunner.query(`DROP FUNCTION job_search_organizations_renamed()`);
    await queryRunner.query(`DROP FUNCTION job_search_jobs_updated()`);
    await queryRunner.query(`DROP FUNCTION job_search_jobs_inserted()`);
    await queryRunner.query(`DROP FUNCTION job_search_refresh(uuid[])`);
    await queryRunner.query(`DROP TABLE search_words`);
    await queryRunner.query(`DROP TABLE job_search_documents`);
    await queryRunner.query(`DROP VIEW job_search_source`);
    await queryRunner.query(`DROP FUNCTION search_plain_text(text)`);
    await queryRunner.query(`DROP TEXT SEARCH CONFIGURATION cc_english`);
  }
}
