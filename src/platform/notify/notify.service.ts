import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { Block } from '../documents/pdf';
import { TemplateStore } from '../documents/templates';
import { INDIAN_MOBILE } from '../http/validators';
import {
  maskRecipient,
  Notification,
  NotificationChannel,
  NotificationFailure,
  NotificationStatus,
  NOTIFICATION_STATUS_TEXT,
} from './notification.entity';
import { fitSms, preferGsm7 } from './sms-fit';
import { smsSize } from './sms-parts';

export interface MessageRequest {
  channel: NotificationChannel;
  to: string;
  /** A template under templates/messages/, e.g. `protest-received`. */
  template: string;
  /** `bi`: the Hindi text, then the English one, in one message. */
  language: 'hi' | 'en' | 'bi';
  vars: Record<string, string>;
  sourceType: string;
  sourceId: string;
}

/**
 * Sources whose messages' text is not shown in the notifications list: records only some
 * users may read (character verification, BRIEF §6), whose SMS say where they stand.
 */
export const CONFIDENTIAL_NOTICE_SOURCES: ReadonlySet<string> = new Set(['verification_application']);
export const WITHHELD_BODY = '(withheld: the record is need-to-know)';

/** Where a queued message stands, for the module that caused it. */
export interface NotificationState {
  id: string;
  status: NotificationStatus;
  failure: NotificationFailure | null;
  lastError: string | null;
  parts: number | null;
}

function blocksToText(blocks: Block[]): string {
  return blocks
    .map((b) => ('text' in b ? b.text : b.kind === 'list' ? b.items.map((i) => `- ${i}`).join('\n') : ''))
    .filter(Boolean)
    .join('\n');
}

/** Why an SMS cannot go to this recipient at all, or null when it can. */
export function smsRecipientProblem(to: string): string | null {
  return INDIAN_MOBILE.test(to.trim()) ? null : 'not a 10-digit Indian mobile number; not sent';
}

/** The notify port: messages are rendered from bilingual templates and queued with the change. */
@Injectable()
export class NotifyService {
  private readonly logger = new Logger('Notify');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(TemplateStore) private readonly templates: TemplateStore,
  ) {}

  render(template: string, language: 'hi' | 'en' | 'bi', vars: Record<string, string>): string {
    const langs = language === 'bi' ? (['hi', 'en'] as const) : ([language] as const);
    return langs.map((l) => blocksToText(this.templates.render('messages', template, l, vars).blocks)).join('\n\n');
  }

  /**
   * The text as it is sent. An SMS is kept in GSM-7 when only typographic quotes or dashes stood
   * in the way, and fitted to the parts its template declares by shortening the placeholders the
   * declaration names (templates/README.md); `parts` is what the network will count.
   */
  compose(req: Pick<MessageRequest, 'channel' | 'template' | 'language' | 'vars'>): { body: string; parts: number | null } {
    if (req.channel !== 'SMS') return { body: this.render(req.template, req.language, req.vars), parts: null };
    const render = (vars: Readonly<Record<string, string>>) => preferGsm7(this.render(req.template, req.language, { ...vars }));
    const sms = this.templates.declarationOf('messages', req.template).sms;
    if (!sms?.maxParts) {
      const body = render(req.vars);
      return { body, parts: smsSize(body).parts };
    }
    const fitted = fitSms(render, req.vars, { maxParts: sms.maxParts, shrink: sms.shrink ?? [], belowMinimum: true });
    if (!fitted.fits)
      this.logger.warn(`SMS ${req.template} (${req.language}) takes ${fitted.size.parts} parts, over its ${sms.maxParts}, even shortened`);
    return { body: fitted.text, parts: fitted.size.parts };
  }

  /**
   * Queues a message inside the caller's transaction; the notify worker sends it after commit.
   * An SMS to something that is no mobile number is kept as FAILED (INVALID_NUMBER) at once, so
   * the record that caused it can say who was not told and why.
   */
  async send(em: EntityManager, req: MessageRequest): Promise<Notification> {
    if (!em.queryRunner?.isTransactionActive) throw new Error('NotifyService.send must be called inside a transaction');
    const { body, parts } = this.compose(req);
    const problem = req.channel === 'SMS' ? smsRecipientProblem(req.to) : null;
    return em.save(
      em.create(Notification, {
        channel: req.channel,
        recipient: req.to,
        template: req.template,
        language: req.language,
        body,
        parts,
        sourceType: req.sourceType,
        sourceId: req.sourceId,
        status: problem ? 'FAILED' : 'PENDING',
        failure: problem ? 'INVALID_NUMBER' : null,
        lastError: problem,
        attempts: 0,
      }),
    );
  }

  /** Where each of these messages stands now (sent, waiting, failed and why). */
  async states(ids: readonly string[], em: EntityManager = this.dataSource.manager): Promise<Map<string, NotificationState>> {
    if (ids.length === 0) return new Map();
    const rows = await em.getRepository(Notification).find({
      where: { id: In([...new Set(ids)]) },
      select: { id: true, status: true, failure: true, lastError: true, parts: true },
    });
    return new Map(rows.map((n) => [n.id, { id: n.id, status: n.status, failure: n.failure, lastError: n.lastError, parts: n.parts }]));
  }

  /**
   * For admins (the development sink) and the record's own page; recipients are masked, and the
   * text of a message about a need-to-know record is withheld (an admin may not read the record,
   * so not its outcome in an SMS either).
   */
  async list(f: { sourceType?: string; sourceId?: string; limit: number }) {
    const q = this.dataSource.getRepository(Notification).createQueryBuilder('n').orderBy('n.created_at', 'DESC').take(f.limit);
    if (f.sourceType) q.andWhere('n.source_type = :t', { t: f.sourceType });
    if (f.sourceId) q.andWhere('n.source_id = :i', { i: f.sourceId });
    return (await q.getMany()).map((n) => ({
      ...n,
      recipient: maskRecipient(n.recipient),
      body: CONFIDENTIAL_NOTICE_SOURCES.has(n.sourceType) ? WITHHELD_BODY : n.body,
      statusText: NOTIFICATION_STATUS_TEXT[n.status],
    }));
  }

  /** Messages not (yet) sent, for the control room's dashboard: waiting, given up, and kept by the development sink. */
  async unsent(): Promise<{ pending: number; failed: number; keptInSink: number; oldestPendingAt: Date | null }> {
    const [row]: Array<{ pending: number; failed: number; kept: number; oldest: Date | null }> = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'PENDING')::int AS pending,
              count(*) FILTER (WHERE status = 'FAILED')::int AS failed,
              count(*) FILTER (WHERE status = 'KEPT_IN_SINK')::int AS kept,
              min(created_at) FILTER (WHERE status = 'PENDING') AS oldest
         FROM notification
        WHERE status IN ('PENDING', 'FAILED', 'KEPT_IN_SINK')`,
    );
    return { pending: row!.pending, failed: row!.failed, keptInSink: row!.kept, oldestPendingAt: row!.oldest };
  }
}
