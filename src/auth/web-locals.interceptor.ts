import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Observable } from 'rxjs';
import { isApiRequest } from '../common/http-error.filter';
import { User } from '../users/user.entity';
import { toUserView } from './auth.service';
import { CsrfService } from './csrf';

/** Gives every web page the signed-in user (for role-aware navigation) and a CSRF token for its forms. */
@Injectable()
export class WebLocalsInterceptor implements NestInterceptor {
  constructor(private readonly csrf: CsrfService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request>();
    if (!isApiRequest(req)) {
      const res = context.switchToHttp().getResponse<Response>();
      const user = req.user as User | undefined;
      res.locals.currentUser = user
        ? { ...toUserView(user), isEmployer: user.role === 'employer', isCandidate: user.role === 'candidate', isAdmin: user.role === 'admin' }
        : undefined;
      res.locals.csrfToken = this.csrf.token(req, res);
    }
    return next.handle();
  }
}
