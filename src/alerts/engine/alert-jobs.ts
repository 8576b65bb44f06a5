import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Env } from '../../config/env';
import type { JobLocation, SalaryPeriod, Workplace } from '../../jobs/job.entity';
import { jobPath } from '../../jobs/job-paths';
import { formatSalary, whereLabel } from '../../jobs/job-presenter';
import type { AlertEmailJob } from '../../mail/mail.types';
import { TaxonomyService } from '../../taxonomy/taxonomy.service';

/** A job as an alert email lists it, with what orders a digest (newest first). */
export interface AlertJob extends AlertEmailJob {
  id: string;
  publishedAt: Date;
}

interface AlertJobRow {
  id: string;
  title: string;
  company: string;
  workplace: Workplace;
  locations: JobLocation[];
  remote_states: string[];
  salary_min: number | null;
  salary_max: number | null;
  salary_currency: string;
  salary_period: SalaryPeriod | null;
  credential_codes: string[];
  published_at: Date;
}

/** Newest first, then by id, as the search orders jobs published at the same moment. */
export function newestFirst(a: Pick<AlertJob, 'id' | 'publishedAt'>, b: Pick<AlertJob, 'id' | 'publishedAt'>): number {
  return b.publishedAt.getTime() - a.publishedAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** The jobs alert emails show, read in the caller's transaction (a delivery holds its row lock meanwhile). */
@Injectable()
export class AlertJobs {
  constructor(
    private readonly taxonomy: TaxonomyService,
    private readonly env: Env,
  ) {}

  /** Those of `ids` still open at `now` (published, not past their valid-through date), by id. */
  async open(manager: EntityManager, ids: string[], now: Date): Promise<Map<string, AlertJob>> {
    if (!ids.length) return new Map();
    const [rows, credentials] = await Promise.all([
      manager.query<AlertJobRow[]>(
        `SELECT j.id, j.title, o.name AS company, j.workplace, j.locations, j.remote_states, j.salary_min::float8 AS salary_min,
                j.salary_max::float8 AS salary_max, j.salary_currency, j.salary_period, j.credential_codes,
                coalesce(j.published_at, j.updated_at) AS published_at
         FROM jobs j JOIN organizations o ON o.id = j.organization_id
         WHERE j.id = ANY ($1::uuid[]) AND j.status = 'published' AND (j.valid_through IS NULL OR j.valid_through > $2)`,
        [ids, now],
      ),
      this.taxonomy.listCredentials(),
    ]);
    const credentialNames = new Map(credentials.map((c) => [c.code, c.name]));
    return new Map(
      rows.map((row) => [
        row.id,
        {
          id: row.id,
          title: row.title,
          company: row.company,
          where: whereLabel({ workplace: row.workplace, locations: row.locations, remoteStates: row.remote_states }),
          salary: formatSalary({ min: row.salary_min, max: row.salary_max, currency: row.salary_currency || 'USD', period: row.salary_period }),
          credentials: row.credential_codes.map((code) => ({ code, name: credentialNames.get(code) ?? code })),
          link: `${this.env.appUrl}${jobPath(row)}`,
          publishedAt: row.published_at,
        },
      ]),
    );
  }
}
