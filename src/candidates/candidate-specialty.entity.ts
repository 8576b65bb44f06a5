import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../users/user.entity';

/** A code specialty a candidate works in, with years of experience in it. */
@Entity('candidate_specialties')
@Check('candidate_specialties_years_check', `years >= 0 AND years <= 60`)
export class CandidateSpecialty {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'candidate_specialties_pkey' })
  userId: string;

  @Index('candidate_specialties_specialty_slug_idx')
  @PrimaryColumn({ type: 'varchar', length: 64, primaryKeyConstraintName: 'candidate_specialties_pkey' })
  specialtySlug: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'candidate_specialties_user_id_fkey' })
  user?: User;

  @Column({ type: 'smallint', default: 0 })
  years: number;
}
