import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser } from '../../auth/current-user.decorator';
import { Roles } from '../../auth/roles.decorator';
import { sendResumeFile } from '../../candidates/resume-file';
import { User } from '../../users/user.entity';
import { APPLICATION_STATUSES } from '../application.entity';
import { ApplicationEmailsService, ApplicationEmailsView } from './application-emails.service';
import { ApplicationNotesService, NoteView } from './application-notes.service';
import { APPLICANT_SORTS, ApplicantsParams, MAX_APPLICANTS_PER_PAGE } from './applicants-query';
import { ApplicationEmailsDto, BulkRejectDto, CreateNoteDto, MoveApplicationDto } from './dto/pipeline.dto';
import { ApplicantList, ApplicationDetail, BulkRejectResult, PipelineService } from './pipeline.service';

/** The employer's applicant pipeline over JSON: only the organization's members, only its own jobs' applications. */
@ApiTags('applications')
@ApiBearerAuth()
@Roles('employer')
@Controller('api')
export class PipelineController {
  constructor(
    private readonly pipeline: PipelineService,
    private readonly notes: ApplicationNotesService,
    private readonly applicationEmails: ApplicationEmailsService,
  ) {}

  @Get('jobs/:id/applications')
  @ApiQuery({ name: 'status', required: false, enum: APPLICATION_STATUSES })
  @ApiQuery({ name: 'credential', required: false, description: 'A credential code the applicant holds, unexpired, e.g. CPC.' })
  @ApiQuery({ name: 'q', required: false, description: 'Words in the name, email, headline or cover letter.' })
  @ApiQuery({ name: 'sort', required: false, enum: APPLICANT_SORTS })
  @ApiQuery({ name: 'page', required: false, type: Number })
  @ApiQuery({ name: 'perPage', required: false, type: Number, description: `At most ${MAX_APPLICANTS_PER_PAGE}.` })
  @ApiOkResponse({ description: 'The job, the applications matching the filters, their total, and counts by stage.' })
  applicants(@CurrentUser() user: User, @Param('id') id: string, @Query() params: ApplicantsParams): Promise<ApplicantList> {
    return this.pipeline.applicants(user, id, params);
  }

  /** All or nothing: 404 if one is not this job's, 409 if one is already closed. */
  @Post('jobs/:id/applications/reject')
  @HttpCode(200)
  bulkReject(@CurrentUser() user: User, @Param('id') id: string, @Body() dto: BulkRejectDto): Promise<BulkRejectResult> {
    return this.pipeline.bulkReject(user, id, dto);
  }

  @Get('applications/:id')
  application(@CurrentUser() user: User, @Param('id') id: string): Promise<ApplicationDetail> {
    return this.pipeline.application(user, id);
  }

  /** 409 when the pipeline does not allow the move (hired from new, anything after withdrawn). */
  @Patch('applications/:id')
  move(@CurrentUser() user: User, @Param('id') id: string, @Body() dto: MoveApplicationDto): Promise<ApplicationDetail> {
    return this.pipeline.move(user, id, dto);
  }

  /** The attached resume; each download is recorded for the candidate to see. */
  @Get('applications/:id/resume')
  async resume(@CurrentUser() user: User, @Param('id') id: string, @Res() res: Response): Promise<void> {
    sendResumeFile(res, await this.pipeline.resume(user, id));
  }

  @Get('applications/:id/notes')
  listNotes(@CurrentUser() user: User, @Param('id') id: string): Promise<NoteView[]> {
    return this.notes.list(user, id);
  }

  @Post('applications/:id/notes')
  addNote(@CurrentUser() user: User, @Param('id') id: string, @Body() dto: CreateNoteDto): Promise<NoteView> {
    return this.notes.add(user, id, dto.body);
  }

  /** The signed-in member's own choice: instant, daily or off. */
  @Get('organizations/:id/application-emails')
  getApplicationEmails(@CurrentUser() user: User, @Param('id') id: string): Promise<ApplicationEmailsView> {
    return this.applicationEmails.get(user, id);
  }

  @Put('organizations/:id/application-emails')
  setApplicationEmails(@CurrentUser() user: User, @Param('id') id: string, @Body() dto: ApplicationEmailsDto): Promise<ApplicationEmailsView> {
    return this.applicationEmails.set(user, id, dto.applicationEmails);
  }
}
