/** Field name → messages, as forms and API clients show them. */
export type FieldErrors = Record<string, string[]>;

export const DOMAIN_ERROR_STATUS = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
} as const;

export type DomainErrorCode = keyof typeof DOMAIN_ERROR_STATUS;

/**
 * What services throw. The global filter maps the code to a status and
 * renders JSON for /api or an error page (or the form again) for the web.
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  get status(): number {
    return DOMAIN_ERROR_STATUS[this.code];
  }

  static invalid(fields: FieldErrors, message = 'Some fields need attention.'): DomainError {
    return new DomainError('unprocessable', message, fields);
  }
}
