import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { adoptGuestAlerts } from '../alerts/alert-adoption';
import { AuditLog } from '../audit/audit-log.service';
import { DomainError } from '../common/domain-error';
import { Env } from '../config/env';
import { OrganizationsService } from '../employers/organizations.service';
import { MailService } from '../mail/mail.service';
import { User } from '../users/user.entity';
import { normalizeEmail, UsersService } from '../users/users.service';
import { PasswordService } from './passwords/password.service';
import { SessionTokens } from './session-cookies';
import { TokensService } from './tokens.service';

export interface RegisterInput {
  email: string;
  password: string;
  name: string;
  role: 'candidate' | 'employer';
  organizationName?: string;
}

export interface SignedIn {
  user: User;
  session: SessionTokens;
}

export interface UserView {
  id: string;
  email: string;
  name: string;
  role: string;
  emailVerified: boolean;
}

export function toUserView(user: User): UserView {
  return { id: user.id, email: user.email, name: user.name, role: user.role, emailVerified: user.emailVerified };
}

const INVALID_LINK = 'This link is invalid, was already used or has expired. Ask for a new one.';

/** Accounts and sign-in, shared by the job board and the code reference. */
@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly passwords: PasswordService,
    private readonly tokens: TokensService,
    private readonly organizations: OrganizationsService,
    private readonly mail: MailService,
    private readonly env: Env,
    private readonly auditLog: AuditLog,
  ) {}

  async register(input: RegisterInput): Promise<SignedIn> {
    const email = normalizeEmail(input.email);
    this.checkNewPassword(input.password, 'password', { email, name: input.name });
    if (await this.users.findByEmail(email)) throw this.emailTaken();
    const passwordHash = await this.passwords.hash(input.password);
    const user = await this.addressKept(() =>
      this.dataSource.transaction(async (manager) => {
        const created = await manager.save(manager.create(User, { email, passwordHash, name: input.name.trim(), role: input.role }));
        if (input.role === 'employer') await this.organizations.createWithOwner(manager, input.organizationName!, created.id);
        await this.sendVerification(manager, created);
        return created;
      }),
    );
    return { user, session: await this.tokens.issueSession(user) };
  }

  /**
   * An administrator's account, made by the operator (`npm run admin:create`):
   * its address counts as verified, since whoever runs the command runs the site.
   * The same password rules as every account.
   */
  async createAdmin(input: { email: string; password: string; name: string }): Promise<User> {
    const email = normalizeEmail(input.email);
    this.checkNewPassword(input.password, 'password', { email, name: input.name });
    if (await this.users.findByEmail(email)) throw this.emailTaken();
    const passwordHash = await this.passwords.hash(input.password);
    return this.addressKept(() =>
      this.dataSource.manager.save(this.dataSource.manager.create(User, { email, passwordHash, name: input.name.trim(), role: 'admin', emailVerified: true })),
    );
  }

  /** Two accounts made with one address at the same moment: the unique index decides, and the other is told the address is taken. */
  private async addressKept<T>(create: () => Promise<T>): Promise<T> {
    try {
      return await create();
    } catch (e) {
      if (e instanceof QueryFailedError && (e.driverError as { code?: string }).code === '23505') throw this.emailTaken();
      throw e;
    }
  }

  /** Wrong email and wrong password look alike and cost about the same (see PasswordService.verify). */
  async login(email: string, password: string): Promise<SignedIn> {
    const user = await this.users.findByEmailWithPassword(email);
    const valid = await this.passwords.verify(user?.passwordHash, password);
    if (!user || !valid) throw new DomainError('unauthenticated', 'The email or password is incorrect.');
    if (user.disabledAt) throw new DomainError('forbidden', 'This account has been disabled. Contact support if you think this is a mistake.');
    if (await this.users.inSuspendedOrganization(user.id)) {
      throw new DomainError('forbidden', 'Your organization’s account is suspended, so its members cannot sign in. Contact support to have it reviewed.');
    }
    return { user, session: await this.tokens.issueSession(user) };
  }

  /** Ends every token of the user, on every device. */
  logout(user: User): Promise<void> {
    return this.users.revokeTokens(user.id);
  }

  /** Always succeeds, so the answer does not tell whether an account exists. */
  async forgotPassword(email: string): Promise<void> {
    const user = await this.users.findByEmail(email);
    if (!user || user.disabledAt) return;
    await this.dataSource.transaction(async (manager) => {
      const token = await this.tokens.createOneTime(manager, user.id, 'reset_password');
      await this.mail.send('reset-password', user.email, { name: user.name, link: this.link('/reset-password', token) }, { manager });
    });
  }

  async resetPassword(token: string, password: string): Promise<User> {
    this.checkNewPassword(password, 'password');
    const passwordHash = await this.passwords.hash(password);
    return this.dataSource.transaction(async (manager) => {
      const userId = await this.tokens.consumeOneTime(manager, token, 'reset_password');
      if (!userId) throw DomainError.invalid({ token: [INVALID_LINK] }, INVALID_LINK);
      await this.users.setPassword(manager, userId, passwordHash);
      // The reset link reached this inbox, which proves the address.
      await manager.update(User, { id: userId }, { emailVerified: true });
      const user = await manager.findOneByOrFail(User, { id: userId });
      await adoptGuestAlerts(manager, user);
      await this.sendPasswordChanged(manager, user);
      return user;
    });
  }

  /** Ends every earlier session, then signs this one in again. */
  async changePassword(user: User, currentPassword: string, newPassword: string): Promise<SignedIn> {
    const valid = await this.passwords.verify(await this.users.passwordHashOf(user.id), currentPassword);
    if (!valid) throw DomainError.invalid({ currentPassword: ['Your current password is not correct.'] });
    this.checkNewPassword(newPassword, 'newPassword', user);
    const passwordHash = await this.passwords.hash(newPassword);
    const updated = await this.dataSource.transaction(async (manager) => {
      await this.users.setPassword(manager, user.id, passwordHash);
      const fresh = await manager.findOneByOrFail(User, { id: user.id });
      await this.sendPasswordChanged(manager, fresh);
      return fresh;
    });
    return { user: updated, session: await this.tokens.issueSession(updated) };
  }

  async verifyEmail(token: string): Promise<User> {
    return this.dataSource.transaction(async (manager) => {
      const userId = await this.tokens.consumeOneTime(manager, token, 'verify_email');
      if (!userId) throw DomainError.invalid({ token: [INVALID_LINK] }, INVALID_LINK);
      await manager.update(User, { id: userId }, { emailVerified: true });
      const user = await manager.findOneByOrFail(User, { id: userId });
      // The proven address's guest alerts become the coder's (issue 6).
      await adoptGuestAlerts(manager, user);
      return user;
    });
  }

  /** Asked by the user, or by an admin (`by`) for them: an admin's request is audited. */
  async resendVerification(user: User, by?: User): Promise<void> {
    if (user.emailVerified) throw new DomainError('conflict', by ? 'This email address is already verified.' : 'Your email address is already verified.');
    await this.dataSource.transaction(async (manager) => {
      await this.sendVerification(manager, user);
      if (by) await this.auditLog.record(manager, { actor: by, action: 'user.verification_resent', subject: { type: 'user', id: user.id } });
    });
  }

  async updateProfile(user: User, name: string): Promise<User> {
    await this.dataSource.getRepository(User).update({ id: user.id }, { name: name.trim() });
    return { ...user, name: name.trim() };
  }

  private checkNewPassword(password: string, field: string, context: { email?: string; name?: string } = {}): void {
    const problems = this.passwords.problems(password, context);
    if (problems.length) throw DomainError.invalid({ [field]: problems });
  }

  private emailTaken(): DomainError {
    return new DomainError('conflict', 'An account with this email address already exists. Sign in, or reset your password.', {
      email: ['An account with this email address already exists.'],
    });
  }

  private async sendVerification(manager: EntityManager, user: User): Promise<void> {
    const token = await this.tokens.createOneTime(manager, user.id, 'verify_email');
    await this.mail.send('verify-email', user.email, { name: user.name, link: this.link('/verify-email', token) }, { manager });
  }

  private sendPasswordChanged(manager: EntityManager, user: User): Promise<string> {
    return this.mail.send('password-changed', user.email, { name: user.name, resetLink: `${this.env.appUrl}/forgot-password` }, { manager });
  }

  private link(path: string, token: string): string {
    return `${this.env.appUrl}${path}?token=${encodeURIComponent(token)}`;
  }
}
