import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { MetricsService } from './metrics.service';
import { routeLabel, UNMATCHED } from './route-label';

/**
 * Times every request that reaches the app's routes: one observation when the answer is sent.
 * The label is the route's template, read after routing; a request whose route is still this
 * middleware's own catch-all one (Nest mounts it as an express route) matched nothing.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: MetricsService) {}

  use(req: Request, res: Response, next: NextFunction): void {
    if (this.metrics.enabled) {
      const started = process.hrtime.bigint();
      const own: unknown = req.route;
      res.once('finish', () => {
        const route =
          req.route === own
            ? UNMATCHED
            : routeLabel(req.baseUrl, (req.route as { path?: unknown } | undefined)?.path);
        this.metrics.observeRequest(
          req.method,
          route,
          res.statusCode,
          Number(process.hrtime.bigint() - started) / 1e9,
        );
      });
    }
    next();
  }
}
