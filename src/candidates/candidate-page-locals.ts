import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Observable } from 'rxjs';
import { User } from '../users/user.entity';
import { CandidatePagesService } from './candidate-pages.service';

/**
 * Loads /me/profile's data into `res.locals` before the upload is read and
 * the handler runs, so that a refused resume action (FormView) is shown in
 * the full profile page, with the message beside its field.
 */
@Injectable()
export class ProfilePageLocals implements NestInterceptor {
  constructor(private readonly pages: CandidatePagesService) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    Object.assign(http.getResponse<Response>().locals, await this.pages.profilePage((http.getRequest<Request>().user as User).id));
    return next.handle();
  }
}
