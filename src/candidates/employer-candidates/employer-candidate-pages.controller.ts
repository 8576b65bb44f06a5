import {
  Body,
  CallHandler,
  Controller,
  ExecutionContext,
  Get,
  Injectable,
  NestInterceptor,
  Param,
  Post,
  Query,
  Render,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Observable } from 'rxjs';
import { RateLimited } from '../../auth/auth-throttle';
import { CurrentUser } from '../../auth/current-user.decorator';
import { Roles } from '../../auth/roles.decorator';
import { FormView } from '../../common/form-view';
import { Env } from '../../config/env';
import { User } from '../../users/user.entity';
import { Flash } from '../../web/flash';
import { CandidateInvitationsService, SentInvitationView } from './candidate-invitations.service';
import { presentCandidateSearchPage } from './candidate-search-page';
import { CandidateSearchParams } from './candidate-search-query';
import { CandidateSearchService, EmployerCandidateProfile } from './candidate-search.service';
import { InviteCandidateDto } from './dto/invite-candidate.dto';

/**
 * Loads the candidate's page into `res.locals` before the pipes validate the
 * invitation form, so a refused form is shown again in its full page. The
 * page is shown again, not looked at anew: no view is recorded.
 */
@Injectable()
export class CandidatePageLocals implements NestInterceptor {
  constructor(private readonly search: CandidateSearchService) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    http.getResponse<Response>().locals.candidate = await this.search.profile(req.user as User, String(req.params.id), { record: false });
    return next.handle();
  }
}

/** The employer's candidate search on the web: the search, a candidate's page with "Invite to apply", and the invitations sent. */
@ApiExcludeController()
@Roles('employer')
@Controller('employer/candidates')
export class EmployerCandidatePagesController {
  private readonly flash: Flash;

  constructor(
    private readonly search: CandidateSearchService,
    private readonly invitations: CandidateInvitationsService,
    env: Env,
  ) {
    this.flash = new Flash(env);
  }

  /** 403 (a page that says why) for an organization not yet verified; a bad parameter is a 400 page naming what is allowed. */
  @Get()
  @Render('employer/candidates/search')
  async searchPage(@CurrentUser() user: User, @Query() params: CandidateSearchParams) {
    return presentCandidateSearchPage(await this.search.search(user, params));
  }

  /** Declared before `:id`, which would otherwise take it. */
  @Get('invitations')
  @Render('employer/candidates/invitations')
  async sent(@CurrentUser() user: User): Promise<{ invitations: SentInvitationView[] }> {
    return { invitations: await this.invitations.sentByMyOrganizations(user) };
  }

  @Get(':id')
  @Render('employer/candidates/show')
  async profile(@CurrentUser() user: User, @Param('id') id: string): Promise<{ candidate: EmployerCandidateProfile; values: object }> {
    return { candidate: await this.search.profile(user, id), values: {} };
  }

  /** Shares the API's rate limit. A refused invitation shows the page again with the reason. */
  @Post(':id/invitations')
  @RateLimited('candidate-invitation')
  @FormView('employer/candidates/show')
  @UseInterceptors(CandidatePageLocals)
  async invite(@CurrentUser() user: User, @Param('id') id: string, @Body() dto: InviteCandidateDto, @Res() res: Response): Promise<void> {
    const invitation = await this.invitations.invite(user, id, dto);
    this.flash.set(
      res,
      'success',
      `We have emailed ${invitation.candidate.displayName} your invitation to apply to “${invitation.job.title}”. You will hear from us if they accept.`,
    );
    res.redirect(303, `/employer/candidates/${id}`);
  }
}
