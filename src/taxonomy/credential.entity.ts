import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A coding credential a posting may require (data/credentials.json). */
@Entity('credentials')
export class Credential {
  @PrimaryColumn({ type: 'varchar', length: 16, primaryKeyConstraintName: 'credentials_pkey' })
  code: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  issuer: string;

  @Column({ type: 'varchar', length: 32 })
  kind: string;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  /** Position in the source file, which groups credentials sensibly. */
  @Column({ type: 'integer' })
  position: number;
}
