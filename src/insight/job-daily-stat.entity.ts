import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Job } from '../jobs/job.entity';

/** The UTC day of `date` as `YYYY-MM-DD`: insight counts by UTC day, whoever looks and from wherever. */
export const utcDay = (date: Date): string => date.toISOString().slice(0, 10);

/** Page views and apply-button clicks of one job on one UTC day, added to by each flush of the counter. */
@Entity('job_daily_stats')
export class JobDailyStat {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'job_daily_stats_pkey' })
  jobId: string;

  @ManyToOne(() => Job, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'job_id', foreignKeyConstraintName: 'job_daily_stats_job_id_fkey' })
  job?: Job;

  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'job_daily_stats_pkey' })
  day: string;

  @Column({ type: 'integer', default: 0 })
  views: number;

  @Column({ type: 'integer', default: 0 })
  applyClicks: number;
}
