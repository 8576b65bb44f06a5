import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Job } from '../jobs/job.entity';
import { User } from '../users/user.entity';

@Entity('saved_jobs')
export class SavedJob {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'saved_jobs_pkey' })
  userId: string;

  @Index('saved_jobs_job_id_idx')
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'saved_jobs_pkey' })
  jobId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'saved_jobs_user_id_fkey' })
  user?: User;

  @ManyToOne(() => Job, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'job_id', foreignKeyConstraintName: 'saved_jobs_job_id_fkey' })
  job?: Job;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
