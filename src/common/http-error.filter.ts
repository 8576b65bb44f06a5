import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger, NotFoundException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DOMAIN_ERROR_STATUS, DomainError, FieldErrors } from './domain-error';
import { FormRejection } from './form-view';

const CODE_BY_STATUS = new Map<number, string>(Object.entries(DOMAIN_ERROR_STATUS).map(([code, status]) => [status, code]));

const PAGE_TITLES: Record<number, string> = {
  400: 'That request could not be understood',
  403: 'You do not have access to this page',
  404: 'Page not found',
  410: 'This page is gone',
  413: 'That was too large',
  429: 'Too many attempts',
  500: 'Something went wrong on our side',
};

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: FieldErrors;
}

/** Errors raised by Express middleware (body-parser) carry a status and a type. */
interface MiddlewareError {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
}

const JSON_PATHS = /^\/(api|health)(\/|$)/;

/** Paths that speak JSON (the API and health checks); everything else is a web page. */
export function isApiRequest(req: Request): boolean {
  return JSON_PATHS.test(req.path);
}

/** Maps anything thrown to a status and a safe body; never a stack trace. */
export function describeError(error: unknown): ErrorBody {
  if (error instanceof DomainError) {
    return { statusCode: error.status, error: error.code, message: error.message, ...(error.fields ? { details: error.fields } : {}) };
  }
  if (error instanceof NotFoundException) {
    // The router's own 404 names the method and path ("Cannot GET /x"); say it plainly instead.
    return { statusCode: 404, error: 'not_found', message: 'There is nothing at this address. Check the link, or start again from the home page.' };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const message =
      typeof response === 'string'
        ? response
        : Array.isArray((response as { message?: unknown }).message)
          ? 'Validation failed.'
          : String((response as { message?: unknown }).message ?? error.message);
    return { statusCode: status, error: CODE_BY_STATUS.get(status) ?? (status >= 500 ? 'internal' : 'http_error'), message };
  }
  const middleware = error as MiddlewareError;
  const status = middleware?.status ?? middleware?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500 && middleware.expose !== false) {
    const message =
      middleware.type === 'entity.too.large'
        ? 'The request body is too large (100 kB at most).'
        : middleware.type === 'entity.parse.failed'
          ? 'The request body is not valid JSON.'
          : 'The request could not be read.';
    return { statusCode: status, error: CODE_BY_STATUS.get(status) ?? 'bad_request', message };
  }
  return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, error: 'internal', message: 'Something went wrong on our side. Please try again.' };
}

/**
 * The one place errors become responses: JSON for /api, a redirect to sign
 * in or an error page for the web.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(error: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    if (error instanceof FormRejection) {
      res.status(error.status).render(error.view, error.context);
      return;
    }
    const body = describeError(error);
    if (body.statusCode >= 500) this.logger.error({ err: error, path: req.path }, 'unhandled error');
    if (res.headersSent) return;

    if (isApiRequest(req)) {
      res.status(body.statusCode).json(body);
      return;
    }
    if (body.statusCode === 401) {
      const next = req.method === 'GET' ? req.originalUrl : '/';
      res.redirect(303, `/login?next=${encodeURIComponent(next)}`);
      return;
    }
    res.status(body.statusCode).render('errors/error', {
      title: PAGE_TITLES[body.statusCode] ?? PAGE_TITLES[body.statusCode >= 500 ? 500 : 400],
      status: body.statusCode,
      message: body.message,
      // What was wrong with each parameter, e.g. a search link naming an unknown credential.
      details: body.details && Object.entries(body.details).map(([field, messages]) => ({ field, messages })),
    });
  }
}
