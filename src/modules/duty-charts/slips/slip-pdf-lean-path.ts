import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { LinkThrottle } from '../../../platform/http';
import { sendLinkedSlipPdf } from './slip-responses';
import { SlipsService } from './slips.service';

/** Longest token read from the path, as the controller reads it. */
const MAX_TOKEN_CHARS = 100;

/**
 * The SMS link's PDF (`GET /s/:token/pdf`) at shift change, when hundreds of phones open their
 * slips at once: answered here, before Nest's guards, interceptors and router, when the link is
 * good, its slip in force and the link throttlers let it in, with the same checks, counts and
 * headers as the route itself (security headers, request id, access log and metrics run
 * before this as on every request).
 *
 * Anything else (a bad, expired or cancelled link, a paper not yet drawn, a refused request, an
 * error) goes on to the route, which answers it as it always does: this path only ever answers
 * the 200 (or 304) the route would have answered.
 */
@Injectable()
export class SlipPdfLeanPath implements NestMiddleware {
  constructor(
    private readonly slips: SlipsService,
    private readonly throttle: LinkThrottle,
  ) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const token = String(req.params?.token ?? '').slice(0, MAX_TOKEN_CHARS);
    void this.answer(req, res, token).then(
      (answered) => answered || next(),
      () => next(),
    );
  }

  private async answer(req: Request, res: Response, token: string): Promise<boolean> {
    const paper = token ? await this.slips.pdfInForce(token) : undefined;
    if (!paper || !(await this.throttle.admit(req, res, token))) return false;
    sendLinkedSlipPdf(res, paper);
    return true;
  }
}
