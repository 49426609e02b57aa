import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
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
  '40001': { status: 409, message: 'The record changed while saving; try again' },
  // DB_STATEMENT_TIMEOUT_MS ran out: the server's trouble (logged), not the client's mistake.
  '57014': { status: 503, message: 'The database took too long to answer; try again' },
};

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
    const body = this.toBody(exception);
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (res.headersSent) return;
    res.status(body.statusCode).json(body);
  }

  toBody(exception: unknown): ErrorBody {
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
      const code = (exception.driverError as { code?: string })?.code ?? '';
      const mapped = PG_CLIENT_ERRORS[code];
      if (mapped) return { statusCode: mapped.status, error: STATUS_CODES[mapped.status]!, message: mapped.message };
    }
    const parsed = bodyParserError(exception);
    if (parsed) {
      const body: ErrorBody = { statusCode: parsed.status, error: STATUS_CODES[parsed.status] ?? 'Error', message: parsed.message };
      return parsed.field ? { ...body, fields: [{ field: parsed.field, message: parsed.message }] } : body;
    }
    return { statusCode: HttpStatus.INTERNAL_SERVER_ERROR, error: 'Internal Server Error', message: 'Something went wrong; it has been logged' };
  }
}
