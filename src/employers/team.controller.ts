import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { User } from '../users/user.entity';
import { CreateInvitationDto } from './dto/invitation.dto';
import { InvitationView, MemberView, TeamService } from './team.service';

/** An organization's team. Members may look; only an owner invites and removes. */
@ApiTags('organizations')
@ApiBearerAuth()
@Roles('employer')
@Controller('api/organizations/:id')
export class TeamController {
  constructor(private readonly team: TeamService) {}

  @Get('members')
  members(@CurrentUser() user: User, @Param('id') id: string): Promise<MemberView[]> {
    return this.team.members(user, id);
  }

  /** Owner only; the last owner cannot be removed (409). */
  @Delete('members/:userId')
  @HttpCode(204)
  @ApiNoContentResponse()
  removeMember(@CurrentUser() user: User, @Param('id') id: string, @Param('userId') userId: string): Promise<void> {
    return this.team.removeMember(user, id, userId);
  }

  /** Invitations not yet accepted or withdrawn (expired ones are listed as such). */
  @Get('invitations')
  invitations(@CurrentUser() user: User, @Param('id') id: string): Promise<InvitationView[]> {
    return this.team.invitations(user, id);
  }

  /** Owner only: emails a link that works once, for 7 days. */
  @Post('invitations')
  invite(@CurrentUser() user: User, @Param('id') id: string, @Body() dto: CreateInvitationDto): Promise<InvitationView> {
    return this.team.invite(user, id, dto);
  }

  /** Owner only. */
  @Delete('invitations/:invitationId')
  @HttpCode(204)
  @ApiNoContentResponse()
  revoke(@CurrentUser() user: User, @Param('id') id: string, @Param('invitationId') invitationId: string): Promise<void> {
    return this.team.revoke(user, id, invitationId);
  }
}
