import { Controller, Delete, Get, HttpCode, Param, Post, Res, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { User } from '../users/user.entity';
import { sendResumeFile } from './resume-file';
import { RESUME_FIELD, ResumeUploadInterceptor, UploadedResume, UploadedResumeFile } from './resume-upload';
import { ResumesService, resumeView, ResumeView } from './resumes.service';

/** The signed-in candidate's resumes. Another user's resume answers 404. */
@ApiTags('candidates')
@ApiBearerAuth()
@Roles('candidate')
@Controller('api/me/resumes')
export class ResumesController {
  constructor(private readonly resumes: ResumesService) {}

  /** A PDF or DOCX of at most 5 MB in the multipart field `resume`; 413 larger, 415 for any other type, 409 past five resumes. */
  @Post()
  @UseInterceptors(ResumeUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: [RESUME_FIELD], properties: { [RESUME_FIELD]: { type: 'string', format: 'binary' } } } })
  async upload(@CurrentUser() user: User, @UploadedResume() file: UploadedResumeFile | undefined): Promise<ResumeView> {
    return resumeView(await this.resumes.upload(user.id, file));
  }

  @Get()
  async list(@CurrentUser() user: User): Promise<ResumeView[]> {
    return (await this.resumes.list(user.id)).map(resumeView);
  }

  /** Makes this resume the one applications start with. */
  @Post(':id/default')
  @HttpCode(200)
  async setDefault(@CurrentUser() user: User, @Param('id') id: string): Promise<ResumeView> {
    return resumeView(await this.resumes.setDefault(user.id, id));
  }

  /** Takes it off the profile; employers keep the copy sent with an application. */
  @Delete(':id')
  @HttpCode(204)
  async remove(@CurrentUser() user: User, @Param('id') id: string): Promise<void> {
    await this.resumes.remove(user.id, id);
  }

  @Get(':id/file')
  async download(@CurrentUser() user: User, @Param('id') id: string, @Res() res: Response): Promise<void> {
    sendResumeFile(res, await this.resumes.ownedFile(user.id, id));
  }
}
