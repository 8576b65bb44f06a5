import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type SpecialtyGroup = 'cpt-section' | 'cpt-surgery-subsection' | 'diagnosis' | 'inpatient-procedure' | 'hcpcs' | 'setting' | 'service-line';

/**
 * A code specialty, setting or service line from data/specialties.json.
 * `ranges` are inclusive [from, to] pairs of code numbers, kept as strings
 * (leading zeros, F/T/U suffixes).
 */
@Entity('specialties')
export class Specialty {
  @PrimaryColumn({ type: 'varchar', length: 64, primaryKeyConstraintName: 'specialties_pkey' })
  slug: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'varchar', length: 32 })
  codeSystem: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  ranges: Array<[string, string]>;

  @Column({ type: 'text' })
  description: string;

  @Index('specialties_group_idx')
  @Column({ type: 'varchar', length: 32, nullable: true })
  group: SpecialtyGroup | null;

  @Index('specialties_parent_idx')
  @Column({ type: 'varchar', length: 64, nullable: true })
  parent: string | null;

  @Column({ type: 'integer' })
  position: number;
}
