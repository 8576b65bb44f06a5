import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { RateLimited } from '../../auth/auth-throttle';
import { CurrentUser } from '../../auth/current-user.decorator';
import { Roles } from '../../auth/roles.decorator';
import { WORKPLACES } from '../../jobs/job.entity';
import { User } from '../../users/user.entity';
import { CandidateInvitationsService, SentInvitationView } from './candidate-invitations.service';
import { CANDIDATE_SORTS, CandidateSearchParams, MAX_CANDIDATES_PER_PAGE } from './candidate-search-query';
import { CandidateHit, CandidateSearchService, EmployerCandidateProfile } from './candidate-search.service';
import { InviteCandidateDto } from './dto/invite-candidate.dto';

const many = { required: false, isArray: true, type: String };

/** Paged hits; each a summary without contact details. */
export interface CandidateSearchApiResult {
  total: number;
  page: number;
  perPage: number;
  pageCount: number;
  hits: CandidateHit[];
}

/** Verified employers finding candidates who opted in, over JSON. */
@ApiTags('candidates')
@ApiBearerAuth()
@Roles('employer')
@Controller('api')
export class EmployerCandidatesController {
  constructor(
    private readonly search: CandidateSearchService,
    private readonly invitations: CandidateInvitationsService,
  ) {}

  /** Candidates visible to verified employers; 403 for an organization not yet verified. */
  @Get('candidates')
  @ApiQuery({ name: 'q', required: false, description: 'Words in resumes, headlines and summaries; "phrases", -exclusions and `or` work.' })
  @ApiQuery({ name: 'credential', ...many, description: 'Credential codes (any of), held and not expired.' })
  @ApiQuery({ name: 'specialty', ...many, description: 'Specialty slugs (any of); a parent matches its subsections.' })
  @ApiQuery({ name: 'minYears', required: false, type: Number, description: 'Years in one of the specialties, or without `specialty` total years of coding.' })
  @ApiQuery({ name: 'state', ...many, description: 'Two-letter states the candidates live in.' })
  @ApiQuery({ name: 'workplace', ...many, enum: WORKPLACES })
  @ApiQuery({ name: 'sort', required: false, enum: CANDIDATE_SORTS })
  @ApiQuery({ name: 'page', required: false, type: Number })
  @ApiQuery({ name: 'perPage', required: false, type: Number, description: `At most ${MAX_CANDIDATES_PER_PAGE}.` })
  @ApiOkResponse({ description: 'Summaries (short name, headline, place, workplaces, credentials with expired ones flagged, specialties with years).' })
  async find(@CurrentUser() user: User, @Query() params: CandidateSearchParams): Promise<CandidateSearchApiResult> {
    const { total, page, perPage, pageCount, hits } = await this.search.search(user, params);
    return { total, page, perPage, pageCount, hits };
  }

  /** The organization's invitations, newest first; contact details once the candidate accepted (or applied). */
  @Get('candidate-invitations')
  sent(@CurrentUser() user: User): Promise<SentInvitationView[]> {
    return this.invitations.sentByMyOrganizations(user);
  }

  /** A visible candidate's profile; the look is shown to the candidate. Contact details only once revealed. */
  @Get('candidates/:id')
  profile(@CurrentUser() user: User, @Param('id') id: string): Promise<EmployerCandidateProfile> {
    return this.search.profile(user, id);
  }

  /** Emails the candidate about one of the organization's open jobs; rate limited. */
  @Post('candidates/:id/invitations')
  @HttpCode(201)
  @RateLimited('candidate-invitation')
  @ApiCreatedResponse({ description: 'The invitation, pending until the candidate accepts it.' })
  invite(@CurrentUser() user: User, @Param('id') id: string, @Body() dto: InviteCandidateDto): Promise<SentInvitationView> {
    return this.invitations.invite(user, id, dto);
  }
}
