import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../users/user.entity';
import { Application, ApplicationStatus } from './application.entity';

/** One step of an application's timeline: the status it moved to, who moved it, when, and the message sent with it. */
@Entity('application_events')
@Index('application_events_application_id_created_at_idx', ['applicationId', 'createdAt'])
@Check('application_events_status_check', `status IN ('new', 'reviewed', 'shortlisted', 'interviewing', 'offered', 'hired', 'rejected', 'withdrawn')`)
export class ApplicationEvent {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'application_events_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => Application, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'application_events_application_id_fkey' })
  application?: Application;

  @Column({ type: 'varchar', length: 16 })
  status: ApplicationStatus;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'application_events_actor_id_fkey' })
  actor?: User;

  /** The personal message sent to the candidate with this change, if any. */
  @Column({ type: 'varchar', length: 2000, nullable: true })
  message: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
