import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Resume } from '../candidates/resume.entity';
import { Organization } from '../employers/organization.entity';
import { Job } from '../jobs/job.entity';
import { User } from '../users/user.entity';

export const APPLICATION_STATUSES = ['new', 'reviewed', 'shortlisted', 'interviewing', 'offered', 'hired', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** A candidate's answer to one of the job's screening questions, as submitted. */
export interface ScreeningAnswer {
  questionId: string;
  /** The question's text when answered: the employer may edit questions later. */
  question: string;
  answer: string;
  /** The answer is the one the employer marked as disqualifying: flagged, not rejected. */
  knockout: boolean;
}

/**
 * One candidate's application to one job. The candidate's name and email
 * are copied in when applying (applying reveals them to the employer); when
 * the candidate deletes the account, `candidateId` becomes null and both are
 * replaced, so the employer's records stay whole but anonymous.
 */
@Entity('applications')
@Index('applications_job_id_candidate_id_key', ['jobId', 'candidateId'], { unique: true })
@Index('applications_candidate_id_idx', ['candidateId'])
@Index('applications_organization_id_status_idx', ['organizationId', 'status'])
@Index('applications_job_id_created_at_idx', ['jobId', 'createdAt'])
@Check('applications_status_check', `status IN ('new', 'reviewed', 'shortlisted', 'interviewing', 'offered', 'hired', 'rejected', 'withdrawn')`)
export class Application {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'applications_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  jobId: string;

  @ManyToOne(() => Job, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'job_id', foreignKeyConstraintName: 'applications_job_id_fkey' })
  job?: Job;

  /** The job's organization, kept beside it so every employer query checks ownership in one condition. */
  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'applications_organization_id_fkey' })
  organization?: Organization;

  @Column({ type: 'uuid', nullable: true })
  candidateId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'candidate_id', foreignKeyConstraintName: 'applications_candidate_id_fkey' })
  candidate?: User;

  @Column({ type: 'varchar', length: 100 })
  candidateName: string;

  @Column({ type: 'varchar', length: 254, nullable: true })
  candidateEmail: string | null;

  @Column({ type: 'uuid', nullable: true })
  resumeId: string | null;

  @ManyToOne(() => Resume, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'resume_id', foreignKeyConstraintName: 'applications_resume_id_fkey' })
  resume?: Resume;

  @Column({ type: 'text', nullable: true })
  coverLetter: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  answers: ScreeningAnswer[];

  /** Any answer hit a knockout: flagged for the employer, never rejected automatically. */
  @Column({ type: 'boolean', default: false })
  knockout: boolean;

  @Column({ type: 'varchar', length: 16, default: 'new' })
  status: ApplicationStatus;

  @Column({ type: 'timestamptz', nullable: true })
  anonymizedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
