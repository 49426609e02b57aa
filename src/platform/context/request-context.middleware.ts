import { HttpException, Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { RequestContext } from './request-context';
import { requestIdOf } from './request-id';

/** What a request abandoned by its client ends with (nginx's 499); nobody is there to read it. */
const CLIENT_CLOSED_REQUEST = 499;

/**
 * Opens the per-request context that the audit log reads, with a signal that aborts when the
 * client goes away before its answer is sent. It may run before pino-http, so it settles the
 * request id itself (`requestIdOf`), and the access log takes the same one.
 */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction): void {
    const gone = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) gone.abort(new HttpException('The client closed the request', CLIENT_CLOSED_REQUEST));
    });
    RequestContext.run({ requestId: requestIdOf(req), ip: req.ip, signal: gone.signal }, next);
  }
}
