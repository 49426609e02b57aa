import type { NextFunction, Request, Response } from 'express';
import { aadhaarMessage, containsAadhaarNumber } from './aadhaar';
import { FieldProblem } from './field-error';

/**
 * Rules every string that reaches the app obeys, whatever the field: checked once for the
 * whole body, query and path (`GuardedValidationPipe`), not per field by decorator.
 *
 * - no control characters: C0 (NUL …), DEL and C1; tab, line feed and carriage return are
 *   allowed in bodies only (free text may have lines), never in a query or path value;
 * - no lone UTF-16 surrogates (they cannot be stored as UTF-8);
 * - no full Aadhaar number (`aadhaar.ts`), except in secrets that are compared, never stored.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_IN_BODY = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_IN_LINE = /[\u0000-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Secrets: checked for control characters but never for Aadhaar numbers (hashed or compared, never stored or logged). */
const SECRET_FIELDS = new Set(['password', 'currentPassword', 'refreshToken']);

/** Nesting no form of ours comes near; deeper JSON is refused before anything walks it recursively. */
export const MAX_JSON_DEPTH = 32;

export type InputPlace = 'body' | 'query' | 'param';

export function stringProblem(text: string, field: string, place: InputPlace): FieldProblem | null {
  const control = place === 'body' ? CONTROL_IN_BODY : CONTROL_IN_LINE;
  const c = control.exec(text);
  if (c) {
    const code = `U+${c[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    return { field, message: `${field} must not contain control characters (found ${code})` };
  }
  if (LONE_SURROGATE.test(text)) return { field, message: `${field} is not valid Unicode text (a lone surrogate)` };
  const leaf = field.replace(/\[\d+\]$/, '').split('.').pop()!;
  if (!SECRET_FIELDS.has(leaf) && containsAadhaarNumber(text)) return { field, message: aadhaarMessage(field) };
  return null;
}

function join(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}

/**
 * The first problem in a parsed value (body, query object, path parameter), named by its
 * path (`legs[2].from.name`), or null. Keys are checked like values. Iterative: a deep
 * value cannot overflow the stack here.
 */
export function findInputProblem(value: unknown, place: InputPlace, root = '', maxDepth = MAX_JSON_DEPTH): FieldProblem | null {
  return inspect(value, place, root, maxDepth, true);
}

/**
 * JSON nesting is refused right after the body parser, before the idempotency hash, the
 * validation pipe or class-transformer walk it recursively (2,000 levels overflowed the stack).
 */
export function jsonDepthLimit(maxDepth = MAX_JSON_DEPTH) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const problem = inspect(req.body, 'body', '', maxDepth, false);
    if (!problem) return next();
    res.status(400).json({ statusCode: 400, error: 'Bad Request', message: problem.message, fields: [problem] });
  };
}

function inspect(value: unknown, place: InputPlace, root: string, maxDepth: number, strings: boolean): FieldProblem | null {
  const stack: { value: unknown; field: string; depth: number }[] = [{ value, field: root, depth: 0 }];
  while (stack.length) {
    const { value: v, field, depth } = stack.pop()!;
    if (typeof v === 'string') {
      const problem = strings ? stringProblem(v, field || place, place) : null;
      // A list of texts is named by the list, as its other rules name it (`extraConditions`).
      if (problem) return { ...problem, field: problem.field.replace(/\[\d+\]$/, '') };
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= maxDepth) {
      // Named by its outermost field: the full path would be the 32 levels themselves.
      const where = /^[^.[]+/.exec(field)?.[0] ?? place;
      return { field: where, message: `${where} is nested too deeply (more than ${maxDepth} levels)` };
    }
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], field: join(field, i), depth: depth + 1 });
      continue;
    }
    const entries = Object.entries(v as Record<string, unknown>);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      const keyProblem = strings ? stringProblem(key, join(field, key), place) : null;
      if (keyProblem) return keyProblem;
      stack.push({ value: child, field: join(field, key), depth: depth + 1 });
    }
  }
  return null;
}
