import { Body, Controller, Get, Param, Post, Render, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { FormView } from '../common/form-view';
import { Env } from '../config/env';
import { User } from '../users/user.entity';
import { Flash } from '../web/flash';
import { CreateInvitationDto } from './dto/invitation.dto';
import { UpdateOrganizationDto } from './dto/organization-profile.dto';
import { ProfileEditorLocals, TeamPageLocals } from './employer-page-locals';
import { logoFilePipe, UploadedLogo } from './logo-upload';
import { OrganizationsService, ProfileEditor } from './organizations.service';
import { TeamPage, TeamService } from './team.service';

/** The organization the page was loaded for; '' (answered 404 by the services) when the user has none. */
const organizationIdOf = (res: Response): string => (res.locals as Partial<ProfileEditor | TeamPage>).organization?.id ?? '';

/**
 * The employer's organization profile and team on the web. Successful posts
 * redirect (303); a refused one shows its page again with the messages.
 */
@ApiExcludeController()
@Roles('employer')
@Controller('employer')
export class EmployerPagesController {
  private readonly flash: Flash;

  constructor(
    private readonly organizations: OrganizationsService,
    private readonly team: TeamService,
    env: Env,
  ) {
    this.flash = new Flash(env);
  }

  @Get('organization')
  @Render('employer/organization')
  async organizationPage(@CurrentUser() user: User): Promise<ProfileEditor & { values: object }> {
    const editor = await this.organizations.profileEditor(user);
    return { ...editor, values: editor.organization ?? {} };
  }

  @Post('organization')
  @FormView('employer/organization')
  @UseInterceptors(ProfileEditorLocals)
  async updateOrganization(@CurrentUser() user: User, @Body() dto: UpdateOrganizationDto, @Res() res: Response): Promise<void> {
    await this.organizations.update(user, organizationIdOf(res), dto);
    this.flash.set(res, 'success', 'Your company profile has been saved.');
    res.redirect(303, '/employer/organization');
  }

  /** The multipart body was parsed by LogoUploadMiddleware, before the CSRF guard read its token. */
  @Post('organization/logo')
  @FormView('employer/organization')
  @UseInterceptors(ProfileEditorLocals)
  async uploadLogo(@CurrentUser() user: User, @UploadedFile(logoFilePipe) file: UploadedLogo | undefined, @Res() res: Response): Promise<void> {
    await this.organizations.setLogo(user, organizationIdOf(res), file);
    this.flash.set(res, 'success', 'Your logo has been saved.');
    res.redirect(303, '/employer/organization');
  }

  @Post('organization/logo/delete')
  @FormView('employer/organization')
  @UseInterceptors(ProfileEditorLocals)
  async removeLogo(@CurrentUser() user: User, @Res() res: Response): Promise<void> {
    await this.organizations.removeLogo(user, organizationIdOf(res));
    this.flash.set(res, 'success', 'Your logo has been removed.');
    res.redirect(303, '/employer/organization');
  }

  @Get('team')
  @Render('employer/team')
  teamPage(@CurrentUser() user: User): Promise<TeamPage> {
    return this.team.teamPage(user);
  }

  @Post('team/invitations')
  @FormView('employer/team')
  @UseInterceptors(TeamPageLocals)
  async invite(@CurrentUser() user: User, @Body() dto: CreateInvitationDto, @Res() res: Response): Promise<void> {
    const invitation = await this.team.invite(user, organizationIdOf(res), dto);
    this.flash.set(res, 'success', `We have emailed an invitation to ${invitation.email}. It works for 7 days.`);
    res.redirect(303, '/employer/team');
  }

  @Post('team/invitations/:invitationId/revoke')
  @FormView('employer/team')
  @UseInterceptors(TeamPageLocals)
  async revoke(@CurrentUser() user: User, @Param('invitationId') invitationId: string, @Res() res: Response): Promise<void> {
    await this.team.revoke(user, organizationIdOf(res), invitationId);
    this.flash.set(res, 'info', 'The invitation has been withdrawn; its link no longer works.');
    res.redirect(303, '/employer/team');
  }

  @Post('team/members/:userId/remove')
  @FormView('employer/team')
  @UseInterceptors(TeamPageLocals)
  async removeMember(@CurrentUser() user: User, @Param('userId') userId: string, @Res() res: Response): Promise<void> {
    await this.team.removeMember(user, organizationIdOf(res), userId);
    const member = (res.locals as TeamPage).members.find((m) => m.userId === userId);
    this.flash.set(res, 'info', `${member?.name ?? 'The member'} has been removed from the team.`);
    res.redirect(303, '/employer/team');
  }
}
