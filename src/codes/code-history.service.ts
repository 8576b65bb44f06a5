import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import type { User } from '../users/user.entity';
import type { CodeView } from './codes.service';

/** Codes kept per coder: the most recent ones. */
export const CODE_HISTORY_SIZE = 200;

/** A specialty the coder's lookups point to, with how many of the kept codes belong to it. */
export interface LookupSpecialty {
  slug: string;
  lookups: number;
}

export interface CodeHistoryExport {
  on: boolean;
  lookups: Array<{ system: string; code: string; lookedUpAt: string }>;
}

/**
 * The opt-in history of a coder's code lookups. Off by default: nothing is
 * kept until the coder turns it on, and turning it off deletes what was
 * kept. It suggests specialties for the profile and finds "jobs for the
 * codes you look up".
 */
@Injectable()
export class CodeHistoryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async isOn(userId: string): Promise<boolean> {
    const [row] = await this.dataSource.query<Array<{ on: boolean }>>(`SELECT EXISTS (SELECT 1 FROM code_history_optins WHERE user_id = $1) AS on`, [userId]);
    return row.on;
  }

  async turnOn(userId: string): Promise<void> {
    await this.dataSource.query(`INSERT INTO code_history_optins (user_id) VALUES ($1) ON CONFLICT DO NOTHING`, [userId]);
  }

  /** Off, and everything kept is deleted. */
  async turnOff(userId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM code_history_optins WHERE user_id = $1`, [userId]);
      await manager.query(`DELETE FROM code_lookups WHERE user_id = $1`, [userId]);
    });
  }

  /** Keeps a coder's look at a code if they turned the history on (one statement, nothing for anyone else). */
  async record(user: User | undefined, view: Pick<CodeView, 'system' | 'code' | 'section' | 'subsection'>): Promise<void> {
    if (user?.role !== 'candidate') return;
    const specialty = view.subsection?.slug ?? view.section?.slug ?? null;
    await this.dataSource.query(
      `WITH kept AS (
         INSERT INTO code_lookups (user_id, system, code, specialty_slug, looked_up_at)
         SELECT $1, $2, $3, $4, $5 WHERE EXISTS (SELECT 1 FROM code_history_optins WHERE user_id = $1)
         ON CONFLICT (user_id, system, code) DO UPDATE SET looked_up_at = EXCLUDED.looked_up_at, specialty_slug = EXCLUDED.specialty_slug
         RETURNING 1)
       DELETE FROM code_lookups WHERE EXISTS (SELECT 1 FROM kept) AND user_id = $1 AND (system, code) IN (
         SELECT system, code FROM code_lookups WHERE user_id = $1 ORDER BY looked_up_at DESC OFFSET $6)`,
      [user.id, view.system, view.code, specialty, this.clock.now(), CODE_HISTORY_SIZE],
    );
  }

  /** The specialties of the kept codes (a few dozen at most), most looked up first, then most recently. */
  async specialties(userId: string): Promise<LookupSpecialty[]> {
    return this.dataSource.query<LookupSpecialty[]>(
      `SELECT specialty_slug AS slug, count(*)::int AS lookups FROM code_lookups
       WHERE user_id = $1 AND specialty_slug IS NOT NULL
       GROUP BY specialty_slug ORDER BY count(*) DESC, max(looked_up_at) DESC`,
      [userId],
    );
  }

  /** Everything kept, newest first: for the coder's data export. */
  async export(userId: string): Promise<CodeHistoryExport> {
    const rows = await this.dataSource.query<Array<{ system: string; code: string; looked_up_at: Date }>>(
      `SELECT system, code, looked_up_at FROM code_lookups WHERE user_id = $1 ORDER BY looked_up_at DESC`,
      [userId],
    );
    return { on: await this.isOn(userId), lookups: rows.map((r) => ({ system: r.system, code: r.code, lookedUpAt: r.looked_up_at.toISOString() })) };
  }
}
