import { CallHandler, Controller, ExecutionContext, Get, Injectable, NestInterceptor, Param, Post, Render, Res, UseInterceptors } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Observable } from 'rxjs';
import { CurrentUser } from '../auth/current-user.decorator';
import { Roles } from '../auth/roles.decorator';
import { FormView } from '../common/form-view';
import { Env } from '../config/env';
import { User } from '../users/user.entity';
import { Flash } from '../web/flash';
import { ApplicationListItem, toApplicationListItem } from './application-view';
import { ApplicationsService, MY_APPLICATIONS_PATH } from './applications.service';

/** Puts the list in `res.locals` first, so that a refused withdrawal (@FormView) shows the page again with its message. */
@Injectable()
class MyApplicationsLocals implements NestInterceptor {
  constructor(private readonly applications: ApplicationsService) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    Object.assign(http.getResponse<Response>().locals, await myApplications(this.applications, http.getRequest<Request>().user as User));
    return next.handle();
  }
}

async function myApplications(applications: ApplicationsService, user: User): Promise<{ applications: ApplicationListItem[] }> {
  return { applications: (await applications.listMine(user)).map(toApplicationListItem) };
}

/** The coder's applications on the web: the list with each one's timeline, and withdrawing. */
@ApiExcludeController()
@Roles('candidate')
@Controller('me/applications')
export class ApplicationPagesController {
  private readonly flash: Flash;

  constructor(
    private readonly applications: ApplicationsService,
    env: Env,
  ) {
    this.flash = new Flash(env);
  }

  @Get()
  @Render('applications/mine')
  page(@CurrentUser() user: User): Promise<{ applications: ApplicationListItem[] }> {
    return myApplications(this.applications, user);
  }

  @Post(':id/withdraw')
  @FormView('applications/mine')
  @UseInterceptors(MyApplicationsLocals)
  async withdraw(@CurrentUser() user: User, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const application = await this.applications.withdraw(user, id);
    this.flash.set(res, 'success', `You have withdrawn your application for “${application.job.title}” at ${application.job.organization.name}.`);
    res.redirect(303, MY_APPLICATIONS_PATH);
  }
}
