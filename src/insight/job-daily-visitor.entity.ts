import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Job } from '../jobs/job.entity';

/**
 * One visitor who viewed a job's page on a UTC day: unique visitors of a
 * day are its rows. `visitor` is a keyed hash (see JobInsightCounter), never
 * an address or an account id.
 */
@Entity('job_daily_visitors')
export class JobDailyVisitor {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'job_daily_visitors_pkey' })
  jobId: string;

  @ManyToOne(() => Job, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'job_id', foreignKeyConstraintName: 'job_daily_visitors_job_id_fkey' })
  job?: Job;

  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'job_daily_visitors_pkey' })
  day: string;

  @PrimaryColumn({ type: 'varchar', length: 22, primaryKeyConstraintName: 'job_daily_visitors_pkey' })
  visitor: string;
}
