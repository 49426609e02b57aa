import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { RequestContext } from './request-context';

/** Opens the per-request context that the audit log reads (request id from pino-http). */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  use(req: Request, _res: Response, next: NextFunction): void {
    RequestContext.run({ requestId: String((req as Request & { id?: unknown }).id ?? ''), ip: req.ip }, next);
  }
}
