import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { normalizeEmail } from '../users/users.service';
import { AuditSubjectType } from './audit-log.service';
import { AuditQueryDto, DEFAULT_AUDIT_PAGE } from './dto/audit-query.dto';

export interface AuditEventView {
  id: string;
  occurredAt: string;
  action: string;
  actor: {
    id: string | null;
    /** The role when acting, kept after the account is deleted. */
    role: string | null;
    /** "deleted account" once the account is gone; "CareerCenter" for what the application did itself. */
    name: string;
    email: string | null;
  };
  subject: {
    type: AuditSubjectType;
    id: string;
    /** A job's title, a user's or an organization's name, while the record exists. */
    label: string | null;
  };
  organization: { id: string; name: string | null } | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface AuditEventPage {
  events: AuditEventView[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: string | null;
}

interface AuditEventRow {
  id: string;
  occurred_at: Date;
  actor_id: string | null;
  actor_role: string | null;
  actor_name: string | null;
  actor_email: string | null;
  action: string;
  subject_type: AuditSubjectType;
  subject_id: string;
  subject_label: string | null;
  organization_id: string | null;
  organization_name: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const DAY_MS = 86400_000;

/** Reads the audit log for admins: filtered, newest first, a page at a time by id (never OFFSET, which slows as the log grows). */
@Injectable()
export class AuditEventsService {
  constructor(private readonly dataSource: DataSource) {}

  async list(query: AuditQueryDto): Promise<AuditEventPage> {
    const from = query.from ? new Date(`${query.from}T00:00:00Z`) : null;
    // Dates are whole UTC days: "to" includes its day.
    const until = query.to ? new Date(new Date(`${query.to}T00:00:00Z`).getTime() + DAY_MS) : null;
    if (from && until && from >= until) throw DomainError.invalid({ to: ['Choose a day on or after the “from” day.'] });

    const conditions: string[] = [];
    const values: unknown[] = [];
    const param = (value: unknown) => `$${values.push(value)}`;
    if (query.action) conditions.push(`e.action = ${param(query.action)}`);
    if (query.actor) {
      conditions.push(
        isUUID(query.actor) ? `e.actor_id = ${param(query.actor)}` : `e.actor_id = (SELECT id FROM users WHERE email = ${param(normalizeEmail(query.actor))})`,
      );
    }
    if (query.organizationId) conditions.push(`e.organization_id = ${param(query.organizationId)}`);
    if (query.subjectId) conditions.push(`e.subject_id = ${param(query.subjectId)}`);
    if (from) conditions.push(`e.occurred_at >= ${param(from)}`);
    if (until) conditions.push(`e.occurred_at < ${param(until)}`);
    if (query.before) conditions.push(`e.id < ${param(query.before)}`);
    const limit = query.limit ?? DEFAULT_AUDIT_PAGE;

    const rows: AuditEventRow[] = await this.dataSource.query(
      `SELECT e.id, e.occurred_at, e.actor_id, e.actor_role, a.name AS actor_name, a.email AS actor_email, e.action,
              e.subject_type, e.subject_id, COALESCE(j.title, m.name, so.name) AS subject_label,
              e.organization_id, o.name AS organization_name, e.before, e.after
         FROM audit_events e
         LEFT JOIN users a ON a.id = e.actor_id
         LEFT JOIN organizations o ON o.id = e.organization_id
         LEFT JOIN jobs j ON e.subject_type = 'job' AND j.id = e.subject_id
         LEFT JOIN users m ON e.subject_type IN ('user', 'team_member') AND m.id = e.subject_id
         LEFT JOIN organizations so ON e.subject_type = 'organization' AND so.id = e.subject_id
        ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
        ORDER BY e.id DESC
        LIMIT ${param(limit + 1)}`,
      values,
    );
    const page = rows.slice(0, limit);
    return { events: page.map(toView), nextBefore: rows.length > limit ? page[page.length - 1].id : null };
  }
}

function toView(row: AuditEventRow): AuditEventView {
  return {
    id: row.id,
    occurredAt: row.occurred_at.toISOString(),
    action: row.action,
    actor: {
      id: row.actor_id,
      role: row.actor_role,
      // A deleted account's events keep the role it acted in; the application's own have none.
      name: row.actor_name ?? (row.actor_role ? 'deleted account' : 'CareerCenter'),
      email: row.actor_email,
    },
    subject: { type: row.subject_type, id: row.subject_id, label: row.subject_label },
    organization: row.organization_id ? { id: row.organization_id, name: row.organization_name } : null,
    before: row.before,
    after: row.after,
  };
}
