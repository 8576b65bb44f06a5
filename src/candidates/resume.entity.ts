import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../users/user.entity';

export const RESUME_TYPES = ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'] as const;
export type ResumeType = (typeof RESUME_TYPES)[number];

export const RESUME_TEXT_STATUSES = ['extracted', 'empty', 'failed'] as const;
export type ResumeTextStatus = (typeof RESUME_TEXT_STATUSES)[number];

/**
 * A resume file, kept in Postgres (bytea) so every app instance serves the
 * same bytes and a crash leaves no orphan or missing file. Removed from the
 * profile, a resume attached to an application stays for that employer
 * (`removedAt`) until the account itself is deleted.
 */
@Entity('resumes')
@Index('resumes_user_id_idx', ['userId'])
@Index('resumes_one_default_key', ['userId'], { unique: true, where: 'is_default AND removed_at IS NULL' })
@Check('resumes_text_status_check', `text_status IN ('extracted', 'empty', 'failed')`)
export class Resume {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'resumes_pkey' })
  id: string;

  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'resumes_user_id_fkey' })
  user?: User;

  /** The name as uploaded, cleaned of paths and control characters. */
  @Column({ type: 'varchar', length: 255 })
  fileName: string;

  /** Read from the bytes, never from the upload's headers. */
  @Column({ type: 'varchar', length: 100 })
  contentType: ResumeType;

  @Column({ type: 'integer' })
  size: number;

  @Column({ type: 'bytea', select: false })
  content: Buffer;

  /** Plain text for employers' candidate search; null when extraction failed or found nothing. */
  @Column({ type: 'text', nullable: true, select: false })
  text: string | null;

  @Column({ type: 'varchar', length: 16 })
  textStatus: ResumeTextStatus;

  @Column({ type: 'boolean', default: false })
  isDefault: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  removedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
