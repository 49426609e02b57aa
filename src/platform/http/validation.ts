import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { fieldErrors, FieldProblem } from './field-error';
import { findInputProblem } from './input-guard';

/** Flattens nested class-validator errors into `route[2].lat`-style field paths. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const error of errors) {
    const isIndex = /^\d+$/.test(error.property);
    const field = parent ? (isIndex ? `${parent}[${error.property}]` : `${parent}.${error.property}`) : error.property;
    for (const message of Object.values(error.constraints ?? {})) {
      // class-validator prefixes messages with the bare property name; use the full path.
      const text = message.startsWith(`${error.property} `) ? `${field}${message.slice(error.property.length)}` : message;
      out.push({ field, message: text });
    }
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, field));
  }
  return out;
}

/**
 * The app's validation pipe: first the rules every string obeys (`input-guard.ts`: control
 * characters, lone surrogates, Aadhaar numbers) over the whole body, query or path
 * parameter, then the DTO's own rules.
 */
export class GuardedValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const problem = findInputProblem(value, metadata.type, metadata.data ?? '');
      if (problem) throw fieldErrors([problem]);
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new GuardedValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => fieldErrors(flattenValidationErrors(errors)),
  });
}
