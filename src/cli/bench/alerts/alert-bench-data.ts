import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Alert } from '../../../alerts/alert.entity';
import { AlertSchedule } from '../../../alerts/alert-schedule.entity';
import { alertMatchKeys, alertParams } from '../../../alerts/alert-search';
import { digestSlotsAfter, digestStart } from '../../../alerts/digest-schedule';
import { Env } from '../../../config/env';
import { Organization } from '../../../employers/organization.entity';
import { Job } from '../../../jobs/job.entity';
import { JobSearchService } from '../../../search/job-search.service';
import { PostgresSearchEngine } from '../../../search/postgres/postgres-search.engine';
import { startProgress } from '../../run-task';
import { JOBS_PER_ORGANIZATION, syntheticJob, syntheticOrganizations } from '../synthetic-jobs';
import { syntheticAlert } from './synthetic-alerts';

export interface AlertBenchSize {
  alerts: number;
  jobs: number;
  seed: number;
}

export interface SeededAlerts {
  members: number;
  byFrequency: Record<string, number>;
}

/** Alerts per INSERT: 20 columns each, within Postgres's 65,535 parameters. */
const ALERT_BATCH = 2000;
/** A member keeps this many alerts on average. */
const ALERTS_PER_MEMBER = 2.5;

/** The employers of the dataset, verified (their postings go live without review). */
export async function seedOrganizations(dataSource: DataSource, size: AlertBenchSize, now: Date): Promise<Array<{ id: string; slug: string }>> {
  const organizations = syntheticOrganizations(Math.max(1, Math.round(size.jobs / JOBS_PER_ORGANIZATION)), size.seed);
  const result = await dataSource
    .createQueryBuilder()
    .insert()
    .into(Organization)
    .values(
      organizations.map(({ name, slug, website, headquartersCity, headquartersState, sizeBand }) => ({
        name,
        slug,
        website,
        headquartersCity,
        headquartersState,
        sizeBand,
        verifiedAt: now,
      })),
    )
    .returning(['id', 'slug'])
    .updateEntity(false)
    .execute();
  return result.raw as Array<{ id: string; slug: string }>;
}

/**
 * Members with verified addresses and guests' confirmed alerts, each saved
 * as the alert pages save one: the search's query object gives the stored
 * parameters and match keys, the Postgres engine the text query (computed
 * once per distinct text).
 */
export async function seedAlerts(app: INestApplicationContext, size: AlertBenchSize, organizationSlugs: string[], now: Date): Promise<SeededAlerts> {
  const dataSource = app.get(DataSource);
  const search = app.get(JobSearchService);
  const postgres = app.get(PostgresSearchEngine);
  const env = app.get(Env);

  const memberCount = Math.max(1, Math.ceil((size.alerts * 0.7) / ALERTS_PER_MEMBER));
  const members = (
    await dataSource.query<{ id: string }[]>(
      `INSERT INTO users (email, password_hash, name, role, email_verified)
       SELECT 'coder' || i || '@bench.careercenter.example', 'not-a-password-hash', 'Coder ' || i, 'candidate', true
       FROM generate_series(1, $1) AS i RETURNING id`,
      [memberCount],
    )
  ).map((r) => r.id);

  const textQueries = new Map<string, Promise<string | null>>();
  const lastDigest = new Date(now.getTime() - 24 * 3600_000);
  const slotOf = digestSlotsAfter(env.ALERT_DIGEST_HOUR, now);
  const byFrequency: Record<string, number> = {};
  const progress = startProgress('Saving alerts', size.alerts);
  try {
    for (let from = 0; from < size.alerts; from += ALERT_BATCH) {
      const rows: Array<Partial<Alert>> = [];
      const schedules: Array<Omit<AlertSchedule, 'alertId'>> = [];
      for (let i = from; i < Math.min(size.alerts, from + ALERT_BATCH); i++) {
        const alert = syntheticAlert(size.seed, i, organizationSlugs);
        const query = await search.queryOf(alert.params);
        const text = JSON.stringify(query.clauses);
        if (!textQueries.has(text)) textQueries.set(text, postgres.textQuery(query.clauses));
        byFrequency[alert.frequency] = (byFrequency[alert.frequency] ?? 0) + 1;
        rows.push({
          userId: alert.member ? members[i % members.length] : null,
          guestEmail: alert.member ? null : `guest${i}@bench.careercenter.example`,
          name: `Alert ${i + 1}`,
          frequency: alert.frequency,
          timeZone: alert.timeZone,
          params: alertParams(query),
          ...alertMatchKeys(query.filters),
          tsquery: await textQueries.get(text)!,
          confirmedAt: now,
        });
        schedules.push({
          nextDigestAt: slotOf(alert.frequency, alert.timeZone),
          // As if the last digest went out a day ago: the new postings are all after it.
          digestSince: digestStart(alert.frequency, lastDigest, now),
          lastDigestAt: null,
        });
      }
      const saved = await dataSource.createQueryBuilder().insert().into(Alert).values(rows).returning('id').updateEntity(false).execute();
      const ids = (saved.raw as Array<{ id: string }>).map((r) => r.id);
      await dataSource
        .createQueryBuilder()
        .insert()
        .into(AlertSchedule)
        .values(schedules.map((schedule, i) => ({ alertId: ids[i], ...schedule })))
        .updateEntity(false)
        .execute();
      progress.increment(rows.length);
    }
  } finally {
    progress.stop();
  }
  return { members: memberCount, byFrequency };
}

/**
 * The new postings, published in one statement (whose trigger builds their
 * search documents), over the minutes before `now`. Returns their ids.
 */
export async function publishJobs(
  dataSource: DataSource,
  size: AlertBenchSize,
  organizations: Array<{ id: string; slug: string }>,
  now: Date,
): Promise<string[]> {
  const synthetic = syntheticOrganizations(organizations.length, size.seed);
  const idBySlug = new Map(organizations.map((o) => [o.slug, o.id]));
  const rows = Array.from({ length: size.jobs }, (_, i) => {
    const { organization, ...job } = syntheticJob(size.seed, i, size.jobs, synthetic, now);
    return {
      ...job,
      organizationId: idBySlug.get(synthetic[organization].slug)!,
      status: 'published' as const,
      publishedAt: new Date(now.getTime() - (size.jobs - i) * 1000),
    };
  });
  const result = await dataSource.createQueryBuilder().insert().into(Job).values(rows).returning('id').updateEntity(false).execute();
  return (result.raw as Array<{ id: string }>).map((r) => r.id);
}
