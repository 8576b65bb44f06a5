import { Body, Controller, Get, HttpCode, Patch, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Env } from '../config/env';
import { User } from '../users/user.entity';
import { RateLimited } from './auth-throttle';
import { AuthService, SignedIn, toUserView, UserView } from './auth.service';
import { CurrentUser } from './current-user.decorator';
import {
  ChangePasswordDto,
  ForgotPasswordDto,
  LoginDto,
  RegisterDto,
  ResetPasswordDto,
  SessionView,
  UpdateProfileDto,
  UserView as UserViewDto,
  VerifyEmailDto,
} from './dto/auth.dto';
import { Public } from './public.decorator';
import { SessionCookies } from './session-cookies';

/** Accounts over JSON. Clients send the access token as `Authorization: Bearer`. */
@ApiTags('auth')
@Controller('api')
export class AuthController {
  private readonly cookies: SessionCookies;

  constructor(
    private readonly auth: AuthService,
    env: Env,
  ) {
    this.cookies = new SessionCookies(env);
  }

  @Public()
  @RateLimited('register')
  @Post('auth/register')
  @ApiCreatedResponse({ type: SessionView })
  async register(@Body() dto: RegisterDto): Promise<{ user: UserView; accessToken: string }> {
    return this.sessionBody(await this.auth.register(dto));
  }

  @Public()
  @RateLimited('login')
  @Post('auth/login')
  @HttpCode(200)
  @ApiOkResponse({ type: SessionView })
  async login(@Body() dto: LoginDto): Promise<{ user: UserView; accessToken: string }> {
    return this.sessionBody(await this.auth.login(dto.email, dto.password));
  }

  @Post('auth/logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse({ description: 'Every token of this user has ended.' })
  async logout(@CurrentUser() user: User, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(user);
    this.cookies.clear(res);
  }

  @Public()
  @RateLimited('forgot-password')
  @Post('auth/password/forgot')
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'Sent whether or not the account exists.' })
  async forgotPassword(@Body() dto: ForgotPasswordDto): Promise<{ message: string }> {
    await this.auth.forgotPassword(dto.email);
    return { message: 'If an account exists for that address, a reset link is on its way.' };
  }

  @Public()
  @RateLimited('reset-password')
  @Post('auth/password/reset')
  @HttpCode(204)
  async resetPassword(@Body() dto: ResetPasswordDto): Promise<void> {
    await this.auth.resetPassword(dto.token, dto.password);
  }

  @Post('auth/password/change')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOkResponse({ type: SessionView, description: 'Earlier tokens have ended; use the new one.' })
  async changePassword(@CurrentUser() user: User, @Body() dto: ChangePasswordDto): Promise<{ user: UserView; accessToken: string }> {
    return this.sessionBody(await this.auth.changePassword(user, dto.currentPassword, dto.newPassword));
  }

  @Public()
  @Post('auth/verify-email')
  @HttpCode(200)
  @ApiOkResponse({ type: UserViewDto })
  async verifyEmail(@Body() dto: VerifyEmailDto): Promise<UserView> {
    return toUserView(await this.auth.verifyEmail(dto.token));
  }

  @Post('auth/verify-email/resend')
  @HttpCode(202)
  @ApiBearerAuth()
  async resendVerification(@CurrentUser() user: User): Promise<{ message: string }> {
    await this.auth.resendVerification(user);
    return { message: 'A new verification link is on its way.' };
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserViewDto })
  me(@CurrentUser() user: User): UserView {
    return toUserView(user);
  }

  @Patch('me')
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserViewDto })
  async updateMe(@CurrentUser() user: User, @Body() dto: UpdateProfileDto): Promise<UserView> {
    return toUserView(await this.auth.updateProfile(user, dto.name));
  }

  private sessionBody({ user, session }: SignedIn): { user: UserView; accessToken: string } {
    return { user: toUserView(user), accessToken: session.accessToken };
  }
}
