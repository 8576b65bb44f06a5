import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../users/user.entity';

/**
 * One admin action or sensitive employer action: who did what to which
 * record, when, and the record's relevant fields before and after. Subjects
 * carry no foreign key, so the history outlives what it describes.
 */
@Entity('audit_events')
@Index('audit_events_action_id_idx', ['action', 'id'])
@Index('audit_events_actor_id_id_idx', ['actorId', 'id'])
@Index('audit_events_organization_id_id_idx', ['organizationId', 'id'])
@Index('audit_events_subject_id_idx', ['subjectId'])
export class AuditEvent {
  /** Ascending with time, so pages are keyset-ordered by id. */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', primaryKeyConstraintName: 'audit_events_pkey' })
  id: string;

  @Column({ type: 'timestamptz' })
  occurredAt: Date;

  /** Null once the account is deleted (or for actions the application takes itself). */
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'audit_events_actor_id_fkey' })
  actor?: User;

  /** The actor's role at the time: an admin acting on an organization reads differently from its own member. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  actorRole: string | null;

  @Column({ type: 'varchar', length: 48 })
  action: string;

  @Column({ type: 'varchar', length: 24 })
  subjectType: string;

  @Column({ type: 'uuid' })
  subjectId: string;

  /** The organization the subject belongs to, for an organization's whole history. */
  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;
}
