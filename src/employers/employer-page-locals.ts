import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';
import { withPageLocals } from '../common/page-locals';
import { OrganizationsService } from './organizations.service';
import { TeamService } from './team.service';

/** Page data for a refused form (see withPageLocals); the handlers read the organization from it too. */
@Injectable()
export class ProfileEditorLocals implements NestInterceptor {
  constructor(private readonly organizations: OrganizationsService) {}

  intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    return withPageLocals(context, next, (user) => this.organizations.profileEditor(user));
  }
}

@Injectable()
export class TeamPageLocals implements NestInterceptor {
  constructor(private readonly team: TeamService) {}

  intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    return withPageLocals(context, next, (user) => this.team.teamPage(user));
  }
}
