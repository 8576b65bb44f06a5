import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const ORGANIZATION_SIZE_BANDS = ['1-10', '11-50', '51-200', '201-1000', '1001-5000', '5001+'] as const;
export type OrganizationSizeBand = (typeof ORGANIZATION_SIZE_BANDS)[number];

@Entity('organizations')
@Check('organizations_size_band_check', `size_band IN ('1-10', '11-50', '51-200', '201-1000', '1001-5000', '5001+')`)
export class Organization {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'organizations_pkey' })
  id: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Index('organizations_slug_key', { unique: true })
  @Column({ type: 'varchar', length: 140 })
  slug: string;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  website: string | null;

  /** Markdown as written; `aboutHtml` is its sanitized rendering. */
  @Column({ type: 'text', nullable: true })
  about: string | null;

  @Column({ type: 'text', nullable: true })
  aboutHtml: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  headquartersCity: string | null;

  @Column({ type: 'char', length: 2, nullable: true })
  headquartersState: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  sizeBand: OrganizationSizeBand | null;

  /** At most 1 MB of PNG, JPEG or WebP, checked from the bytes. */
  @Column({ type: 'bytea', nullable: true, select: false })
  logo: Buffer | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  logoContentType: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  logoUpdatedAt: Date | null;

  /** Set by an admin once the employer is known to be genuine. */
  @Column({ type: 'timestamptz', nullable: true })
  verifiedAt: Date | null;

  /** Set by an admin: every posting is hidden and no member can sign in until reinstated. */
  @Column({ type: 'timestamptz', nullable: true })
  suspendedAt: Date | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  suspensionReason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
