import { FileTypeValidator, Injectable, MaxFileSizeValidator, NestMiddleware, ParseFilePipe } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import multer, { MulterError } from 'multer';
import { DomainError } from '../common/domain-error';

export const LOGO_MAX_BYTES = 1024 * 1024;
export const LOGO_FIELD = 'logo';

const TOO_LARGE = 'The logo must be 1 MB or smaller.';
const WRONG_TYPE = 'The logo must be a PNG, JPEG or WebP image.';

/** The uploaded file as the services see it. */
export type UploadedLogo = Pick<Express.Multer.File, 'buffer' | 'mimetype' | 'size'>;

/**
 * Kept in memory (it is stored in the database), and cut off by multer as
 * soon as it passes 1 MB, so an oversized upload is refused before it is read.
 */
export const LOGO_MULTER_OPTIONS = {
  storage: multer.memoryStorage(),
  limits: { fileSize: LOGO_MAX_BYTES, files: 1, fields: 4, parts: 5 },
};

/**
 * Checks the type from the file's first bytes (its magic number), never from
 * the name or the type the client declared, and records the detected type as
 * the file's type. A refusal is a 422 with the message under `logo`, so the
 * web form shows it beside the field.
 */
export const logoFilePipe = new ParseFilePipe({
  // No file is the service's to report, with its own message.
  fileIsRequired: false,
  validators: [
    // The validator wants size < maxSize; 1 MB itself is allowed.
    new MaxFileSizeValidator({ maxSize: LOGO_MAX_BYTES + 1, errorMessage: TOO_LARGE }),
    new FileTypeValidator({ fileType: /^image\/(png|jpeg|webp)$/, overrideMimeType: true, errorMessage: WRONG_TYPE }),
  ],
  exceptionFactory: (message: string) => DomainError.invalid({ logo: [message] }, message),
});

function uploadError(error: unknown): DomainError {
  if (error instanceof MulterError && error.code === 'LIMIT_FILE_SIZE') return new DomainError('payload_too_large', TOO_LARGE);
  if (error instanceof MulterError && error.code === 'LIMIT_UNEXPECTED_FILE')
    return new DomainError('bad_request', `Send the image in the "${LOGO_FIELD}" field.`);
  return new DomainError('bad_request', 'The upload could not be read. Choose the file again and retry.');
}

/**
 * Parses the web form's multipart upload before the guards run. The CSRF
 * guard reads the form's `_csrf` field from the body, which exists only once
 * the multipart body is parsed, and guards run before interceptors (where
 * FileInterceptor would parse it). The route then reads `req.file`.
 */
@Injectable()
export class LogoUploadMiddleware implements NestMiddleware {
  private readonly upload = multer(LOGO_MULTER_OPTIONS).single(LOGO_FIELD);

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    // Thrown, not passed to next(): Nest's middleware proxy hands it to the global error filter.
    await new Promise<void>((resolve, reject) => this.upload(req, res, (error: unknown) => (error ? reject(uploadError(error)) : resolve())));
    next();
  }
}
