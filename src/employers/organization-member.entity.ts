import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../users/user.entity';
import { Organization } from './organization.entity';

export type OrganizationRole = 'owner' | 'recruiter';

export const APPLICATION_EMAIL_CHOICES = ['instant', 'daily', 'off'] as const;
/** How a member hears of new applications: an email each, one digest a day, or none. */
export type ApplicationEmailChoice = (typeof APPLICATION_EMAIL_CHOICES)[number];

@Entity('organization_members')
@Check('organization_members_role_check', `role IN ('owner', 'recruiter')`)
@Check('organization_members_application_emails_check', `application_emails IN ('instant', 'daily', 'off')`)
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

  @Column({ type: 'varchar', length: 8, default: 'instant' })
  applicationEmails: ApplicationEmailChoice;

  /** Applications created up to this instant were in a daily digest already. */
  @Column({ type: 'timestamptz', nullable: true })
  applicationDigestSentAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
