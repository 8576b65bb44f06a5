import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { AlertMatcher } from '../alerts/engine/alert-matcher';
import { AuditLog } from '../audit/audit-log.service';
import { Clock } from '../common/clock';
import { containsPattern } from '../common/like-pattern';
import { DomainError } from '../common/domain-error';
import { SearchSyncService } from '../search/search-sync.service';
import { User } from '../users/user.entity';

export const ORGANIZATION_STATES = ['all', 'unverified', 'verified', 'suspended'] as const;
export type OrganizationState = (typeof ORGANIZATION_STATES)[number];

export interface AdminOrganization {
  id: string;
  name: string;
  slug: string;
  createdAt: Date;
  verifiedAt: Date | null;
  suspendedAt: Date | null;
  suspensionReason: string | null;
  members: number;
  openJobs: number;
  awaitingReview: number;
}

const STATE_FILTER: Record<OrganizationState, string> = {
  all: 'TRUE',
  unverified: 'o.verified_at IS NULL AND o.suspended_at IS NULL',
  verified: 'o.verified_at IS NOT NULL AND o.suspended_at IS NULL',
  suspended: 'o.suspended_at IS NOT NULL',
};

const PAGE_SIZE = 50;
const notFound = () => new DomainError('not_found', 'There is no such organization.');

/**
 * Suspending and reinstating employers. Suspension hides every posting at
 * once (each remembers its status in `suspended_from`) and ends its members'
 * sessions; sign-in refuses them until an admin reinstates the organization.
 */
@Injectable()
export class OrganizationModerationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly searchSync: SearchSyncService,
    private readonly alertMatcher: AlertMatcher,
    private readonly auditLog: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** Organizations by name (or slug), the newest first, 50 at most. */
  async list(filter: { q?: string; state?: OrganizationState }): Promise<AdminOrganization[]> {
    const rows = await this.dataSource.query<
      Array<{
        id: string;
        name: string;
        slug: string;
        created_at: Date;
        verified_at: Date | null;
        suspended_at: Date | null;
        suspension_reason: string | null;
        members: number;
        open_jobs: number;
        awaiting_review: number;
      }>
    >(
      `SELECT o.id, o.name, o.slug, o.created_at, o.verified_at, o.suspended_at, o.suspension_reason,
              (SELECT count(*) FROM organization_members m WHERE m.organization_id = o.id)::int AS members,
              (SELECT count(*) FROM jobs j WHERE j.organization_id = o.id AND j.status = 'published')::int AS open_jobs,
              (SELECT count(*) FROM jobs j WHERE j.organization_id = o.id AND j.status = 'pending_review')::int AS awaiting_review
         FROM organizations o
        WHERE ${STATE_FILTER[filter.state ?? 'all']}
          AND ($1::text IS NULL OR o.name ILIKE $1 OR o.slug ILIKE $1)
        ORDER BY o.created_at DESC, o.id
        LIMIT ${PAGE_SIZE}`,
      [filter.q?.trim() ? containsPattern(filter.q.trim()) : null],
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      slug: r.slug,
      createdAt: r.created_at,
      verifiedAt: r.verified_at,
      suspendedAt: r.suspended_at,
      suspensionReason: r.suspension_reason,
      members: r.members,
      openJobs: r.open_jobs,
      awaitingReview: r.awaiting_review,
    }));
  }

  async suspend(admin: User, id: string, reason: string): Promise<{ hiddenJobs: number }> {
    const note = reason.trim();
    if (!note) throw DomainError.invalid({ reason: ['Say why the organization is suspended; its members are told when they try to sign in.'] });
    return this.dataSource.transaction(async (manager) => {
      const organization = await this.lock(manager, id);
      if (organization.suspended_at) throw new DomainError('conflict', 'This organization is already suspended.');
      await manager.query(`UPDATE organizations SET suspended_at = $2, suspension_reason = $3 WHERE id = $1`, [id, this.clock.now(), note]);
      const hidden = await manager.query<Array<{ id: string }>>(
        // Through a CTE: TypeORM answers a bare UPDATE with [rows, count] rather than the rows.
        `WITH hidden AS (UPDATE jobs SET suspended_from = status, status = 'suspended', updated_at = now()
          WHERE organization_id = $1 AND status IN ('published', 'pending_review') RETURNING id) SELECT id FROM hidden`,
        [id],
      );
      await this.searchSync.jobsChanged(
        manager,
        hidden.map((j) => j.id),
      );
      // Every member's tokens end now; sign-in refuses them while the suspension lasts (AuthService.login).
      await manager.query(
        `UPDATE users SET token_version = token_version + 1 WHERE id IN (SELECT user_id FROM organization_members WHERE organization_id = $1)`,
        [id],
      );
      await this.auditLog.record(manager, {
        actor: admin,
        action: 'organization.suspended',
        subject: { type: 'organization', id },
        organizationId: id,
        before: { suspended: false },
        after: { suspended: true, reason: note, hiddenJobs: hidden.length },
      });
      return { hiddenJobs: hidden.length };
    });
  }

  async reinstate(admin: User, id: string): Promise<{ restoredJobs: number }> {
    return this.dataSource.transaction(async (manager) => {
      const organization = await this.lock(manager, id);
      if (!organization.suspended_at) throw new DomainError('conflict', 'This organization is not suspended.');
      await manager.query(`UPDATE organizations SET suspended_at = NULL, suspension_reason = NULL WHERE id = $1`, [id]);
      // Postings that expired meanwhile return as published and the expiry job closes them as usual.
      const restored = await manager.query<Array<{ id: string }>>(
        `WITH restored AS (UPDATE jobs SET status = suspended_from, suspended_from = NULL, updated_at = now()
          WHERE organization_id = $1 AND status = 'suspended' RETURNING id) SELECT id FROM restored`,
        [id],
      );
      const ids = restored.map((j) => j.id);
      await this.searchSync.jobsChanged(manager, ids);
      await this.alertMatcher.jobsChanged(manager, ids);
      await this.auditLog.record(manager, {
        actor: admin,
        action: 'organization.reinstated',
        subject: { type: 'organization', id },
        organizationId: id,
        before: { suspended: true, reason: organization.suspension_reason },
        after: { suspended: false, restoredJobs: ids.length },
      });
      return { restoredJobs: ids.length };
    });
  }

  private async lock(manager: EntityManager, id: string): Promise<{ suspended_at: Date | null; suspension_reason: string | null }> {
    const [organization] = isUUID(id)
      ? await manager.query<Array<{ suspended_at: Date | null; suspension_reason: string | null }>>(
          `SELECT suspended_at, suspension_reason FROM organizations WHERE id = $1 FOR UPDATE`,
          [id],
        )
      : [];
    if (!organization) throw notFound();
    return organization;
  }
}
