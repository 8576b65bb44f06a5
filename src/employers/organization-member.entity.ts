import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../users/user.entity';
import { Organization } from './organization.entity';

export type OrganizationRole = 'owner' | 'recruiter';

@Entity('organization_members')
@Check('organization_members_role_check', `role IN ('owner', 'recruiter')`)
export class OrganizationMember {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'organization_members_pkey' })
  organizationId: string;

  @Index('organization_members_user_id_idx')
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'organization_members_pkey' })
  userId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'organization_members_organization_id_fkey' })
  organization?: Organization;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'organization_members_user_id_fkey' })
  user?: User;

  @Column({ type: 'varchar', length: 16 })
  role: OrganizationRole;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
