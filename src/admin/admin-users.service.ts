import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLog } from '../audit/audit-log.service';
import { AuthService } from '../auth/auth.service';
import { Clock } from '../common/clock';
import { containsPattern } from '../common/like-pattern';
import { DomainError } from '../common/domain-error';
import { User, UserRole } from '../users/user.entity';

export interface AdminUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  emailVerified: boolean;
  disabledAt: Date | null;
  createdAt: Date;
  organizationName: string | null;
}

const PAGE_SIZE = 50;
const notFound = () => new DomainError('not_found', 'There is no such account.');

/** Finding accounts, disabling and re-enabling them, and sending a verification email again. */
@Injectable()
export class AdminUsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly auditLog: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** By email or name (part of either), the newest first, 50 at most. */
  async search(q?: string): Promise<AdminUser[]> {
    const rows = await this.dataSource.query<
      Array<{
        id: string;
        email: string;
        name: string;
        role: UserRole;
        email_verified: boolean;
        disabled_at: Date | null;
        created_at: Date;
        organization_name: string | null;
      }>
    >(
      `SELECT u.id, u.email, u.name, u.role, u.email_verified, u.disabled_at, u.created_at,
              (SELECT o.name FROM organization_members m JOIN organizations o ON o.id = m.organization_id WHERE m.user_id = u.id ORDER BY m.created_at LIMIT 1) AS organization_name
         FROM users u
        WHERE $1::text IS NULL OR u.email ILIKE $1 OR u.name ILIKE $1
        ORDER BY u.created_at DESC, u.id
        LIMIT ${PAGE_SIZE}`,
      [q?.trim() ? containsPattern(q.trim()) : null],
    );
    return rows.map((r) => ({
      id: r.id,
      email: r.email,
      name: r.name,
      role: r.role,
      emailVerified: r.email_verified,
      disabledAt: r.disabled_at,
      createdAt: r.created_at,
      organizationName: r.organization_name,
    }));
  }

  /** Signs the account out everywhere and refuses its sign-in until enabled again. */
  async disable(admin: User, id: string): Promise<void> {
    if (id === admin.id) throw new DomainError('conflict', 'You cannot disable your own account.');
    await this.dataSource.transaction(async (manager) => {
      const user = await this.lock(manager, id);
      if (user.disabled_at) throw new DomainError('conflict', 'This account is already disabled.');
      await manager.query(`UPDATE users SET disabled_at = $2, token_version = token_version + 1 WHERE id = $1`, [id, this.clock.now()]);
      await this.auditLog.record(manager, {
        actor: admin,
        action: 'user.disabled',
        subject: { type: 'user', id },
        before: { disabled: false },
        after: { disabled: true },
      });
    });
  }

  async enable(admin: User, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const user = await this.lock(manager, id);
      if (!user.disabled_at) throw new DomainError('conflict', 'This account is not disabled.');
      await manager.query(`UPDATE users SET disabled_at = NULL WHERE id = $1`, [id]);
      await this.auditLog.record(manager, {
        actor: admin,
        action: 'user.enabled',
        subject: { type: 'user', id },
        before: { disabled: true },
        after: { disabled: false },
      });
    });
  }

  async resendVerification(admin: User, id: string): Promise<void> {
    const user = isUUID(id) ? await this.dataSource.manager.findOneBy(User, { id }) : null;
    if (!user) throw notFound();
    await this.auth.resendVerification(user, admin);
  }

  private async lock(manager: EntityManager, id: string): Promise<{ disabled_at: Date | null }> {
    const [user] = isUUID(id) ? await manager.query<Array<{ disabled_at: Date | null }>>(`SELECT disabled_at FROM users WHERE id = $1 FOR UPDATE`, [id]) : [];
    if (!user) throw notFound();
    return user;
  }
}
