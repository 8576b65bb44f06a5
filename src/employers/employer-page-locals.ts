import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Observable } from 'rxjs';
import { User } from '../users/user.entity';
import { OrganizationsService } from './organizations.service';
import { TeamService } from './team.service';

/**
 * Loads a page's own data into `res.locals` before the pipes validate the
 * form, so that a refused form (FormView) is shown again in its full page.
 * The handler reads the organization from there too.
 */
async function withLocals(context: ExecutionContext, next: CallHandler, load: (user: User) => Promise<object>): Promise<Observable<unknown>> {
  const http = context.switchToHttp();
  Object.assign(http.getResponse<Response>().locals, await load(http.getRequest<Request>().user as User));
  return next.handle();
}

@Injectable()
export class ProfileEditorLocals implements NestInterceptor {
  constructor(private readonly organizations: OrganizationsService) {}

  intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    return withLocals(context, next, (user) => this.organizations.profileEditor(user));
  }
}

@Injectable()
export class TeamPageLocals implements NestInterceptor {
  constructor(private readonly team: TeamService) {}

  intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    return withLocals(context, next, (user) => this.team.teamPage(user));
  }
}
