import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organization } from '../employers/organization.entity';
import { Job } from '../jobs/job.entity';
import { User } from '../users/user.entity';

export const CANDIDATE_INVITATION_STATUSES = ['sent', 'accepted', 'ignored'] as const;
export type CandidateInvitationStatus = (typeof CANDIDATE_INVITATION_STATUSES)[number];

/** "Invite to apply": an employer asks a visible candidate to apply to one of its jobs; accepting reveals contact details to it. */
@Entity('candidate_invitations')
@Index('candidate_invitations_job_id_candidate_id_key', ['jobId', 'candidateId'], { unique: true })
@Index('candidate_invitations_candidate_id_idx', ['candidateId'])
@Check('candidate_invitations_status_check', `status IN ('sent', 'accepted', 'ignored')`)
export class CandidateInvitation {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'candidate_invitations_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'candidate_invitations_organization_id_fkey' })
  organization?: Organization;

  @Column({ type: 'uuid' })
  jobId: string;

  @ManyToOne(() => Job, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'job_id', foreignKeyConstraintName: 'candidate_invitations_job_id_fkey' })
  job?: Job;

  @Column({ type: 'uuid' })
  candidateId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'candidate_id', foreignKeyConstraintName: 'candidate_invitations_candidate_id_fkey' })
  candidate?: User;

  @Column({ type: 'uuid', nullable: true })
  invitedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'invited_by', foreignKeyConstraintName: 'candidate_invitations_invited_by_fkey' })
  inviter?: User;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  message: string | null;

  @Column({ type: 'varchar', length: 8, default: 'sent' })
  status: CandidateInvitationStatus;

  @Column({ type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
