import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';
import { withPageLocals } from '../common/page-locals';
import { organizationsPage, reviewPage } from './admin-pages';
import { OrganizationModerationService } from './organization-moderation.service';
import { ReviewQueueService } from './review-queue.service';

/** The review queue, for a refused "send back" form. */
@Injectable()
export class ReviewPageLocals implements NestInterceptor {
  constructor(private readonly reviewQueue: ReviewQueueService) {}

  intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    return withPageLocals(context, next, async () => reviewPage(await this.reviewQueue.list()));
  }
}

/** Every organization, for a refused "suspend" form. */
@Injectable()
export class OrganizationsPageLocals implements NestInterceptor {
  constructor(private readonly organizations: OrganizationModerationService) {}

  intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    return withPageLocals(context, next, async () => organizationsPage(await this.organizations.list({}), {}));
  }
}
