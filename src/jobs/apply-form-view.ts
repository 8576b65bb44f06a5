import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { catchError, from, mergeMap, Observable, throwError } from 'rxjs';
import { DomainError } from '../common/domain-error';
import { FormRejection, submittedValues } from '../common/form-view';
import { User } from '../users/user.entity';
import { PublicJobsService } from './public-jobs.service';

/**
 * @FormView for the apply form on the job page, which needs the whole page
 * around it: a refused application (invalid answers 422, an unverified
 * email 403, a second application 409, a file too large 413 or of the wrong
 * type 415) shows the job page again with the messages by field and what was
 * typed. A job that has closed meanwhile shows its "no longer accepting
 * applications" page; one that does not exist, the error page.
 */
@Injectable()
export class ApplyFormView implements NestInterceptor {
  constructor(private readonly pages: PublicJobsService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request>();
    return next.handle().pipe(catchError((error: unknown) => from(this.refusal(req, error)).pipe(mergeMap((refusal) => throwError(() => refusal)))));
  }

  private async refusal(req: Request, error: unknown): Promise<unknown> {
    if (!(error instanceof DomainError)) return error;
    const page = await this.pages.jobPage(String(req.params.id)).catch(() => null);
    if (!page) return error;
    const status = error.code === 'bad_request' ? 422 : error.status;
    if (page.kind === 'gone') return new FormRejection('jobs/gone', status, { ...page });
    const values = submittedValues(req.body);
    const viewed = await this.pages.viewerPage(req.user as User | undefined, page, values);
    return new FormRejection('jobs/show', status, { ...viewed, values, errors: error.fields ?? {}, formError: error.message });
  }
}
