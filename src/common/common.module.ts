import { Global, Module, ValidationError, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { Clock } from './clock';
import { DomainError, FieldErrors } from './domain-error';
import { FormViewInterceptor } from './form-view';
import { HttpErrorFilter } from './http-error.filter';

/** Messages by field, nested properties as `parent.child`; unknown fields are named. */
export function fieldErrors(errors: ValidationError[], prefix = ''): FieldErrors {
  const result: FieldErrors = {};
  for (const e of errors) {
    const field = `${prefix}${e.property}`;
    if (e.constraints) {
      result[field] = Object.entries(e.constraints).map(([rule, message]) => (rule === 'whitelistValidation' ? `${field} is not an accepted field.` : message));
    }
    if (e.children?.length) Object.assign(result, fieldErrors(e.children, `${field}.`));
  }
  return result;
}

export const validationPipe = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  exceptionFactory: (errors) => {
    const fields = fieldErrors(errors);
    const unknown = Object.entries(fields)
      .filter(([, messages]) => messages.some((m) => m.endsWith('is not an accepted field.')))
      .map(([f]) => f);
    return new DomainError('bad_request', unknown.length ? `Unknown field(s): ${unknown.join(', ')}.` : 'Some fields are not valid.', fields);
  },
});

@Global()
@Module({
  providers: [
    Clock,
    { provide: APP_PIPE, useValue: validationPipe },
    { provide: APP_FILTER, useClass: HttpErrorFilter },
    { provide: APP_INTERCEPTOR, useClass: FormViewInterceptor },
  ],
  exports: [Clock],
})
export class CommonModule {}
