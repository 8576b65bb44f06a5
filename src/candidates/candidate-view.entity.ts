import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Organization } from '../employers/organization.entity';
import { User } from '../users/user.entity';

export const CANDIDATE_VIEW_KINDS = ['profile', 'resume'] as const;
export type CandidateViewKind = (typeof CANDIDATE_VIEW_KINDS)[number];

/** An employer looked at a candidate's profile or downloaded a resume: the candidate sees who and when. */
@Entity('candidate_views')
@Index('candidate_views_candidate_id_created_at_idx', ['candidateId', 'createdAt'])
@Check('candidate_views_kind_check', `kind IN ('profile', 'resume')`)
export class CandidateView {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'candidate_views_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  candidateId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'candidate_id', foreignKeyConstraintName: 'candidate_views_candidate_id_fkey' })
  candidate?: User;

  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'candidate_views_organization_id_fkey' })
  organization?: Organization;

  @Column({ type: 'uuid', nullable: true })
  viewerId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'viewer_id', foreignKeyConstraintName: 'candidate_views_viewer_id_fkey' })
  viewer?: User;

  @Column({ type: 'varchar', length: 8 })
  kind: CandidateViewKind;

  @Column({ type: 'uuid', nullable: true })
  resumeId: string | null;

  @Column({ type: 'uuid', nullable: true })
  applicationId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
