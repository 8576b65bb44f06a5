import { CallHandler, ExecutionContext, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { catchError, Observable } from 'rxjs';
import { DomainError } from './domain-error';

export const FORM_VIEW_KEY = 'formView';

/**
 * Marks a web POST handler as the submission of the form in `view`. When the
 * body fails validation or the service refuses it, the form is rendered again
 * with messages by field and what the user typed (never a password), instead
 * of an error page: 422 for invalid input, the error's own status otherwise.
 */
export const FormView = (view: string) => SetMetadata(FORM_VIEW_KEY, view);

const SECRET_FIELD = /password|token|_csrf/i;

/** A refused form submission, rendered again by the global error filter. */
export class FormRejection extends Error {
  constructor(
    readonly view: string,
    readonly status: number,
    readonly context: Record<string, unknown>,
  ) {
    super(`form ${view} refused`);
  }
}

export function submittedValues(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== 'object') return {};
  return Object.fromEntries(Object.entries(body as Record<string, unknown>).filter(([key]) => !SECRET_FIELD.test(key)));
}

@Injectable()
export class FormViewInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const view = this.reflector.get<string | undefined>(FORM_VIEW_KEY, context.getHandler());
    if (!view) return next.handle();
    const req = context.switchToHttp().getRequest<Request>();
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (!(error instanceof DomainError)) throw error;
        const status = error.code === 'bad_request' || error.code === 'unprocessable' ? 422 : error.status;
        // A GET form (filters) submits its fields in the query string.
        const submitted: unknown = req.method === 'GET' ? req.query : req.body;
        throw new FormRejection(view, status, { values: submittedValues(submitted), errors: error.fields ?? {}, formError: error.message });
      }),
    );
  }
}
