import {
  CallHandler,
  ConflictException,
  ExecutionContext,
  HttpStatus,
  Inject,
  Injectable,
  NestInterceptor,
  UnprocessableEntityException,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { from, lastValueFrom, Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { resolveSecret } from '../../config/secrets';
import { canonicalJson } from '../audit/audit-chain';
import { Actor, RequestContext } from '../context/request-context';
import { fieldError } from './field-error';
import { ReplaySeal } from './replay-seal';

const REPLAY_WINDOW_MS = 24 * 3600 * 1000;
/** An IN_PROGRESS key older than this belongs to a request that died with its process. */
const ABANDONED_AFTER_MS = 5 * 60 * 1000;

/**
 * `Idempotency-Key` on a POST: the first response is stored for 24 h and replayed for
 * retries, so a double click or a phone's retry creates one record, not two. The stored
 * answer is sealed (ReplaySeal): applicants' mobiles and addresses are not kept in clear.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly seal: ReplaySeal;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.seal = new ReplaySeal(resolveSecret('idempotency-secret', config.IDEMPOTENCY_SECRET, config.DATA_DIR));
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const key = req.headers['idempotency-key'];
    if (req.method !== 'POST' || key === undefined || !req.actor) return next.handle();
    if (typeof key !== 'string' || key.length < 8 || key.length > 200 || !/^[\x21-\x7e]+$/.test(key)) {
      throw fieldError('Idempotency-Key', 'Idempotency-Key must be 8–200 printable ASCII characters');
    }
    return from(this.handle(req, context.switchToHttp().getResponse<Response>(), req.actor.id, key, next));
  }

  private async handle(req: Request, res: Response, userId: string, key: string, next: CallHandler): Promise<unknown> {
    const requestHash = this.seal.requestHash(`${req.method} ${req.originalUrl}\n${canonicalJson(req.body ?? null)}`);
    const sealContext = `${userId}\n${key}`;
    const claimed = await this.claim(userId, key, req, requestHash);
    if (!claimed.fresh) {
      const row = claimed.row;
      if (row.request_hash !== requestHash) {
        throw new UnprocessableEntityException('Idempotency-Key was already used for a different request');
      }
      if (row.status === 'IN_PROGRESS') {
        throw new ConflictException({ message: 'A request with this Idempotency-Key is still being processed; retry shortly', idempotency: 'IN_PROGRESS' });
      }
      if (row.status === 'COMMITTED') {
        // The change was saved, but its answer was lost (the server stopped before storing it):
        // which record it made, so the client can look it up.
        throw new ConflictException({
          message: 'The request with this Idempotency-Key was carried out, but its answer was lost; look the record up instead of sending it again',
          idempotency: 'COMMITTED',
          ...madeRecord(row),
        });
      }
      let body: unknown;
      try {
        body = this.seal.open(row.response_body, sealContext);
      } catch {
        // Sealed with another key (IDEMPOTENCY_SECRET not shared between instances?): the change
        // is done but its answer cannot be read back, as when it was lost.
        throw new ConflictException({
          message: 'The request with this Idempotency-Key was carried out, but its answer cannot be read back; look the record up instead of sending it again',
          idempotency: 'COMMITTED',
          ...madeRecord(row),
        });
      }
      res.status(row.response_status ?? HttpStatus.OK);
      res.setHeader('Idempotent-Replayed', 'true');
      return body;
    }
    // The unit of work marks the key COMMITTED in the change's own transaction.
    RequestContext.setIdempotency({ userId, key });
    try {
      const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
      await this.dataSource.query(
        `UPDATE idempotency_key SET status = 'DONE', response_status = $3, response_body = $4 WHERE user_id = $1 AND key = $2`,
        [userId, key, res.statusCode, JSON.stringify(this.seal.seal(body, sealContext))],
      );
      return body;
    } catch (error) {
      // Failed requests are not remembered: the client may correct the input and retry with the same key.
      // One whose change committed before a later step failed stays, so a retry cannot repeat it.
      await this.dataSource.query(`DELETE FROM idempotency_key WHERE user_id = $1 AND key = $2 AND status = 'IN_PROGRESS'`, [userId, key]);
      throw error;
    }
  }

  private async claim(
    userId: string,
    key: string,
    req: Request,
    requestHash: string,
  ): Promise<{ fresh: true } | { fresh: false; row: IdempotencyRow }> {
    await this.dataSource.query(
      `DELETE FROM idempotency_key WHERE user_id = $1 AND key = $2
         AND (expires_at < now() OR (status = 'IN_PROGRESS' AND created_at < now() - $3 * interval '1 millisecond'))`,
      [userId, key, ABANDONED_AFTER_MS],
    );
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotency_key (user_id, key, method, path, request_hash, status, expires_at)
       VALUES ($1, $2, $3, $4, $5, 'IN_PROGRESS', now() + $6 * interval '1 millisecond')
       ON CONFLICT DO NOTHING RETURNING key`,
      [userId, key, req.method, req.originalUrl, requestHash, REPLAY_WINDOW_MS],
    );
    if (inserted.length > 0) return { fresh: true as const };
    const rows: IdempotencyRow[] = await this.dataSource.query(
      `SELECT request_hash, status, response_status, response_body, resource_type, resource_id FROM idempotency_key WHERE user_id = $1 AND key = $2`,
      [userId, key],
    );
    if (rows.length === 0) return this.claim(userId, key, req, requestHash);
    return { fresh: false as const, row: rows[0]! };
  }
}

interface IdempotencyRow {
  request_hash: string;
  status: 'IN_PROGRESS' | 'COMMITTED' | 'DONE';
  response_status: number | null;
  response_body: unknown;
  resource_type: string | null;
  resource_id: string | null;
}

/** The record a carried-out request made, when its change audited one. */
function madeRecord(row: IdempotencyRow): { resource?: { type: string; id: string } } {
  return row.resource_type && row.resource_id ? { resource: { type: row.resource_type, id: row.resource_id } } : {};
}
