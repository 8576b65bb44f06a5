import { Controller, Get, Param, Post, Render, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser } from '../../auth/current-user.decorator';
import { Roles } from '../../auth/roles.decorator';
import { Env } from '../../config/env';
import { User } from '../../users/user.entity';
import { Flash } from '../../web/flash';
import { CandidateInvitationsService, MY_INVITATIONS_PATH, ReceivedInvitationView } from './candidate-invitations.service';

/** /me/invitations: a candidate's invitations to apply, each with Accept and Ignore. */
@ApiExcludeController()
@Roles('candidate')
@Controller('me/invitations')
export class MyInvitationPagesController {
  private readonly flash: Flash;

  constructor(
    private readonly invitations: CandidateInvitationsService,
    env: Env,
  ) {
    this.flash = new Flash(env);
  }

  @Get()
  @Render('me/invitations')
  async list(@CurrentUser() user: User): Promise<{ invitations: ReceivedInvitationView[] }> {
    return { invitations: await this.invitations.received(user) };
  }

  @Post(':id/accept')
  async accept(@CurrentUser() user: User, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const invitation = await this.invitations.accept(user, id);
    const next = invitation.job.open && !invitation.applied ? ' Apply to the job when you are ready.' : '';
    this.flash.set(res, 'success', `${invitation.organization.name} can now see your name and email address.${next}`);
    res.redirect(303, MY_INVITATIONS_PATH);
  }

  @Post(':id/ignore')
  async ignore(@CurrentUser() user: User, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const invitation = await this.invitations.ignore(user, id);
    this.flash.set(res, 'info', `Invitation ignored. ${invitation.organization.name} is not told, and still does not have your contact details.`);
    res.redirect(303, MY_INVITATIONS_PATH);
  }
}
