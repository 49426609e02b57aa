import { HttpStatus, Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/**
 * A body in a format we do not read would otherwise be ignored silently and reported as
 * missing fields; say what is wrong instead.
 */
@Injectable()
export class ContentTypeMiddleware implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction): void {
    const length = Number(req.headers['content-length'] ?? 0);
    const hasBody = length > 0 || req.headers['transfer-encoding'] !== undefined;
    if (!BODY_METHODS.has(req.method) || !hasBody) return next();
    const type = (req.headers['content-type'] ?? '').toLowerCase();
    if (type.startsWith('application/json') || type.startsWith('multipart/form-data') || type.endsWith('+json')) {
      return next();
    }
    res.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).json({
      statusCode: 415,
      error: 'Unsupported Media Type',
      message: `Content-Type must be application/json${type ? `, not ${type}` : ''}`,
      fields: [{ field: 'Content-Type', message: 'Content-Type must be application/json' }],
    });
  }
}
