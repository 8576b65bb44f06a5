import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Job } from '../jobs/job.entity';
import { User } from '../users/user.entity';

export const REPORT_REASONS = ['scam', 'misleading', 'wrong_information', 'discriminatory'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export const REPORT_RESOLUTIONS = ['dismissed', 'upheld'] as const;
export type ReportResolution = (typeof REPORT_RESOLUTIONS)[number];

/**
 * Someone's report that a posting is a scam, misleading, wrong or
 * discriminatory. A reporter (an account, or an address for visitors) holds
 * at most one open report per job, so three open reports are three people.
 */
@Entity('job_reports')
@Check('job_reports_reason_check', `reason IN ('scam', 'misleading', 'wrong_information', 'discriminatory')`)
@Check('job_reports_resolution_check', `(resolved_at IS NULL) = (resolution IS NULL) AND (resolution IS NULL OR resolution IN ('dismissed', 'upheld'))`)
@Index('job_reports_open_reporter_key', ['jobId', 'reporterKey'], { unique: true, where: 'resolved_at IS NULL' })
@Index('job_reports_open_created_at_idx', ['createdAt'], { where: 'resolved_at IS NULL' })
export class JobReport {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'job_reports_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  jobId: string;

  @ManyToOne(() => Job, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'job_id', foreignKeyConstraintName: 'job_reports_job_id_fkey' })
  job?: Job;

  @Column({ type: 'uuid', nullable: true })
  reporterId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'reporter_id', foreignKeyConstraintName: 'job_reports_reporter_id_fkey' })
  reporter?: User;

  /** `user:<id>`, or `ip:<keyed hash>` for a signed-out visitor: never the address itself. */
  @Column({ type: 'varchar', length: 80 })
  reporterKey: string;

  @Column({ type: 'varchar', length: 24 })
  reason: ReportReason;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  details: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  resolution: ReportResolution | null;

  @Column({ type: 'uuid', nullable: true })
  resolvedBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'resolved_by', foreignKeyConstraintName: 'job_reports_resolved_by_fkey' })
  resolver?: User;
}
