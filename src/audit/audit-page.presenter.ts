import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, AuditAction } from './audit-actions';
import { AuditEventPage, AuditEventView } from './audit-events.service';
import { AuditQueryDto } from './dto/audit-query.dto';

export const AUDIT_PAGE_PATH = '/admin/audit';

/** What the page shows in its filter form whether or not the filters were accepted (see AuditPageLocals). */
export const AUDIT_PAGE_LOCALS = {
  adminSection: 'audit',
  actions: AUDIT_ACTIONS.map((value) => ({ value, label: AUDIT_ACTION_LABELS[value] })),
};

const SUBJECT_LABELS: Record<AuditEventView['subject']['type'], string> = {
  job: 'Job',
  organization: 'Organization',
  user: 'User',
  application: 'Application',
  report: 'Report',
  team_member: 'Team member',
  invitation: 'Invitation',
};

const whenLabel = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const dayLabel = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

export interface AuditRow {
  id: string;
  when: { iso: string; label: string };
  actor: { name: string; email: string | null; role: string | null; path: string | null };
  action: { value: string; label: string };
  subject: { kind: string; label: string | null; path: string | null; historyPath: string };
  organization: { name: string; path: string } | null;
  before: Array<{ key: string; value: string }>;
  after: Array<{ key: string; value: string }>;
}

export interface AuditPageView {
  values: AuditQueryDto;
  events: AuditRow[];
  nextPagePath: string | null;
  filtered: boolean;
}

/** The audit page with these filters (and `before`, for the next page). */
function auditPath(filters: AuditQueryDto): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== '') query.set(key, String(value));
  const search = query.toString();
  return search ? `${AUDIT_PAGE_PATH}?${search}` : AUDIT_PAGE_PATH;
}

/** `validThrough: 2026-03-01T…` → `valid through: March 1, 2026`; lists joined; booleans as yes/no. */
function readable(fields: Record<string, unknown> | null): AuditRow['before'] {
  return Object.entries(fields ?? {}).map(([key, value]) => ({ key: key.replace(/([A-Z])/g, ' $1').toLowerCase(), value: readableValue(value) }));
}

function readableValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.map(readableValue).join(', ');
  if (typeof value === 'string') return ISO_TIME.test(value) ? dayLabel.format(new Date(value)) : value;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value as number);
}

function toRow(event: AuditEventView): AuditRow {
  return {
    id: event.id,
    when: { iso: event.occurredAt, label: `${whenLabel.format(new Date(event.occurredAt))} UTC` },
    actor: { ...event.actor, path: event.actor.id ? auditPath({ actor: event.actor.id }) : null },
    action: { value: event.action, label: AUDIT_ACTION_LABELS[event.action as AuditAction] ?? event.action },
    subject: {
      kind: SUBJECT_LABELS[event.subject.type] ?? event.subject.type,
      label: event.subject.label,
      // Admins see every posting but drafts; the other subjects have no page of their own to open.
      path: event.subject.type === 'job' ? `/jobs/${event.subject.id}` : null,
      historyPath: auditPath({ subjectId: event.subject.id }),
    },
    organization: event.organization && {
      name: event.organization.name ?? 'deleted organization',
      path: auditPath({ organizationId: event.organization.id }),
    },
    before: readable(event.before),
    after: readable(event.after),
  };
}

export function presentAuditPage(page: AuditEventPage, filters: AuditQueryDto): AuditPageView {
  const { before, limit, ...criteria } = filters;
  return {
    values: filters,
    events: page.events.map(toRow),
    nextPagePath: page.nextBefore ? auditPath({ ...criteria, limit, before: page.nextBefore }) : null,
    filtered: Object.values(criteria).some((v) => v !== undefined) || before !== undefined,
  };
}
