import { Body, Controller, Get, Headers, HttpCode, Param, Post, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { ResumeUploadInterceptor, UploadedResume, UploadedResumeFile } from '../candidates/resume-upload';
import { User } from '../users/user.entity';
import { CandidateApplicationView } from './application-view';
import { ApplicationsService } from './applications.service';
import { CreateApplicationDto } from './dto/create-application.dto';
import { idempotentRequest } from './idempotency.service';

/** Applying over JSON (or multipart with a resume file), withdrawing, and the candidate's list. */
@ApiTags('applications')
@ApiBearerAuth()
@Controller('api')
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  /**
   * 201 with the application. Coders with a verified email only (403
   * otherwise); a job not open for applications → 404 or 409; a second
   * application to the same job → 409. With an `Idempotency-Key`, the same
   * key and body get the first answer again (`Idempotent-Replayed: true`),
   * the same key with another body 422.
   */
  @Post('jobs/:id/applications')
  @UseInterceptors(ResumeUploadInterceptor)
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiBody({ type: CreateApplicationDto, description: 'JSON, or multipart with a `resume` file and `answers` as a JSON string' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Up to 255 characters, such as a UUID; answers are replayed for 24 hours' })
  @ApiCreatedResponse({ description: 'The application, with status "new" and its timeline.' })
  async apply(
    @CurrentUser() user: User,
    @Param('id') id: string,
    @Body() dto: CreateApplicationDto,
    @UploadedResume() file: UploadedResumeFile | undefined,
    @Headers('idempotency-key') key: string | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CandidateApplicationView> {
    const idempotent = idempotentRequest(key, { method: req.method, path: req.path, body: req.body, file });
    const answer = await this.applications.apply(user, id, { ...dto, file }, idempotent);
    res.status(answer.status);
    if (answer.replayed) res.setHeader('Idempotent-Replayed', 'true');
    return answer.body;
  }

  /** An open application becomes withdrawn; one already decided or withdrawn → 409; anyone else's → 404. */
  @Roles('candidate')
  @Post('applications/:id/withdraw')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The application, now withdrawn.' })
  withdraw(@CurrentUser() user: User, @Param('id') id: string): Promise<CandidateApplicationView> {
    return this.applications.withdraw(user, id);
  }

  /** The candidate's applications, newest first, each with its job, company, status and timeline. */
  @Roles('candidate')
  @Get('me/applications')
  @ApiOkResponse({ description: 'Every application of the signed-in coder.' })
  listMine(@CurrentUser() user: User): Promise<CandidateApplicationView[]> {
    return this.applications.listMine(user);
  }
}
