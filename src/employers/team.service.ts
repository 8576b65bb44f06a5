import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuditLog } from '../audit/audit-log.service';
import { hashToken } from '../auth/tokens.service';
import { Clock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import { Env } from '../config/env';
import { MailService } from '../mail/mail.service';
import { User } from '../users/user.entity';
import { normalizeEmail } from '../users/users.service';
import { CreateInvitationDto, ORGANIZATION_ROLES } from './dto/invitation.dto';
import { isUuid, requireMembership } from './organization-access';
import { OrganizationInvitation } from './organization-invitation.entity';
import { OrganizationMember, OrganizationRole } from './organization-member.entity';
import { Organization } from './organization.entity';
import { companyPath, logoPath, MyOrganizationView, OrganizationsService } from './organizations.service';

const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;
/** Unanswered invitations an organization may have at once: invitations are email we send on an owner's word. */
const MAX_PENDING_INVITATIONS = 50;

export interface MemberView {
  userId: string;
  name: string;
  email: string;
  role: OrganizationRole;
  joinedAt: string;
}

export interface InvitationView {
  id: string;
  email: string;
  role: OrganizationRole;
  /** An unanswered invitation past its date is listed as expired, so the owner can send it again. */
  status: 'pending' | 'expired';
  invitedBy: string | null;
  createdAt: string;
  expiresAt: string;
}

/** What the team page shows; `organization` is absent for an employer outside any organization. */
export interface TeamPage {
  organization?: MyOrganizationView;
  isOwner: boolean;
  members: MemberView[];
  invitations: Array<InvitationView & { expiresOn: string }>;
  roles: readonly OrganizationRole[];
}

/** What the page behind an invitation link shows, to whoever opens it. */
export interface InvitationPreview {
  organizationName: string;
  organizationUrl: string;
  logoUrl: string | null;
  role: OrganizationRole;
  email: string;
  inviterName: string | null;
  expiresOn: string;
  /** The signed-in user's address, when someone is signed in. */
  signedInAs?: string;
  /** Signed in with the invited address: the page offers the Accept button. */
  canAccept: boolean;
}

export interface AcceptedInvitation {
  organizationName: string;
  role: OrganizationRole;
}

interface InvitationRow {
  id: string;
  organization_id: string;
  organization_name: string;
  organization_slug: string;
  logo_updated_at: Date | null;
  email: string;
  role: OrganizationRole;
  inviter_name: string | null;
  expires_at: Date;
  accepted_at: Date | null;
  revoked_at: Date | null;
  suspended_at: Date | null;
}

const INVALID_LINK = 'This invitation link is not valid. Check that you opened the whole link from the email.';
const TOKEN_FORMAT = /^[\w-]{20,100}$/;
const dateFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });

