import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Organization } from '../employers/organization.entity';
import { User } from '../users/user.entity';

/** `suspended`: hidden while an admin has suspended the organization; reinstating restores `suspendedFrom`. */
export const JOB_STATUSES = ['draft', 'pending_review', 'published', 'closed', 'expired', 'suspended'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** The values Google for Jobs and the Indeed feed understand. */
export const EMPLOYMENT_TYPES = ['FULL_TIME', 'PART_TIME', 'CONTRACTOR', 'TEMPORARY', 'PER_DIEM', 'INTERN'] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

export const WORKPLACES = ['onsite', 'hybrid', 'remote'] as const;
export type Workplace = (typeof WORKPLACES)[number];

export const SALARY_PERIODS = ['HOUR', 'YEAR'] as const;
export type SalaryPeriod = (typeof SALARY_PERIODS)[number];

export const APPLY_METHODS = ['onsite', 'url', 'email'] as const;
export type ApplyMethod = (typeof APPLY_METHODS)[number];

export const CLOSE_REASONS = ['filled', 'closed'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

export const SCREENING_QUESTION_KINDS = ['yes_no', 'text', 'choice'] as const;
export type ScreeningQuestionKind = (typeof SCREENING_QUESTION_KINDS)[number];

/** A question a candidate answers when applying (at most 5 per job). */
export interface ScreeningQuestion {
  /** Stable across edits, so answers point at their question. */
  id: string;
  kind: ScreeningQuestionKind;
  text: string;
  /** For `choice`: the options offered. */
  choices?: string[];
  required: boolean;
  /** The answer ('yes', 'no', or one of `choices`) that flags an applicant; flagged, never rejected automatically. */
  knockoutAnswer?: string;
}

export interface JobLocation {
  city: string;
  /** Two-letter US state. */
  state: string;
  postalCode?: string;
}

const money = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

@Entity('jobs')
@Check('jobs_status_check', `status IN ('draft', 'pending_review', 'published', 'closed', 'expired', 'suspended')`)
@Check('jobs_suspended_from_check', `(status = 'suspended') = (suspended_from IS NOT NULL)`)
@Check('jobs_employment_type_check', `employment_type IN ('FULL_TIME', 'PART_TIME', 'CONTRACTOR', 'TEMPORARY', 'PER_DIEM', 'INTERN')`)
@Check('jobs_workplace_check', `workplace IN ('onsite', 'hybrid', 'remote')`)
@Check('jobs_salary_period_check', `salary_period IS NULL OR salary_period IN ('HOUR', 'YEAR')`)
@Check('jobs_salary_range_check', `salary_min IS NULL OR salary_max IS NULL OR salary_min <= salary_max`)
@Check('jobs_apply_method_check', `apply_method IN ('onsite', 'url', 'email')`)
@Check('jobs_close_reason_check', `close_reason IS NULL OR close_reason IN ('filled', 'closed')`)
@Index('jobs_organization_id_status_idx', ['organizationId', 'status'])
@Index('jobs_status_published_at_idx', ['status', 'publishedAt'])
@Index('jobs_status_valid_through_idx', ['status', 'validThrough'])
export class Job {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'jobs_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'jobs_organization_id_fkey' })
  organization?: Organization;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'jobs_created_by_fkey' })
  creator?: User;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: JobStatus;

  /** While suspended: the status the posting returns to when its organization is reinstated. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  suspendedFrom: 'published' | 'pending_review' | null;

  /** Why an admin sent the posting back to draft; cleared when it is submitted again. */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  reviewNote: string | null;

  @Column({ type: 'varchar', length: 120 })
  title: string;

  /** Markdown as written; `descriptionHtml` is its sanitized rendering. */
  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'text' })
  descriptionHtml: string;

  @Column({ type: 'varchar', length: 16 })
  employmentType: EmploymentType;

  @Column({ type: 'varchar', length: 8 })
  workplace: Workplace;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  locations: JobLocation[];

  /** The states of `locations`, kept beside them for filtering. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  locationStates: string[];

  /** For remote jobs, the states the employer can hire in; empty means any US state. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  remoteStates: string[];

  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true, transformer: money })
  salaryMin: number | null;

  @Column({ type: 'numeric', precision: 12, scale: 2, nullable: true, transformer: money })
  salaryMax: number | null;

  @Column({ type: 'char', length: 3, default: 'USD' })
  salaryCurrency: string;

  @Column({ type: 'varchar', length: 4, nullable: true })
  salaryPeriod: SalaryPeriod | null;

  /** Any one of these credentials qualifies ("CPC or CCS"). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  credentialCodes: string[];

  @Column({ type: 'boolean', default: false })
  apprenticeFriendly: boolean;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  specialtySlugs: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  settingSlugs: string[];

  @Column({ type: 'smallint', nullable: true })
  minYearsExperience: number | null;

  /** Encoders and EHRs used (3M, Optum, Epic…). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tools: string[];

  @Column({ type: 'varchar', length: 500, nullable: true })
  productivity: string | null;

  @Column({ type: 'varchar', length: 8, default: 'onsite' })
  applyMethod: ApplyMethod;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  screeningQuestions: ScreeningQuestion[];

  @Column({ type: 'varchar', length: 2000, nullable: true })
  applyUrl: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  applyEmail: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  validThrough: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'varchar', length: 8, nullable: true })
  closeReason: CloseReason | null;

  /** When the "expires in three days" email was queued for the current validThrough. */
  @Column({ type: 'timestamptz', nullable: true })
  expiryWarnedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
