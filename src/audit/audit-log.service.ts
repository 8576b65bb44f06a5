import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { User } from '../users/user.entity';
import { AuditAction } from './audit-actions';

export type AuditSubjectType = 'job' | 'organization' | 'user' | 'application' | 'report' | 'team_member' | 'invitation';

export interface AuditEntry {
  /** Who acted; null for the application itself. */
  actor: Pick<User, 'id' | 'role'> | null;
  /** Dotted, subject first: `job.published`, `organization.suspended`. */
  action: AuditAction;
  subject: { type: AuditSubjectType; id: string };
  organizationId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

const COLUMNS = 9;

/**
 * Writes audit events inside the caller's transaction, so an event exists
 * exactly when the change it describes was committed.
 */
@Injectable()
export class AuditLog {
  constructor(private readonly clock: Clock) {}

  record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    return this.recordAll(manager, [entry]);
  }

  /** One statement for many events (a bulk action records one per subject). */
  async recordAll(manager: EntityManager, entries: AuditEntry[]): Promise<void> {
    if (!entries.length) return;
    const now = this.clock.now();
    const rows = entries.map((_, i) => `(${Array.from({ length: COLUMNS }, (__, c) => `$${i * COLUMNS + c + 1}`).join(', ')})`);
    await manager.query(
      `INSERT INTO audit_events (occurred_at, actor_id, actor_role, action, subject_type, subject_id, organization_id, before, after)
       VALUES ${rows.join(', ')}`,
      entries.flatMap((entry) => [
        now,
        entry.actor?.id ?? null,
        entry.actor?.role ?? null,
        entry.action,
        entry.subject.type,
        entry.subject.id,
        entry.organizationId ?? null,
        entry.before ? JSON.stringify(entry.before) : null,
        entry.after ? JSON.stringify(entry.after) : null,
      ]),
    );
  }
}
