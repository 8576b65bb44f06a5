import { CallHandler, ExecutionContext } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Observable } from 'rxjs';
import type { User } from '../users/user.entity';

/**
 * Loads a page's own data into `res.locals` before the pipes validate the
 * form, so that a refused form (FormView) is shown again in its full page.
 * For an interceptor's `intercept`.
 */
export async function withPageLocals(context: ExecutionContext, next: CallHandler, load: (user: User) => Promise<object>): Promise<Observable<unknown>> {
  const http = context.switchToHttp();
  Object.assign(http.getResponse<Response>().locals, await load(http.getRequest<Request>().user as User));
  return next.handle();
}
