import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Block } from '../documents/pdf';
import { TemplateStore } from '../documents/templates';
import { maskRecipient, Notification, NotificationChannel, NOTIFICATION_STATUS_TEXT } from './notification.entity';

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

function blocksToText(blocks: Block[]): string {
  return blocks
    .map((b) => ('text' in b ? b.text : b.kind === 'list' ? b.items.map((i) => `- ${i}`).join('\n') : ''))
    .filter(Boolean)
    .join('\n');
}

/** The notify port: messages are rendered from bilingual templates and queued with the change. */
@Injectable()
export class NotifyService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(TemplateStore) private readonly templates: TemplateStore,
  ) {}

  render(template: string, language: 'hi' | 'en' | 'bi', vars: Record<string, string>): string {
    const langs = language === 'bi' ? (['hi', 'en'] as const) : ([language] as const);
    return langs.map((l) => blocksToText(this.templates.render('messages', template, l, vars).blocks)).join('\n\n');
  }

  /** Queues a message inside the caller's transaction; the notify worker sends it after commit. */
  async send(em: EntityManager, req: MessageRequest): Promise<Notification> {
    if (!em.queryRunner?.isTransactionActive) throw new Error('NotifyService.send must be called inside a transaction');
    return em.save(
      em.create(Notification, {
        channel: req.channel,
        recipient: req.to,
        template: req.template,
        language: req.language,
        body: this.render(req.template, req.language, req.vars),
        sourceType: req.sourceType,
        sourceId: req.sourceId,
        status: 'PENDING',
        attempts: 0,
      }),
    );
  }

  /** For admins (the development sink) and the record's own page; recipients are masked. */
  async list(f: { sourceType?: string; sourceId?: string; limit: number }) {
    const q = this.dataSource.getRepository(Notification).createQueryBuilder('n').orderBy('n.created_at', 'DESC').take(f.limit);
    if (f.sourceType) q.andWhere('n.source_type = :t', { t: f.sourceType });
    if (f.sourceId) q.andWhere('n.source_id = :i', { i: f.sourceId });
    return (await q.getMany()).map((n) => ({ ...n, recipient: maskRecipient(n.recipient), statusText: NOTIFICATION_STATUS_TEXT[n.status] }));
  }
}
