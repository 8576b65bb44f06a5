import { Body, Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { RateLimited } from '../auth/auth-throttle';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { SessionCookies } from '../auth/session-cookies';
import { Env } from '../config/env';
import { User } from '../users/user.entity';
import { CandidateAccountService } from './candidate-account.service';
import { DeleteAccountDto } from './dto/delete-account.dto';
import { attachmentDisposition } from './resume-file';

/** A candidate's data export and account deletion over JSON. */
@ApiTags('candidates')
@ApiBearerAuth()
@Roles('candidate')
@Controller('api/me')
export class CandidateAccountController {
  private readonly cookies: SessionCookies;

  constructor(
    private readonly account: CandidateAccountService,
    env: Env,
  ) {
    this.cookies = new SessionCookies(env);
  }

  /** Everything held about the candidate as one JSON download, resumes included (base64). */
  @Get('export')
  async export(@CurrentUser() user: User, @Res() res: Response): Promise<void> {
    const data = await this.account.export(user);
    res.setHeader('Content-Disposition', attachmentDisposition(`careercenter-data-${data.exportedAt.slice(0, 10)}.json`));
    res.setHeader('Cache-Control', 'no-store');
    res.json(data);
  }

  /** Confirmed with the password (422 when wrong); the account's tokens stop working at once. */
  @Post('delete')
  @RateLimited('delete-account')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The account is deleted; its applications remain with the employers, anonymized.' })
  async delete(@CurrentUser() user: User, @Body() dto: DeleteAccountDto, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.account.deleteAccount(user, dto.password);
    this.cookies.clear(res);
  }
}
