import {
  Controller,
  Get,
  Headers,
  NotFoundException,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Response } from 'express';
import { Public } from '../auth/decorators';
import { MetricsService } from './metrics.service';

/**
 * Prometheus' scrape (README "Metrics"). Public to the login guard because it has a token of
 * its own (METRICS_TOKEN, as a bearer token); not throttled, since Prometheus scrapes from one
 * address on a timer. Left out of the OpenAPI document: it is no part of the web app's API.
 */
@ApiExcludeController()
@Public()
@SkipThrottle()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    // Unset token: there are no metrics, as if the route did not exist.
    if (!this.metrics.enabled) throw new NotFoundException();
    if (!this.metrics.authorised(authorization)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      throw new UnauthorizedException(
        'The metrics need METRICS_TOKEN: send Authorization: Bearer <token>',
      );
    }
    const body = await this.metrics.render();
    res.setHeader('Content-Type', this.metrics.contentType);
    res.setHeader('Cache-Control', 'no-store');
    return body;
  }
}
