import { Check, Column, CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { SalaryPeriod, Workplace } from '../jobs/job.entity';
import { User } from '../users/user.entity';

export const PROFILE_VISIBILITIES = ['private', 'employers'] as const;
/** private: nobody but the candidate; employers: verified employers may find it (without contact details). */
export type ProfileVisibility = (typeof PROFILE_VISIBILITIES)[number];

const money = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** A coder's profile: one per candidate account, created on first save. */
@Entity('candidate_profiles')
@Check('candidate_profiles_visibility_check', `visibility IN ('private', 'employers')`)
@Check('candidate_profiles_desired_pay_period_check', `desired_pay_period IS NULL OR desired_pay_period IN ('HOUR', 'YEAR')`)
export class CandidateProfile {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'candidate_profiles_pkey' })
  userId: string;

  @OneToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'candidate_profiles_user_id_fkey' })
  user?: User;

  @Column({ type: 'varchar', length: 120, nullable: true })
  headline: string | null;

  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  city: string | null;

  @Column({ type: 'char', length: 2, nullable: true })
  state: string | null;

  @Column({ type: 'boolean', default: false })
  openToRelocation: boolean;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  workplacePreferences: Workplace[];

  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true, transformer: money })
  desiredPayMin: number | null;

  @Column({ type: 'varchar', length: 4, nullable: true })
  desiredPayPeriod: SalaryPeriod | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  settingSlugs: string[];

  /** Encoders and EHRs (3M, Optum, Epic…). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tools: string[];

  @Column({ type: 'smallint', nullable: true })
  yearsExperience: number | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  linkedinUrl: string | null;

  @Column({ type: 'varchar', length: 16, default: 'private' })
  visibility: ProfileVisibility;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
