import { ANY_KEY } from '../alert.entity';

/**
 * The SQL shared by the two ways jobs meet alerts: a new job against every
 * instant alert (AlertMatcher) and a batch of due digests against the jobs
 * published since (AlertDigests). Both check a job's search document against
 * an alert as filterSql in the Postgres search engine checks a document
 * against a search, so an alert sends exactly what its search shows.
 */

/**
 * CTEs `text_query` and `doc`: the open documents `docsWhere` picks (alias
 * d; $2 is now), each with the match keys it satisfies (see the
 * alert-match-keys migration) and its other values plus ANY_KEY, which an
 * alert without that filter holds, and whether any email has listed it yet
 * (a new job's matches need no check for an earlier one). `textSources` selects a `tsquery` column
 * of the alerts in play: each distinct text query is parsed and tried on each
 * job once, not once per alert that holds it.
 */
export function matchDocsCtes(docsWhere: string, textSources: string): string {
  return `
  text_query AS MATERIALIZED (
    SELECT alert_text_key(t.tsquery) AS key, t.tsquery::tsquery AS query
    FROM (SELECT DISTINCT s.tsquery FROM (${textSources}) s WHERE s.tsquery IS NOT NULL) t
  ), doc AS MATERIALIZED (
    SELECT d.job_id, d.published_at, d.salary_yearly, d.apprentice,
           EXISTS (SELECT 1 FROM alert_deliveries x WHERE x.job_id = d.job_id) AS listed,
           job_match_keys(d.credentials, d.states, '${ANY_KEY}' = ANY (d.states), d.workplace::text, d.specialties,
                          ARRAY(SELECT q.key FROM text_query q WHERE d.document @@ q.query)) AS keys,
           d.settings || '{${ANY_KEY}}'::text[] AS settings,
           ARRAY[d.employment_type::text, '${ANY_KEY}'] AS employment_types,
           ARRAY[d.organization_id::text, '${ANY_KEY}'] AS organizations
    FROM job_search_documents d
    WHERE (${docsWhere}) AND (d.valid_through IS NULL OR d.valid_through > $2)
  )`;
}

/**
 * Lists of job ids travel as one text, space-separated (`string_agg(job_id::text, ' ')`):
 * node-postgres parses a uuid[] character by character, many times slower than a split.
 */
export function splitIds(list: string): string[] {
  return list.split(' ');
}

/**
 * Alert `a` wants document `doc` (given that their match keys meet: the
 * credential, state, workplace, specialty and text parts), and no email has
 * listed it to `a`.
 */
export const ALERT_WANTS_DOC = `
  a.employment_type_keys && doc.employment_types
  AND a.setting_keys && doc.settings
  AND a.organization_keys && doc.organizations
  AND (a.salary_min IS NULL OR doc.salary_yearly >= a.salary_min)
  AND (NOT a.apprentice OR doc.apprentice)
  AND (a.posted_within IS NULL OR doc.published_at >= $2::timestamptz - a.posted_within * interval '24 hours')
  AND (NOT doc.listed OR NOT EXISTS (SELECT 1 FROM alert_deliveries x WHERE x.alert_id = a.id AND x.job_id = doc.job_id))`;
