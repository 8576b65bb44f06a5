import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { JobSearchParams } from '../search/job-search-query';
import { User } from '../users/user.entity';

export const ALERT_FREQUENCIES = ['instant', 'daily', 'weekly'] as const;
export type AlertFrequency = (typeof ALERT_FREQUENCIES)[number];

/** In a match-key column: the alert has no such filter, so any job value matches. */
export const ANY_KEY = '*';

/**
 * A saved search that emails new matching jobs. A member's alert goes to the
 * member's address; a guest's to `guestEmail` once confirmed (double opt-in).
 * `params` is the search as URL parameters (no sort or page): the alert runs
 * exactly the search query object the search page builds from them. The key
 * columns and `tsquery` are derived from that object when the alert is saved,
 * for matching a new job against every alert at once (percolation).
 */
@Entity('alerts')
@Check('alerts_frequency_check', `frequency IN ('instant', 'daily', 'weekly')`)
@Check('alerts_owner_check', `(user_id IS NULL) <> (guest_email IS NULL)`)
@Index('alerts_instant_match_keys_idx', { synchronize: false })
@Index('alerts_instant_tsquery_idx', { synchronize: false })
export class Alert {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'alerts_pkey' })
  id: string;

  @Index('alerts_user_id_idx')
  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'alerts_user_id_fkey' })
  user?: User;

  /** A guest's address, lower-cased; null for a member's alert. */
  @Index('alerts_guest_email_idx')
  @Column({ type: 'varchar', length: 254, nullable: true })
  guestEmail: string | null;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'jsonb' })
  params: JobSearchParams;

  @Column({ type: 'varchar', length: 8 })
  frequency: AlertFrequency;

  /** IANA zone the daily and weekly digests are timed in. */
  @Column({ type: 'varchar', length: 64, default: 'America/New_York' })
  timeZone: string;

  // Match keys: the filter's values, or [ANY_KEY] without that filter.
  @Column({ type: 'text', array: true })
  credentialKeys: string[];

  @Column({ type: 'text', array: true })
  specialtyKeys: string[];

  @Column({ type: 'text', array: true })
  settingKeys: string[];

  @Column({ type: 'text', array: true })
  workplaceKeys: string[];

  @Column({ type: 'text', array: true })
  stateKeys: string[];

  @Column({ type: 'text', array: true })
  employmentTypeKeys: string[];

  /** Organization ids as text. */
  @Column({ type: 'text', array: true })
  organizationKeys: string[];

  /** Yearly, as the search compares it. */
  @Column({ type: 'integer', nullable: true })
  salaryMin: number | null;

  @Column({ type: 'boolean', default: false })
  apprentice: boolean;

  @Column({ type: 'smallint', nullable: true })
  postedWithin: number | null;

  /** The text part as the Postgres engine composes it (synonyms, typo corrections, prefix); null without text. */
  @Column({ type: 'text', nullable: true })
  tsquery: string | null;

  /**
   * Credential × state × workplace × specialty × text combinations, kept by a trigger from the
   * columns above (migration alert-match-keys): what a new job is looked
   * up by.
   */
  @Column({ type: 'text', array: true, select: false, insert: false, update: false })
  matchKeys?: string[];

  /** A member's alert is confirmed when made; a guest's once the emailed link is followed. */
  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  pausedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  unsubscribedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
