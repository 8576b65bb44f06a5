import { CallHandler, createParamDecorator, ExecutionContext, Injectable, NestInterceptor, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import multer, { MulterError } from 'multer';
import { Observable } from 'rxjs';
import { DomainError } from '../common/domain-error';
import { RESUME_MAX_BYTES } from './resume-file';

/** The multipart field that carries a resume, on the profile and when applying. */
export const RESUME_FIELD = 'resume';

/** A resume as uploaded, before it is checked. */
export type UploadedResumeFile = Pick<Express.Multer.File, 'buffer' | 'originalname' | 'size'>;

export const RESUME_TOO_LARGE = 'The resume must be 5 MB or smaller.';

/**
 * Kept in memory (resumes are stored in Postgres) and cut off by multer as
 * soon as the file passes 5 MB. Room for the fields sent with an application
 * (a cover letter, the answers as JSON). File names are read as UTF-8, as
 * browsers send them.
 */
export const RESUME_MULTER_OPTIONS: multer.Options = {
  storage: multer.memoryStorage(),
  limits: { fileSize: RESUME_MAX_BYTES, files: 1, fields: 10, fieldSize: 64 * 1024, parts: 12 },
  defParamCharset: 'utf8',
};

const UPLOAD_ERROR = Symbol('resumeUploadError');
type UploadRequest = Request & { [UPLOAD_ERROR]?: DomainError };

function uploadError(error: unknown): DomainError {
  if (error instanceof MulterError && error.code === 'LIMIT_FILE_SIZE')
    return new DomainError('payload_too_large', RESUME_TOO_LARGE, { resume: [RESUME_TOO_LARGE] });
  if (error instanceof MulterError && error.code === 'LIMIT_UNEXPECTED_FILE') {
    return new DomainError('bad_request', `Send one file, in the "${RESUME_FIELD}" field.`, { resume: ['Send one file only.'] });
  }
  if (error instanceof MulterError) return new DomainError('bad_request', 'The form has too many or too large fields.');
  return new DomainError('bad_request', 'The upload could not be read. Choose the file again and retry.');
}

const upload = multer(RESUME_MULTER_OPTIONS).single(RESUME_FIELD);

/**
 * Parses a multipart body (a JSON or urlencoded one passes untouched). A
 * refusal is kept on the request rather than thrown here, so that the route
 * reports it through @UploadedResume(), where a web form (@FormView) is shown
 * again with the message beside the file input.
 */
function parseResumeUpload(req: Request, res: Response): Promise<void> {
  return new Promise((resolve) =>
    upload(req, res, (error: unknown) => {
      if (error) (req as UploadRequest)[UPLOAD_ERROR] = uploadError(error);
      resolve();
    }),
  );
}

/** For API routes: parses the upload after the guards (bearer requests need no CSRF token from the body). */
@Injectable()
export class ResumeUploadInterceptor implements NestInterceptor {
  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    await parseResumeUpload(http.getRequest<Request>(), http.getResponse<Response>());
    return next.handle();
  }
}

/**
 * For web forms: parses the upload before the guards run, since the CSRF
 * guard reads the form's `_csrf` field from the parsed body. Apply it to the
 * form's route in the module's `configure()`.
 */
@Injectable()
export class ResumeUploadMiddleware implements NestMiddleware {
  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    await parseResumeUpload(req, res);
    next();
  }
}

/** The uploaded resume (undefined when none was sent), or the upload's refusal (413 too large, 400 unreadable) thrown. */
export const UploadedResume = createParamDecorator((_data: unknown, context: ExecutionContext): UploadedResumeFile | undefined => {
  const req = context.switchToHttp().getRequest<UploadRequest>();
  const error = req[UPLOAD_ERROR];
  if (error) throw error;
  return req.file;
});
