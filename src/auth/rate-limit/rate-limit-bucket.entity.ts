import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Hit counters for the sign-in, registration and password-reset limits. They
 * live in Postgres so that every app instance sees the same counts.
 */
@Entity('rate_limit_buckets')
export class RateLimitBucket {
  @PrimaryColumn({ type: 'varchar', length: 400, primaryKeyConstraintName: 'rate_limit_buckets_pkey' })
  key: string;

  @Column({ type: 'integer' })
  hits: number;

  @Index('rate_limit_buckets_window_ends_at_idx')
  @Column({ type: 'timestamptz' })
  windowEndsAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  blockedUntil: Date | null;
}
