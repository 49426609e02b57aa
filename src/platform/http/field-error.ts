import { BadRequestException, ConflictException, HttpException, ParseUUIDPipe, PipeTransform } from '@nestjs/common';

export interface FieldProblem {
  field: string;
  message: string;
}

/** A 400 naming the field, in the app's error shape. */
export function fieldError(field: string, message: string): HttpException {
  return new BadRequestException({ message, fields: [{ field, message }] });
}

export function fieldErrors(problems: FieldProblem[]): HttpException {
  return new BadRequestException({ message: problems.map((p) => p.message).join('; '), fields: problems });
}

/** Optimistic locking: the client sends the version it read; a mismatch means someone else wrote first. */
export function assertVersion(entity: string, current: number, expected: number | undefined): void {
  if (expected === undefined) throw fieldError('version', 'version is required (the version you last read)');
  if (current !== expected) {
    throw new ConflictException({
      message: `${entity} was changed by someone else (version ${current}, you sent ${expected}); reload and try again`,
      currentVersion: current,
    });
  }
}

/** Path-parameter UUID check that names the parameter in the 400. */
export function uuidParam(name: string) {
  return new ParseUUIDPipe({ exceptionFactory: () => fieldError(name, `${name} must be a UUID`) });
}

/** The largest PostgreSQL `integer`; every whole number a client sends is bounded by it or less. */
export const PG_INTEGER_MAX = 2_147_483_647;

/** Path-parameter whole number within bounds (PostgreSQL's integer at most), naming the parameter in the 400. */
export function intParam(name: string, { min = 0, max = PG_INTEGER_MAX }: { min?: number; max?: number } = {}): PipeTransform<string | number, number> {
  const message = `${name} must be a whole number from ${min} to ${max}`;
  return {
    // The global validation pipe may already have turned the text into a number.
    transform(value: string | number): number {
      if (!/^-?\d{1,16}$/.test(String(value))) throw fieldError(name, message);
      const n = Number(value);
      if (n < min || n > max) throw fieldError(name, message);
      return n;
    },
  };
}
