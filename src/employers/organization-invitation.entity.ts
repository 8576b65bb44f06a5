import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../users/user.entity';
import { OrganizationRole } from './organization-member.entity';
import { Organization } from './organization.entity';

/** An emailed invitation to join an organization's team; only a hash of its token is kept. */
@Entity('organization_invitations')
@Check('organization_invitations_role_check', `role IN ('owner', 'recruiter')`)
export class OrganizationInvitation {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'organization_invitations_pkey' })
  id: string;

  @Index('organization_invitations_organization_id_idx')
  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'organization_invitations_organization_id_fkey' })
  organization?: Organization;

  /** Normalized like users.email. */
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 16 })
  role: OrganizationRole;

  @Index('organization_invitations_token_hash_key', { unique: true })
  @Column({ type: 'char', length: 64 })
  tokenHash: string;

  @Column({ type: 'uuid', nullable: true })
  invitedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'invited_by', foreignKeyConstraintName: 'organization_invitations_invited_by_fkey' })
  inviter?: User;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