/** Team members and invitations. Every check reads the membership table afresh: nothing is cached between requests. */
@Injectable()
export class TeamService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly mail: MailService,
    private readonly clock: Clock,
    private readonly env: Env,
    private readonly auditLog: AuditLog,
  ) {}

  /** Any member may see the team. */
  async members(user: User, organizationId: string): Promise<MemberView[]> {
    return this.dataSource.transaction(async (manager) => {
      await requireMembership(manager, organizationId, user.id);
      return this.listMembers(manager, organizationId);
    });
  }

  /** Invitations not yet accepted or withdrawn; any member may see them. */
  async invitations(user: User, organizationId: string): Promise<InvitationView[]> {
    return this.dataSource.transaction(async (manager) => {
      await requireMembership(manager, organizationId, user.id);
      return this.listInvitations(manager, organizationId);
    });
  }

  async teamPage(user: User): Promise<TeamPage> {
    const [organization] = await this.organizations.listMine(user);
    const page = { organization, isOwner: organization?.role === 'owner', roles: ORGANIZATION_ROLES };
    if (!organization) return { ...page, members: [], invitations: [] };
    const [members, invitations] = await Promise.all([this.members(user, organization.id), this.invitations(user, organization.id)]);
    return { ...page, members, invitations: invitations.map((i) => ({ ...i, expiresOn: dateFormat.format(new Date(i.expiresAt)) })) };
  }

  /**
   * Owner only. Emails a single-use link (256 random bits; only the hash is
   * kept) that works for 7 days; an earlier unanswered invitation to the same
   * address stops working.
   */
  async invite(user: User, organizationId: string, input: CreateInvitationDto): Promise<InvitationView> {
    const email = normalizeEmail(input.email);
    return this.dataSource.transaction(async (manager) => {
      await requireMembership(manager, organizationId, user.id, { owner: true, lock: true });
      const now = this.clock.now();
      const [{ member, pending }]: Array<{ member: boolean; pending: number }> = await manager.query(
        `SELECT EXISTS (SELECT 1 FROM organization_members m JOIN users u ON u.id = m.user_id WHERE m.organization_id = $1 AND u.email = $2) AS member,
                (SELECT count(*)::int FROM organization_invitations
                  WHERE organization_id = $1 AND email <> $2 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > $3) AS pending`,
        [organizationId, email, now],
      );
      if (member) throw new DomainError('conflict', `${email} is already on your team.`, { email: ['This person is already on your team.'] });
      if (pending >= MAX_PENDING_INVITATIONS) {
        throw new DomainError('conflict', `Your organization has ${pending} unanswered invitations. Withdraw some before you send more.`);
      }
      await manager.update(OrganizationInvitation, { organizationId, email, acceptedAt: IsNull(), revokedAt: IsNull() }, { revokedAt: now });
      const token = randomBytes(32).toString('base64url');
      const invitation = await manager.save(
        manager.create(OrganizationInvitation, {
          organizationId,
          email,
          role: input.role,
          tokenHash: hashToken(token),
          invitedBy: user.id,
          expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
        }),
      );
      await this.auditLog.record(manager, {
        actor: user,
        action: 'team.member_invited',
        subject: { type: 'invitation', id: invitation.id },
        organizationId,
        after: { email, role: input.role },
      });
      const organization = await manager.findOneByOrFail(Organization, { id: organizationId });
      await this.mail.send(
        'organization-invitation',
        email,
        {
          organizationName: organization.name,
          inviterName: user.name,
          role: input.role,
          link: `${this.env.appUrl}/invitations/accept?token=${token}`,
          expiresOn: dateFormat.format(invitation.expiresAt),
        },
        { manager },
      );
      return this.toInvitationView(invitation, user.name, now);
    });
  }

  /** Owner only; 404 unless the invitation is this organization's and still unanswered. */
  async revoke(user: User, organizationId: string, invitationId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await requireMembership(manager, organizationId, user.id, { owner: true, lock: true });
      const [revoked]: Array<Pick<OrganizationInvitation, 'email' | 'role'>> = isUuid(invitationId)
        ? ((
            await manager
              .createQueryBuilder()
              .update(OrganizationInvitation)
              .set({ revokedAt: this.clock.now() })
              .where('id = :invitationId AND organization_id = :organizationId AND accepted_at IS NULL AND revoked_at IS NULL', {
                invitationId,
                organizationId,
              })
              .returning(['email', 'role'])
              .updateEntity(false)
              .execute()
          ).raw as Array<Pick<OrganizationInvitation, 'email' | 'role'>>)
        : [];
      if (!revoked) throw new DomainError('not_found', 'There is no such unanswered invitation.');
      await this.auditLog.record(manager, {
        actor: user,
        action: 'team.invitation_revoked',
        subject: { type: 'invitation', id: invitationId },
        organizationId,
        before: { email: revoked.email, role: revoked.role },
      });
    });
  }

  /**
   * Owner only. The member's access ends with this transaction: every
   * request checks membership in its queries. The last owner stays, so the
   * organization is never left without someone to manage it.
   */
  async removeMember(user: User, organizationId: string, memberId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await requireMembership(manager, organizationId, user.id, { owner: true, lock: true });
      const [target]: Array<{ role: OrganizationRole; email: string; owners: number }> = isUuid(memberId)
        ? await manager.query(
            `SELECT m.role, u.email, (SELECT count(*)::int FROM organization_members WHERE organization_id = $1 AND role = 'owner') AS owners
               FROM organization_members m JOIN users u ON u.id = m.user_id WHERE m.organization_id = $1 AND m.user_id = $2`,
            [organizationId, memberId],
          )
        : [];
      if (!target) throw new DomainError('not_found', 'This person is not on your team.');
      if (target.role === 'owner' && target.owners <= 1) {
        throw new DomainError('conflict', 'An organization needs at least one owner. Make someone else an owner before removing the last one.');
      }
      await manager.delete(OrganizationMember, { organizationId, userId: memberId });
      await this.auditLog.record(manager, {
        actor: user,
        action: 'team.member_removed',
        subject: { type: 'team_member', id: memberId },
        organizationId,
        before: { userId: memberId, email: target.email, role: target.role },
      });
    });
  }

  /** For the page behind the link: 404 for an unknown token, 410 for a used, withdrawn or expired one. */
  async preview(token: string | undefined, user: User | undefined): Promise<InvitationPreview> {
    const row = await this.usableInvitation(this.dataSource.manager, token, false);
    return {
      organizationName: row.organization_name,
      organizationUrl: companyPath({ slug: row.organization_slug }),
      logoUrl: logoPath({ slug: row.organization_slug, logoUpdatedAt: row.logo_updated_at }),
      role: row.role,
      email: row.email,
      inviterName: row.inviter_name,
      expiresOn: dateFormat.format(row.expires_at),
      signedInAs: user?.email,
      canAccept: user !== undefined && normalizeEmail(user.email) === row.email,
    };
  }

  /**
   * Joins the signed-in user to the organization, once. The account must
   * have the invited address; a coder's account becomes an employer's. A
   * user belongs to at most one organization.
   */
  async accept(user: User, token: string): Promise<AcceptedInvitation> {
    return this.dataSource.transaction(async (manager) => {
      const invitation = await this.usableInvitation(manager, token, true);
      if (normalizeEmail(user.email) !== invitation.email) {
        throw new DomainError(
          'forbidden',
          `This invitation was sent to ${invitation.email}, but you are signed in as ${user.email}. Sign in with the invited address to accept it.`,
        );
      }
      // Locks the account, so that two invitations accepted at once cannot both succeed.
      const [account]: Array<{ role: User['role'] }> = await manager.query(`SELECT role FROM users WHERE id = $1 FOR UPDATE`, [user.id]);
      if (account.role === 'admin') throw new DomainError('forbidden', 'An administrator account cannot join an organization. Use a separate account.');
      const [current]: Array<{ name: string }> = await manager.query(
        `SELECT o.name FROM organization_members m JOIN organizations o ON o.id = m.organization_id WHERE m.user_id = $1 LIMIT 1`,
        [user.id],
      );
      if (current) {
        throw new DomainError(
          'conflict',
          `You already belong to ${current.name}. An account can be in one organization: leave it first, or accept with another account.`,
        );
      }
      await manager.insert(OrganizationMember, { organizationId: invitation.organization_id, userId: user.id, role: invitation.role });
      await manager.update(OrganizationInvitation, { id: invitation.id }, { acceptedAt: this.clock.now() });
      if (account.role === 'candidate') await manager.update(User, { id: user.id }, { role: 'employer' });
      await this.auditLog.record(manager, {
        // A coder's account became an employer's just above.
        actor: { id: user.id, role: 'employer' },
        action: 'team.member_joined',
        subject: { type: 'team_member', id: user.id },
        organizationId: invitation.organization_id,
        after: { userId: user.id, email: invitation.email, role: invitation.role, invitationId: invitation.id },
      });
      return { organizationName: invitation.organization_name, role: invitation.role };
    });
  }

  private async usableInvitation(manager: EntityManager, token: string | undefined, lock: boolean): Promise<InvitationRow> {
    const rows: InvitationRow[] =
      token && TOKEN_FORMAT.test(token)
        ? await manager.query(
            `SELECT i.id, i.organization_id, o.name AS organization_name, o.slug AS organization_slug, o.logo_updated_at,
                    i.email, i.role, u.name AS inviter_name, i.expires_at, i.accepted_at, i.revoked_at, o.suspended_at
               FROM organization_invitations i
               JOIN organizations o ON o.id = i.organization_id
               LEFT JOIN users u ON u.id = i.invited_by
              WHERE i.token_hash = $1${lock ? ' FOR UPDATE OF i' : ''}`,
            [hashToken(token)],
          )
        : [];
    const row = rows[0];
    if (!row) throw new DomainError('not_found', INVALID_LINK);
    if (row.accepted_at) throw new DomainError('gone', 'This invitation has already been accepted. Sign in to reach your team.');
    if (row.revoked_at) throw new DomainError('gone', 'This invitation was withdrawn. Ask the person who invited you to send a new one.');
    if (row.expires_at <= this.clock.now()) throw new DomainError('gone', 'This invitation has expired. Ask the person who invited you to send a new one.');
    // A member of a suspended organization could not sign in; joining one is refused the same way.
    if (row.suspended_at) throw new DomainError('gone', 'This organization’s account is suspended, so it cannot take new members.');
    return row;
  }

  private async listMembers(manager: EntityManager, organizationId: string): Promise<MemberView[]> {
    const rows: Array<{ user_id: string; name: string; email: string; role: OrganizationRole; created_at: Date }> = await manager.query(
      `SELECT m.user_id, u.name, u.email, m.role, m.created_at
         FROM organization_members m JOIN users u ON u.id = m.user_id
        WHERE m.organization_id = $1 ORDER BY m.role = 'owner' DESC, m.created_at, u.name`,
      [organizationId],
    );
    return rows.map((r) => ({ userId: r.user_id, name: r.name, email: r.email, role: r.role, joinedAt: r.created_at.toISOString() }));
  }

  private async listInvitations(manager: EntityManager, organizationId: string): Promise<InvitationView[]> {
    const invitations = await manager
      .createQueryBuilder(OrganizationInvitation, 'i')
      .leftJoinAndSelect('i.inviter', 'u')
      .where('i.organization_id = :organizationId AND i.accepted_at IS NULL AND i.revoked_at IS NULL', { organizationId })
      .orderBy('i.created_at', 'DESC')
      .getMany();
    const now = this.clock.now();
    return invitations.map((i) => this.toInvitationView(i, i.inviter?.name ?? null, now));
  }

  private toInvitationView(i: OrganizationInvitation, inviterName: string | null, now: Date): InvitationView {
    return {
      id: i.id,
      email: i.email,
      role: i.role,
      status: i.expiresAt > now ? 'pending' : 'expired',
      invitedBy: inviterName,
      createdAt: i.createdAt.toISOString(),
      expiresAt: i.expiresAt.toISOString(),
    };
  }
}
