import type { INestApplication } from '@nestjs/common';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Application, NextFunction, Request, Response } from 'express';
import { bearerToken } from '../auth/auth.guard';
import { SessionCheck } from '../auth/session-check';
import { noStore, thirdPartyUiCsp } from '../http/security-headers';
import { QueueService } from './queue.service';

export const BULL_BOARD_PATH = '/admin/queues';

/** Reads the access token from the Authorization header or the board's own cookie. */
function tokenFrom(req: Request): string | undefined {
  const bearer = bearerToken(req);
  if (bearer) return bearer;
  const cookie = req.headers.cookie?.split(';').map((c) => c.trim()).find((c) => c.startsWith('po_board='));
  return cookie ? decodeURIComponent(cookie.slice('po_board='.length)) : undefined;
}

/** bull-board for ADMIN only, outside the /api/v1 prefix. */
export function mountBullBoard(app: INestApplication): void {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(BULL_BOARD_PATH);
  const queues = app.get(QueueService).allQueues();
  createBullBoard({ queues: queues.map((q) => new BullMQAdapter(q as never)), serverAdapter });
  const sessions = app.get(SessionCheck);
  const guard = (req: Request, res: Response, next: NextFunction) => {
    const token = tokenFrom(req);
    if (!token) return res.status(401).json({ statusCode: 401, error: 'Unauthorized', message: 'Authentication required' });
    sessions.verify(token).then(
      (claims) => {
        if (!claims) return res.status(401).json({ statusCode: 401, error: 'Unauthorized', message: 'Access token is invalid or expired' });
        if (!claims.pwc && claims.roles.includes('ADMIN')) return next();
        return res.status(403).json({ statusCode: 403, error: 'Forbidden', message: 'The queue board is for ADMIN only' });
      },
      next,
    );
  };
  app.use(`${BULL_BOARD_PATH}/api`, noStore()); // job data: SMS texts, record ids
  // The board's page writes inline styles and sets <base href>: a relaxed policy on its path only.
  const board = serverAdapter.getRouter() as Application; // an express app of its own
  board.disable('x-powered-by');
  app.use(BULL_BOARD_PATH, thirdPartyUiCsp(), guard, board);
}
