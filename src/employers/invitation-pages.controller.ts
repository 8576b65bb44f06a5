import { Body, Controller, Get, Post, Query, Render, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser } from '../auth/current-user.decorator';
import { Public } from '../auth/public.decorator';
import { Env } from '../config/env';
import { User } from '../users/user.entity';
import { Flash } from '../web/flash';
import { AcceptInvitationDto } from './dto/invitation.dto';
import { InvitationPreview, TeamService } from './team.service';

interface InvitationPage {
  invitation: InvitationPreview;
  token: string;
  signInPath: string;
  registerPath: string;
}

/**
 * The page behind an emailed invitation link. Opening it changes nothing
 * (mail scanners follow links); accepting is a signed-in form post.
 */
@ApiExcludeController()
@Controller('invitations')
export class InvitationPagesController {
  private readonly flash: Flash;

  constructor(
    private readonly team: TeamService,
    env: Env,
  ) {
    this.flash = new Flash(env);
  }

  @Public()
  @Get('accept')
  @Render('invitations/accept')
  async acceptPage(@CurrentUser() user: User | undefined, @Query('token') token?: unknown): Promise<InvitationPage> {
    const value = typeof token === 'string' ? token : '';
    const invitation = await this.team.preview(value, user);
    // Signing in (and registering, once it takes `next`) comes back to this page.
    const next = encodeURIComponent(`/invitations/accept?token=${encodeURIComponent(value)}`);
    return { invitation, token: value, signInPath: `/login?next=${next}`, registerPath: `/register?next=${next}` };
  }

  @Post('accept')
  async accept(@CurrentUser() user: User, @Body() dto: AcceptInvitationDto, @Res() res: Response): Promise<void> {
    const joined = await this.team.accept(user, dto.token);
    this.flash.set(res, 'success', `Welcome to ${joined.organizationName}! You have joined its team with the ${joined.role} role.`);
    res.redirect(303, '/employer/team');
  }
}
