import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** skipped: an alert email whose jobs had all closed by the time it could be sent. */
export type EmailStatus = 'queued' | 'sent' | 'failed' | 'skipped';

/**
 * Every message we send, written in the same transaction as the change that
 * caused it. The queue carries only this row's id; `sentAt` makes a retry of
 * an already accepted message a no-op.
 */
@Entity('emails')
@Check('emails_status_check', `status IN ('queued', 'sent', 'failed', 'skipped')`)
export class Email {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'emails_pkey' })
  id: string;

  @Column({ type: 'varchar', length: 64 })
  template: string;

  @Index('emails_to_address_idx')
  @Column({ type: 'varchar', length: 254 })
  toAddress: string;

  @Column({ type: 'text' })
  subject: string;

  /** Cleared once sent: bodies may carry one-time links. */
  @Column({ type: 'text', nullable: true })
  html: string | null;

  @Column({ type: 'text', nullable: true })
  text: string | null;

  @Index('emails_status_idx')
  @Column({ type: 'varchar', length: 16, default: 'queued' })
  status: EmailStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
