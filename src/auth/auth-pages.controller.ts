import { Body, Controller, Get, Post, Query, Render, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { FormView } from '../common/form-view';
import { safeNextPath } from '../common/safe-redirect';
import { Env } from '../config/env';
import { User } from '../users/user.entity';
import { Flash } from '../web/flash';
import { RateLimited } from './auth-throttle';
import { AuthService } from './auth.service';
import { CurrentUser } from './current-user.decorator';
import { ChangePasswordDto, ForgotPasswordDto, ResetPasswordDto, UpdateProfileDto, VerifyEmailDto } from './dto/auth.dto';
import { LoginFormDto, RegisterFormDto } from './dto/auth-forms.dto';
import { Public } from './public.decorator';
import { SessionCookies } from './session-cookies';

/** A query parameter as one string, or undefined when absent or repeated. */
const single = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * Accounts on the web: the same AuthService as the API, with the session in
 * cookies. Every successful post redirects (303), so a reload never posts twice.
 */
@ApiExcludeController()
@Controller()
export class AuthPagesController {
  private readonly cookies: SessionCookies;
  private readonly flash: Flash;

  constructor(
    private readonly auth: AuthService,
    env: Env,
  ) {
    this.cookies = new SessionCookies(env);
    this.flash = new Flash(env);
  }

  @Public()
  @Get('register')
  @Render('auth/register')
  registerPage(@Query('role') role?: unknown, @Query('next') next?: unknown): { values: { role?: string; next?: string } } {
    return { values: { role: single(role), next: single(next) } };
  }

  @Public()
  @RateLimited('register')
  @Post('register')
  @FormView('auth/register')
  async register(@Body() { next, ...dto }: RegisterFormDto, @Res() res: Response): Promise<void> {
    const { user, session } = await this.auth.register(dto);
    this.cookies.set(res, session);
    this.flash.set(res, 'success', `Welcome to CareerCenter, ${user.name}! We have sent a link to ${user.email}: open it to verify your email address.`);
    res.redirect(303, next ? safeNextPath(next) : '/account');
  }

  @Public()
  @Get('login')
  @Render('auth/login')
  loginPage(@Query('next') next?: unknown): { values: { next?: string } } {
    return { values: { next: single(next) } };
  }

  @Public()
  @RateLimited('login')
  @Post('login')
  @FormView('auth/login')
  async login(@Body() dto: LoginFormDto, @Res() res: Response): Promise<void> {
    const { session } = await this.auth.login(dto.email, dto.password);
    this.cookies.set(res, session);
    res.redirect(303, safeNextPath(dto.next));
  }

  /** Public, so a visitor whose session has already ended is simply sent home. */
  @Public()
  @Post('logout')
  async logout(@CurrentUser() user: User | undefined, @Res() res: Response): Promise<void> {
    if (user) {
      await this.auth.logout(user);
      this.flash.set(res, 'info', 'You have signed out.');
    }
    this.cookies.clear(res);
    res.redirect(303, '/');
  }

  @Public()
  @Get('forgot-password')
  @Render('auth/forgot-password')
  forgotPasswordPage(): Record<string, never> {
    return {};
  }

  @Public()
  @RateLimited('forgot-password')
  @Post('forgot-password')
  @FormView('auth/forgot-password')
  async forgotPassword(@Body() dto: ForgotPasswordDto, @Res() res: Response): Promise<void> {
    await this.auth.forgotPassword(dto.email);
    this.flash.set(res, 'info', `If an account exists for ${dto.email}, we have sent it a link to choose a new password.`);
    res.redirect(303, '/forgot-password');
  }

  @Public()
  @Get('reset-password')
  @Render('auth/reset-password')
  resetPasswordPage(@Query('token') token?: unknown): { token?: string } {
    return { token: single(token) };
  }

  @Public()
  @RateLimited('reset-password')
  @Post('reset-password')
  @FormView('auth/reset-password')
  async resetPassword(@Body() dto: ResetPasswordDto, @Res() res: Response): Promise<void> {
    // FormView never echoes tokens; a refused password shows the form again, which still needs the link's token.
    res.locals.token = dto.token;
    await this.auth.resetPassword(dto.token, dto.password);
    // Every session of the account has ended, this browser's too.
    this.cookies.clear(res);
    this.flash.set(res, 'success', 'Your password has been changed. Sign in with your new password.');
    res.redirect(303, '/login');
  }

  /** Only shows a button: mail scanners follow links, and a GET must not verify anything. */
  @Public()
  @Get('verify-email')
  @Render('auth/verify-email')
  verifyEmailPage(@Query('token') token?: unknown): { token?: string } {
    return { token: single(token) };
  }

  @Public()
  @Post('verify-email')
  @FormView('auth/verify-email')
  async verifyEmail(@Body() dto: VerifyEmailDto, @CurrentUser() user: User | undefined, @Res() res: Response): Promise<void> {
    await this.auth.verifyEmail(dto.token);
    this.flash.set(res, 'success', user ? 'Your email address is verified.' : 'Your email address is verified. Sign in to continue.');
    res.redirect(303, user ? '/account' : '/login');
  }

  @Get('account')
  @Render('account/show')
  account(): Record<string, never> {
    return {};
  }

  @Post('account')
  @FormView('account/show')
  async updateProfile(@CurrentUser() user: User, @Body() dto: UpdateProfileDto, @Res() res: Response): Promise<void> {
    await this.auth.updateProfile(user, dto.name);
    this.flash.set(res, 'success', 'Your name has been saved.');
    res.redirect(303, '/account');
  }

  @Post('account/password')
  @FormView('account/show')
  async changePassword(@CurrentUser() user: User, @Body() dto: ChangePasswordDto, @Res() res: Response): Promise<void> {
    const { session } = await this.auth.changePassword(user, dto.currentPassword, dto.newPassword);
    // Earlier tokens have ended, this browser's included: it gets a new pair.
    this.cookies.set(res, session);
    this.flash.set(res, 'success', 'Your password has been changed. You have been signed out everywhere else.');
    res.redirect(303, '/account');
  }

  @Post('account/verify-email/resend')
  @FormView('account/show')
  async resendVerification(@CurrentUser() user: User, @Res() res: Response): Promise<void> {
    await this.auth.resendVerification(user);
    this.flash.set(res, 'info', `We have sent a new link to ${user.email}.`);
    res.redirect(303, '/account');
  }
}
