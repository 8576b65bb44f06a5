import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

// OWASP's argon2id baseline: 19 MiB, two passes, one lane.
const HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

function loadCommonPasswords(): Set<string> {
  const file = join(__dirname, '..', '..', '..', 'data', 'common-passwords.txt');
  return new Set(
    readFileSync(file, 'utf8')
      .split('\n')
      .map((l) => l.trim().toLowerCase())
      .filter((l) => l && !l.startsWith('#')),
  );
}

/**
 * Hashing and the password policy (NIST SP 800-63B: length, no composition
 * rules, and a check against passwords known to be common).
 */
@Injectable()
export class PasswordService {
  private readonly common = loadCommonPasswords();
  /** Verified against when the account does not exist, so both paths cost the same. */
  private readonly decoy = argon2.hash('decoy password for timing', HASH_OPTIONS);

  /** Messages for what is wrong with a new password; empty when it is acceptable. */
  problems(password: string, context: { email?: string; name?: string } = {}): string[] {
    const length = [...password].length;
    if (length < PASSWORD_MIN_LENGTH) return [`Use at least ${PASSWORD_MIN_LENGTH} characters.`];
    if (length > PASSWORD_MAX_LENGTH) return [`Use at most ${PASSWORD_MAX_LENGTH} characters.`];
    const lower = password.toLowerCase();
    if (this.common.has(lower)) return ['This password is too common; choose one that is harder to guess.'];
    if (context.email && lower === context.email.toLowerCase()) return ['Your password must not be your email address.'];
    return [];
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, HASH_OPTIONS);
  }

  async verify(hash: string | undefined, password: string): Promise<boolean> {
    if (!hash) {
      await argon2.verify(await this.decoy, password).catch(() => false);
      return false;
    }
    return argon2.verify(hash, password).catch(() => false);
  }
}
