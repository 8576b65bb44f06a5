import { Alert, AlertFrequency } from '../../src/alerts/alert.entity';
import { AlertSearch } from '../../src/alerts/alert-search';
import { AlertSchedule } from '../../src/alerts/alert-schedule.entity';
import { firstSchedule } from '../../src/alerts/digest-schedule';
import { Clock } from '../../src/common/clock';
import { JobSearchParams } from '../../src/search/job-search-query';
import { JobSearchService } from '../../src/search/job-search.service';
import { PostgresSearchEngine } from '../../src/search/postgres/postgres-search.engine';
import { signUp, SignedUp, verifyOrganization } from './factories';
import { TestApp } from './test-app';

/** Whose alert: a member's (mailed at the account's address) or a guest's. */
export type AlertOwner = { userId: string } | { guestEmail: string };

export interface AlertOptions {
  name?: string;
  params?: JobSearchParams;
  frequency?: AlertFrequency;
  timeZone?: string;
  /** A guest's alert is unconfirmed until the emailed link is followed (default: confirmed). */
  confirmed?: boolean;
}

/**
 * An alert as the alert pages store one: its search turned into match keys
 * by AlertSearch (the search page's query object), confirmed, with its
 * first digest scheduled from the test's clock.
 */
export async function insertAlert(t: TestApp, owner: AlertOwner, options: AlertOptions = {}): Promise<Alert> {
  const search = new AlertSearch(t.app.get(JobSearchService), t.app.get(PostgresSearchEngine));
  const { fields } = await search.fields(options.params ?? {});
  const now = t.app.get(Clock).now();
  const frequency = options.frequency ?? 'instant';
  const timeZone = options.timeZone ?? t.env.ALERT_DEFAULT_TIME_ZONE;
  const repo = t.dataSource.getRepository(Alert);
  const alert = await repo.save(
    repo.create({
      userId: null,
      guestEmail: null,
      ...owner,
      name: options.name ?? 'Coding jobs',
      frequency,
      timeZone,
      ...fields,
      confirmedAt: options.confirmed === false ? null : now,
    }),
  );
  await t.dataSource
    .getRepository(AlertSchedule)
    .insert({ alertId: alert.id, lastDigestAt: null, ...firstSchedule(frequency, timeZone, t.env.ALERT_DIGEST_HOUR, now) });
  return alert;
}

/** An alert's digest schedule as stored. */
export async function scheduleOf(t: TestApp, alertId: string): Promise<AlertSchedule> {
  return t.dataSource.getRepository(AlertSchedule).findOneByOrFail({ alertId });
}

/** A coder whose address is verified, so their alerts may mail it. */
export async function verifiedCoder(t: TestApp): Promise<SignedUp> {
  const coder = await signUp(t.baseUrl, 'candidate', t.dataSource);
  await t.dataSource.query(`UPDATE users SET email_verified = true WHERE id = $1`, [coder.id]);
  return coder;
}

/** An employer whose organization is verified, so `publish: true` puts postings live at once. */
export async function verifiedEmployer(t: TestApp): Promise<SignedUp> {
  const employer = await signUp(t.baseUrl, 'employer', t.dataSource);
  await verifyOrganization(t.dataSource, employer.organizationId!);
  return employer;
}

export interface DeliveryRow {
  job_id: string;
  status: 'queued' | 'sent' | 'skipped';
  email_id: string | null;
}

/** An alert's deliveries, oldest first. */
export function deliveriesOf(t: TestApp, alertId: string): Promise<DeliveryRow[]> {
  return t.dataSource.query(`SELECT job_id, status, email_id FROM alert_deliveries WHERE alert_id = $1 ORDER BY created_at, job_id`, [alertId]);
}

/** The alert emails recorded for an address, oldest first. */
export function alertEmailsTo(
  t: TestApp,
  address: string,
): Promise<Array<{ id: string; template: string; status: string; subject: string; last_error: string | null }>> {
  return t.dataSource.query(
    `SELECT id, template, status, subject, last_error FROM emails WHERE to_address = $1 AND template LIKE 'alert-%' ORDER BY created_at, id`,
    [address],
  );
}
