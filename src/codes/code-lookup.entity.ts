import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../users/user.entity';

/** A code an opted-in coder looked up: once per code, with the latest look. */
@Entity('code_lookups')
@Index('code_lookups_user_id_looked_up_at_idx', ['userId', 'lookedUpAt'])
export class CodeLookup {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'code_lookups_pkey' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'code_lookups_user_id_fkey' })
  user?: User;

  @PrimaryColumn({ type: 'varchar', length: 16, primaryKeyConstraintName: 'code_lookups_pkey' })
  system: string;

  @PrimaryColumn({ type: 'varchar', length: 8, primaryKeyConstraintName: 'code_lookups_pkey' })
  code: string;

  /** The narrowest specialty the code belongs to (a CPT subsection, else its section or code set). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  specialtySlug: string | null;

  @Column({ type: 'timestamptz' })
  lookedUpAt: Date;
}
