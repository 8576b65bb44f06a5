import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../../auth/current-user.decorator';
import { Roles } from '../../auth/roles.decorator';
import { User } from '../../users/user.entity';
import { CandidateInvitationsService, ReceivedInvitationView } from './candidate-invitations.service';

/** A candidate's invitations to apply, over JSON; anyone else's answer 404. */
@ApiTags('candidates')
@ApiBearerAuth()
@Roles('candidate')
@Controller('api/me/invitations')
export class MyInvitationsController {
  constructor(private readonly invitations: CandidateInvitationsService) {}

  @Get()
  list(@CurrentUser() user: User): Promise<ReceivedInvitationView[]> {
    return this.invitations.received(user);
  }

  /** Reveals your name and email address to the organization, and tells it. */
  @Post(':id/accept')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The invitation, accepted (again: nothing changes).' })
  accept(@CurrentUser() user: User, @Param('id') id: string): Promise<ReceivedInvitationView> {
    return this.invitations.accept(user, id);
  }

  /** The organization is not told; 409 once accepted. */
  @Post(':id/ignore')
  @HttpCode(200)
  ignore(@CurrentUser() user: User, @Param('id') id: string): Promise<ReceivedInvitationView> {
    return this.invitations.ignore(user, id);
  }
}
