import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { User } from './user.entity';

/** Trimmed and lower-cased: the one form of an address we store and compare. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class UsersService {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  async findById(id: string): Promise<User | null> {
    return UUID.test(id) ? this.users.findOneBy({ id }) : null;
  }

  findByEmail(email: string): Promise<User | null> {
    return this.users.findOneBy({ email: normalizeEmail(email) });
  }

  /** With the password hash, which is otherwise never selected. */
  findByEmailWithPassword(email: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: normalizeEmail(email) })
      .getOne();
  }

  async passwordHashOf(id: string): Promise<string | undefined> {
    const row = await this.users.createQueryBuilder('u').select('u.passwordHash', 'hash').where('u.id = :id', { id }).getRawOne<{ hash: string }>();
    return row?.hash;
  }

  /** Sets a new password and ends every earlier token of the user. */
  async setPassword(manager: EntityManager, id: string, passwordHash: string): Promise<void> {
    await manager.update(User, { id }, { passwordHash, tokenVersion: () => 'token_version + 1' });
  }

  async inSuspendedOrganization(id: string): Promise<boolean> {
    const rows: unknown[] = await this.users.query(
      `SELECT 1 FROM organization_members m JOIN organizations o ON o.id = m.organization_id WHERE m.user_id = $1 AND o.suspended_at IS NOT NULL`,
      [id],
    );
    return rows.length > 0;
  }

  async revokeTokens(id: string): Promise<void> {
    await this.users.update({ id }, { tokenVersion: () => 'token_version + 1' });
  }
}
