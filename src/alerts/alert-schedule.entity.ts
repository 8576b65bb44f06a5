import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Alert } from './alert.entity';

/**
 * When an alert's next digest is due and which jobs it holds: the engine's
 * state, rewritten at every digest and every instant job held past the
 * daily cap, kept apart from the alert (see the alert-schedules migration).
 * Made with the alert, deleted with it.
 */
@Entity('alert_schedules')
@Index('alert_schedules_next_digest_at_idx', { synchronize: false })
export class AlertSchedule {
  @PrimaryColumn('uuid', { primaryKeyConstraintName: 'alert_schedules_pkey' })
  alertId: string;

  @OneToOne(() => Alert, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'alert_id', foreignKeyConstraintName: 'alert_schedules_alert_id_fkey' })
  alert?: Alert;

  /**
   * When the next digest is due; null when none is owed (an instant alert
   * with no job held back past its daily cap, an unsubscribed alert).
   */
  @Column({ type: 'timestamptz', nullable: true })
  nextDigestAt: Date | null;

  /** The next digest holds matching jobs published after this (that no email has listed yet). */
  @Column({ type: 'timestamptz', nullable: true })
  digestSince: Date | null;

  /** When the last digest was sent. */
  @Column({ type: 'timestamptz', nullable: true })
  lastDigestAt: Date | null;
}
