import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Alert } from './alert.entity';

export const ALERT_DELIVERY_STATUSES = ['queued', 'sent', 'skipped'] as const;
/**
 * queued: in an email not yet sent; sent: in an email the SMTP server
 * accepted; skipped: the job closed or expired before its email went, or
 * the email failed for good.
 */
export type AlertDeliveryStatus = (typeof ALERT_DELIVERY_STATUSES)[number];

/**
 * One job in one alert's email, written with the email: the primary key
 * (alert, job) makes a job go to an alert at most once. The job and the
 * email are referenced without foreign keys (see the
 * alert-delivery-references migration); deleting either is handled by a
 * trigger.
 */
@Entity('alert_deliveries')
@Check('alert_deliveries_status_check', `status IN ('queued', 'sent', 'skipped')`)
export class AlertDelivery {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'alert_deliveries_pkey' })
  alertId: string;

  @ManyToOne(() => Alert, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'alert_id', foreignKeyConstraintName: 'alert_deliveries_alert_id_fkey' })
  alert?: Alert;

  @Index('alert_deliveries_job_id_idx')
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'alert_deliveries_pkey' })
  jobId: string;

  @Column({ type: 'varchar', length: 8, default: 'queued' })
  status: AlertDeliveryStatus;

  @Index('alert_deliveries_email_id_idx')
  @Column({ type: 'uuid', nullable: true })
  emailId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
