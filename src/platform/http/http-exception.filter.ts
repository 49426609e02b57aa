import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { QueryFailedError } from 'typeorm';
import { FieldProblem } from './field-error';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  fields?: FieldProblem[];
  [extra: string]: unknown;
}

/** PostgreSQL errors that are the client's fault, mapped to a 4xx instead of a 500. */
const PG_CLIENT_ERRORS: Record<string, { status: number; message: string }> = {
  '23505': { status: 409, message: 'A record with the same unique value already exists' },
  '23503': { status: 409, message: 'A referenced record does not exist or is still in use' },
  '23P01': { status: 409, message: 'This conflicts with an existing booking' },
  '22P02': { status: 400, message: 'A value has the wrong format' },
  '22001': { status: 400, message: 'A value is too long' },
  '22007': { status: 400, message: 'A date or time is invalid' },
  '22008': { status: 400, message: 'A date or time is out of range' },
  '22003': { status: 400, message: 'A number is out of range' },
  '22021': { status: 400, message: 'A value holds a character the database cannot store' },
  '22P05': { status: 400, message: 'A value holds a character the database cannot store' },
  '23502': { status: 400, message: 'A required value is missing' },
  '40001': { status: 409, message: 'The record changed while saving; try again' },
  // DB_STATEMENT_TIMEOUT_MS ran out: the server's trouble (logged), not the client's mistake.
  '57014': { status: 503, message: 'The database took too long to answer; try again' },
};
/** Any other data exception (SQLSTATE class 22) is the value's fault too. */
const PG_DATA_EXCEPTION = { status: 400, message: 'A value is not valid' };

interface PgError {
  code?: string;
  column?: string;
  detail?: string;
  message?: string;
}

function camelCase(column: string): string {
  return column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** Every field of the request, by path (`legs[0].from.name`), with its value as sent. */
function requestFields(req: Request | undefined): [string, unknown][] {
  if (!req) return [];
  const out: [string, unknown][] = [];
  const walk = (value: unknown, path: string, depth: number) => {
    if (depth > 40) return;
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`, depth + 1));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k, depth + 1);
    else if (path) out.push([path, value]);
  };
  walk(req.params, '', 0);
  walk(req.query, '', 0);
  walk(req.body, '', 0);
  return out;
}

/**
 * The request field a database error is about, where it can be told: the column PostgreSQL
 * names (not-null), the key of a unique violation (`Key (lower(username))=(…)`), or the
 * field whose value the message quotes (`invalid input syntax for type uuid: "x"`).
 */
function fieldsOfDatabaseError(err: PgError, req: Request | undefined): string[] {
  const fields = requestFields(req);
  const byName = (column: string): string => {
    const name = camelCase(column);
    return fields.find(([path]) => path === name || path.endsWith(`.${name}`) || path.replace(/\[\d+\]$/, '') === name)?.[0] ?? name;
  };
  if (err.column) return [byName(err.column)];
  const key = /^Key \((.+?)\)=\(/.exec(err.detail ?? '')?.[1];
  if (key) {
    const columns = key.replace(/::[\w ]+/g, '').match(/[a-z_][a-z0-9_]*(?![a-z0-9_]*\()/g) ?? [];
    return [...new Set(columns)].map(byName);
  }
  for (const [, quoted] of (err.message ?? '').matchAll(/"((?:[^"\\]|\\.)*)"/g)) {
    const hit = fields.find(([, value]) => value !== undefined && value !== null && String(value) === quoted);
    if (hit) return [hit[0]];
  }
  return [];
}

/** Errors that body-parser and multer raise with their own status codes. */
function bodyParserError(e: unknown): { status: number; message: string; field?: string } | null {
  const err = e as { type?: string; status?: number; statusCode?: number; code?: string; message?: string; field?: string };
  if (err?.type === 'entity.parse.failed') {
    return { status: 400, message: `body is not valid JSON (${err.message ?? 'parse error'})`, field: 'body' };
  }
  if (err?.type === 'entity.too.large') return { status: 413, message: 'body is too large', field: 'body' };
  if (err?.type === 'encoding.unsupported' || err?.type === 'charset.unsupported') {
    return { status: 415, message: 'body has an unsupported encoding or charset', field: 'Content-Type' };
  }
  if (err?.code === 'LIMIT_FILE_SIZE') return { status: 413, message: `${err.field ?? 'file'} is too large`, field: err.field ?? 'file' };
  if (err?.code?.startsWith?.('LIMIT_')) return { status: 400, message: err.message ?? 'Bad upload', field: err.field ?? 'file' };
  const status = err?.status ?? err?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return { status, message: err.message ?? 'Bad request' };
  return null;
}

/** One error shape everywhere: {statusCode, error, message, fields?}. Never leaks internals. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception, host.switchToHttp().getRequest<Request>());
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (res.headersSent) return;
    res.status(body.statusCode).json(body);
  }

  toBody(exception: unknown, req?: Request): ErrorBody {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const base: ErrorBody = { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message: exception.message };
      if (typeof response === 'string') return { ...base, message: response };
      const { message, error: _e, statusCode: _s, ...rest } = response as Record<string, unknown>;
      const text = Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : base.message;
      return { ...base, ...rest, message: text };
    }
    if (exception instanceof QueryFailedError) {
      const err = (exception.driverError ?? {}) as PgError;
      const code = err.code ?? '';
      const mapped = PG_CLIENT_ERRORS[code] ?? (code.startsWith('22') ? PG_DATA_EXCEPTION : undefined);
      if (mapped) {
        const body: ErrorBody = { statusCode: mapped.status, error: STATUS_CODES[mapped.status]!, message: mapped.message };
        const fields = fieldsOfDatabaseError(err, req);
        if (fields.length === 0) return body;
        const message = code === '23505' ? `A record with the same ${fields.join(' and ')} already exists` : `${mapped.message}: ${fields.join(', ')}`;
        return { ...body, message, fields: fields.map((field) => ({ field, message })) };
      }
    }
    const parsed = bodyParserError(exception);
    if (parsed) {
      const body: ErrorBody = { statusCode: parsed.status, error: STATUS_CODES[parsed.status] ?? 'Error', message: parsed.message };
      return parsed.field ? { ...body, fields: [{ field: parsed.field, message: parsed.message }] } : body;
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, error: 'Internal Server Error', message: 'Something went wrong; it has been logged' };
  }
}
