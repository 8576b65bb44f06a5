import { CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { User } from '../users/user.entity';

/** A coder who turned the lookup history on (see the code-lookup-history migration). */
@Entity('code_history_optins')
export class CodeHistoryOptIn {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'code_history_optins_pkey' })
  userId: string;

  @OneToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'code_history_optins_user_id_fkey' })
  user?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
