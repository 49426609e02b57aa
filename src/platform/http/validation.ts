import { ValidationError, ValidationPipe } from '@nestjs/common';
import { fieldErrors, FieldProblem } from './field-error';

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

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => fieldErrors(flattenValidationErrors(errors)),
  });
}
