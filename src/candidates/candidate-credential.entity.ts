import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../users/user.entity';

/** A credential a candidate holds. The code is not a foreign key: a credential retired from the taxonomy stays on the profiles that list it. */
@Entity('candidate_credentials')
@Index('candidate_credentials_user_id_credential_code_key', ['userId', 'credentialCode'], { unique: true })
export class CandidateCredential {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'candidate_credentials_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'candidate_credentials_user_id_fkey' })
  user?: User;

  @Index('candidate_credentials_credential_code_idx')
  @Column({ type: 'varchar', length: 16 })
  credentialCode: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  certificateNumber: string | null;

  @Column({ type: 'date', nullable: true })
  earnedOn: string | null;

  /** An expired credential stays listed and is shown as expired. */
  @Column({ type: 'date', nullable: true })
  expiresOn: string | null;
}
