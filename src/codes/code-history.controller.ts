import { Body, Controller, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { Env } from '../config/env';
import { User } from '../users/user.entity';
import { Flash } from '../web/flash';
import { CodeHistoryService } from './code-history.service';
import { CodeHistoryFormDto } from './dto/code-history-form.dto';

/** The switch of a coder's lookup history, on the /codes page. */
@ApiExcludeController()
@Roles('candidate')
@Controller('codes/history')
export class CodeHistoryController {
  private readonly flash: Flash;

  constructor(
    private readonly history: CodeHistoryService,
    env: Env,
  ) {
    this.flash = new Flash(env);
  }

  @Post()
  async set(@CurrentUser() user: User, @Body() { history }: CodeHistoryFormDto, @Res() res: Response): Promise<void> {
    if (history === 'on') {
      await this.history.turnOn(user.id);
      this.flash.set(res, 'success', 'Your code lookups are kept from now on: they suggest specialties for your profile and jobs on this page.');
    } else {
      await this.history.turnOff(user.id);
      this.flash.set(res, 'success', 'Your code lookups are no longer kept, and those kept so far are deleted.');
    }
    res.redirect(303, '/codes');
  }
}
