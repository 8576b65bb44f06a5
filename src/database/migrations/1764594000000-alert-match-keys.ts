import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Alert matching by combined keys. A job was looked up in each key column on
 * its own, and alerts without a state or credential filter matched every
 * lookup, so most alerts were read for every job. Now an alert holds keys
 * that combine its credential, state, workplace, specialty and text query
 * (each value, or '*' without that filter), and a job asks for exactly the
 * combinations it satisfies: one index lookup returns the alerts that agree
 * with the job on all five. A job open to every state asks for the keys
 * that leave the state out ('a:' keys), which every alert also holds.
 *
 * Daily and weekly alerts no longer get a pending delivery per matched job
 * at publication: their digest reads the jobs published since
 * `digest_since` (and an instant alert's held jobs the same way), so a
 * delivery row is written only when an email is decided, keyed by (alert,
 * job). Pending rows of existing alerts turn into that starting point.
 */
export class AlertMatchKeys1764594000000 implements MigrationInterface {
  name = 'AlertMatchKeys1764594000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The text part of a key: the alert's composed tsquery, shortened (equal queries, equal keys).
    await queryRunner.query(
      `CREATE FUNCTION alert_text_key(tsquery text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT coalesce(left(md5(tsquery), 16), '*') $$`,
    );
    // An alert's keys: every combination of its values ('*' for a filter it does not set), with and without the state.
    await queryRunner.query(
      `CREATE FUNCTION alert_match_keys(credentials text[], states text[], workplaces text[], specialties text[], text_key text)
       RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
         SELECT ARRAY(
           SELECT 's:' || c || '|' || s || '|' || w || '|' || p || '|' || text_key
           FROM unnest(credentials) c, unnest(states) s, unnest(workplaces) w, unnest(specialties) p
           UNION
           SELECT 'a:' || c || '|' || w || '|' || p || '|' || text_key
           FROM unnest(credentials) c, unnest(workplaces) w, unnest(specialties) p) $$`,
    );
    // A job's keys: its own values, each also as '*'; a job open to every state leaves the state out.
    await queryRunner.query(
      `CREATE FUNCTION job_match_keys(credentials text[], states text[], every_state boolean, workplace text, specialties text[], text_keys text[])
       RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
         SELECT CASE WHEN every_state
           THEN ARRAY(
             SELECT 'a:' || c || '|' || w || '|' || p || '|' || t
             FROM unnest(credentials || '{*}') c, unnest(ARRAY[workplace, '*']) w, unnest(specialties || '{*}') p, unnest(text_keys || '{*}') t)
           ELSE ARRAY(
             SELECT 's:' || c || '|' || s || '|' || w || '|' || p || '|' || t
             FROM unnest(credentials || '{*}') c, unnest(states || '{*}') s, unnest(ARRAY[workplace, '*']) w,
                  unnest(specialties || '{*}') p, unnest(text_keys || '{*}') t)
         END $$`,
    );
    await queryRunner.query(`ALTER TABLE "alerts" ADD "match_keys" text array`);
    await queryRunner.query(`ALTER TABLE "alerts" ADD "digest_since" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE FUNCTION alerts_set_match_keys() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         NEW.match_keys := alert_match_keys(NEW.credential_keys, NEW.state_keys, NEW.workplace_keys, NEW.specialty_keys, alert_text_key(NEW.tsquery));
         RETURN NEW;
       END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER alerts_match_keys BEFORE INSERT OR UPDATE OF credential_keys, state_keys, workplace_keys, specialty_keys, tsquery ON alerts FOR EACH ROW EXECUTE FUNCTION alerts_set_match_keys()`,
    );
    await queryRunner.query(
      `UPDATE alerts SET match_keys = alert_match_keys(credential_keys, state_keys, workplace_keys, specialty_keys, alert_text_key(tsquery))`,
    );
    await queryRunner.query(`ALTER TABLE "alerts" ALTER COLUMN "match_keys" SET NOT NULL`);

    // Pending jobs become the starting point of the alert's next digest.
    await queryRunner.query(
      `UPDATE alerts a SET digest_since = p.since
       FROM (SELECT d.alert_id, min(coalesce(j.published_at, d.created_at)) - interval '1 second' AS since
             FROM alert_deliveries d LEFT JOIN jobs j ON j.id = d.job_id WHERE d.status = 'pending' GROUP BY d.alert_id) p
       WHERE a.id = p.alert_id`,
    );
    await queryRunner.query(
      `UPDATE alerts SET digest_since = coalesce(last_digest_at, confirmed_at, created_at) WHERE digest_since IS NULL AND frequency <> 'instant'`,
    );
    await queryRunner.query(`DELETE FROM alert_deliveries WHERE status = 'pending'`);
    await queryRunner.query(`DROP INDEX alert_deliveries_pending_idx`);
    await queryRunner.query(`ALTER TABLE "alert_deliveries" DROP CONSTRAINT "alert_deliveries_status_check"`);
    await queryRunner.query(`ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_status_check" CHECK (status IN ('queued', 'sent', 'skipped'))`);
    await queryRunner.query(`ALTER TABLE "alert_deliveries" ALTER COLUMN "status" SET DEFAULT 'queued'`);
    // The (alert, job) pair is the key: a second unique index and a generated id made every written row cost twice as much.
    await queryRunner.query(`ALTER TABLE "alert_deliveries" DROP CONSTRAINT "alert_deliveries_pkey"`);
    await queryRunner.query(`DROP INDEX "alert_deliveries_alert_id_job_id_key"`);
    await queryRunner.query(`ALTER TABLE "alert_deliveries" DROP COLUMN "id"`);
    await queryRunner.query(`ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_pkey" PRIMARY KEY ("alert_id", "job_id")`);

    for (const column of ['credential_keys', 'specialty_keys', 'state_keys']) await queryRunner.query(`DROP INDEX alerts_${column}_idx`);
    // Only instant alerts are looked up when a job is published; digests read their own alerts. Without
    // fastupdate: holding jobs back updates many alerts, and a long pending list slows every lookup.
    await queryRunner.query(
      `CREATE INDEX alerts_instant_match_keys_idx ON alerts USING gin (match_keys) WITH (fastupdate = off) WHERE unsubscribed_at IS NULL AND frequency = 'instant'`,
    );
    // The distinct text queries of instant alerts, read from the index alone.
    await queryRunner.query(
      `CREATE INDEX alerts_instant_tsquery_idx ON alerts (tsquery) WHERE unsubscribed_at IS NULL AND frequency = 'instant' AND tsquery IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX alerts_instant_tsquery_idx`);
    await queryRunner.query(`DROP INDEX alerts_instant_match_keys_idx`);
    for (const column of ['credential_keys', 'specialty_keys', 'state_keys']) {
      await queryRunner.query(`CREATE INDEX alerts_${column}_idx ON alerts USING gin (${column}) WHERE unsubscribed_at IS NULL`);
    }
    await queryRunner.query(`ALTER TABLE "alert_deliveries" DROP CONSTRAINT "alert_deliveries_pkey"`);
    await queryRunner.query(`ALTER TABLE "alert_deliveries" ADD "id" uuid NOT NULL DEFAULT gen_random_uuid()`);
    await queryRunner.query(`ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_pkey" PRIMARY KEY ("id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "alert_deliveries_alert_id_job_id_key" ON "alert_deliveries" ("alert_id", "job_id")`);
    await queryRunner.query(`ALTER TABLE "alert_deliveries" ALTER COLUMN "status" SET DEFAULT 'pending'`);
    await queryRunner.query(`ALTER TABLE "alert_deliveries" DROP CONSTRAINT "alert_deliveries_status_check"`);
    await queryRunner.query(
      `ALTER TABLE "alert_deliveries" ADD CONSTRAINT "alert_deliveries_status_check" CHECK (status IN ('pending', 'queued', 'sent', 'skipped'))`,
    );
    await queryRunner.query(`CREATE INDEX alert_deliveries_pending_idx ON alert_deliveries (alert_id) WHERE status = 'pending'`);
    await queryRunner.query(`DROP TRIGGER alerts_match_keys ON alerts`);
    await queryRunner.query(`DROP FUNCTION alerts_set_match_keys()`);
    await queryRunner.query(`ALTER TABLE "alerts" DROP COLUMN "digest_since"`);
    await queryRunner.query(`ALTER TABLE "alerts" DROP COLUMN "match_keys"`);
    await queryRunner.query(`DROP FUNCTION job_match_keys(text[], text[], boolean, text, text[], text[])`);
    await queryRunner.query(`DROP FUNCTION alert_match_keys(text[], text[], text[], text[], text)`);
    await queryRunner.query(`DROP FUNCTION alert_text_key(text)`);
  }
}
