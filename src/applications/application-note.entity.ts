import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../users/user.entity';
import { Application } from './application.entity';

/** A private note on an application, for the organization's team only. */
@Entity('application_notes')
@Index('application_notes_application_id_created_at_idx', ['applicationId', 'createdAt'])
export class ApplicationNote {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'application_notes_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  applicationId: string;

  @ManyToOne(() => Application, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'application_id', foreignKeyConstraintName: 'application_notes_application_id_fkey' })
  application?: Application;

  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'application_notes_author_id_fkey' })
  author?: User;

  @Column({ type: 'varchar', length: 5000 })
  body: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
