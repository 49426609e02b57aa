import { Injectable, NotFoundException } from '@nestjs/common';
import { Inject } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit';
import { UsersService } from '../../platform/auth';
import { UnitOfWork } from '../../platform/change';
import { Actor } from '../../platform/context';
import { Block, DocumentsService, TemplateStore } from '../../platform/documents';
import { leavesByWire } from '../../platform/eoffice';
import { assertVersion } from '../../platform/http';
import { CLOCK, Clock, formatIstDate } from '../../platform/time';
import { UnitsService } from '../../platform/units';
import { isGraded } from './dak-access';
import { DakReplyDto } from './dak-actions.dto';
import { DakActions } from './dak-actions.service';
import { DakDetail, DakRecords } from './dak-records.service';
import { DAK_SOURCE } from './dak-terms';
import { DakReceipt } from './entities/dak-receipt.entity';
import { DakReply } from './entities/dak-reply.entity';

/** The reply's own number: `DAK-OUT/<year>/<6 digits>`. */
export const DAK_REPLY_PREFIX = 'DAK-OUT';
export const DAK_REPLY_DOCUMENT_KIND = 'DAK_REPLY';

const dmy = (isoDate: string) => isoDate.split('-').reverse().join('-');

/** "77/BTA/2026 dated 28-11-2026", in each language, from what the letter bears (else when it came). */
function theirLetter(d: DakReceipt, lang: 'hi' | 'en'): string {
  const dated = d.letterDate ? dmy(d.letterDate) : formatIstDate(d.receivedAt);
  const word = lang === 'hi' ? 'दिनांक' : 'dated';
  return d.letterNo ? `${d.letterNo} ${word} ${dated}` : `${word} ${dated}`;
}

/**
 * Replies: an outward letter through the documents engine (the `dak/dak-reply` template in Hindi
 * and English, the reply's own number, its verify QR), stored and sent to e-Office (kind
 * DAK_REPLY, the item's grading, the PDF attached) in the change that records the reply step.
 * A graded item's reply is a confidential paper: only this module serves it, under the item's
 * need-to-know. A Top Secret item's reply is drawn and kept, never sent by wire.
 */
@Injectable()
export class DakReplies {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly records: DakRecords,
    private readonly actions: DakActions,
    private readonly documents: DocumentsService,
    private readonly users: UsersService,
    private readonly units: UnitsService,
    private readonly audit: AuditService,
    @Inject(TemplateStore) private readonly templates: TemplateStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async reply(actor: Actor, id: string, dto: DakReplyDto): Promise<DakDetail> {
    const now = this.clock.now();
    const d = await this.uow.run({
      // The letter prints its own number: drawn with the number expected, redrawn if another took it.
      draw: async (drawing) => {
        const dak = await this.records.find(drawing.em, actor, id);
        const ref = await drawing.expectReference(DAK_REPLY_PREFIX, now);
        const subject = dto.subject ?? `Reply: ${dak.subject}`.slice(0, 500);
        const paper = await drawing.paper({
          kind: DAK_REPLY_DOCUMENT_KIND,
          language: 'bi',
          title: 'उत्तर / Reply',
          sourceType: DAK_SOURCE,
          sourceId: dak.id,
          sourceRef: ref,
          variant: ref,
          issuingUnitId: actor.unitId,
          issuedAt: now,
          reference: ref,
          confidential: isGraded(dak.grading),
          publicFacts: isGraded(dak.grading)
            ? []
            : [{ key: 'inReplyTo', label: { en: 'In reply to diary no.', hi: 'उत्तर, डायरी क्रमांक' }, value: { en: dak.ref, hi: dak.ref } }],
          blocks: await this.blocks(drawing.em, actor, dak, dto, subject),
        });
        return { ref, paper, subject, grading: dak.grading };
      },
      write: async (change, drawn) => {
        const dak = await this.records.find(change.em, actor, id, true);
        assertVersion(`Dak ${dak.ref}`, dak.version, dto.version);
        // The paper printed the item's grading as it was read; a change meanwhile means drawing it again.
        if (dak.grading !== drawn.grading) change.redraw();
        await this.actions.transition(actor, change, dak, 'reply', now, async () => {
          const ref = await change.takeReference(DAK_REPLY_PREFIX, now);
          const doc = await change.storePaper(drawn.paper);
          const item = leavesByWire(dak.grading)
            ? await change.toEoffice({
                sourceType: DAK_SOURCE,
                sourceId: dak.id,
                sourceRef: ref,
                kind: 'DAK_REPLY',
                subject: drawn.subject,
                grading: dak.grading,
                metadata: { inReplyTo: dak.ref, recipient: dto.recipient },
                documentId: doc.id,
              })
            : null;
          const reply = change.em.create(DakReply, {
            receiptId: dak.id,
            ref,
            recipient: dto.recipient,
            subject: drawn.subject,
            body: dto.body,
            documentId: doc.id,
            outboxId: item?.id ?? null,
            createdBy: actor.id,
          });
          await change.em.insert(DakReply, reply);
          return { note: ref, audit: { reply: ref, documentId: doc.id, sentToEoffice: item !== null } };
        });
        return dak;
      },
    });
    return this.records.detail(actor, d);
  }

  /** The reply's PDF: the item's need-to-know (else 404), the read of a graded item's reply audited. */
  async pdf(actor: Actor, receiptId: string, replyId: string): Promise<{ filename: string; sha256: string; bytes: Buffer }> {
    const dak = await this.records.find(this.dataSource.manager, actor, receiptId);
    const reply = await this.dataSource.getRepository(DakReply).findOne({ where: { id: replyId, receiptId: dak.id } });
    if (!reply) throw new NotFoundException(`Reply ${replyId} not found on ${dak.ref}`);
    const { doc, bytes } = await this.documents.bytes(reply.documentId);
    if (isGraded(dak.grading))
      await this.audit.recordAlone({ action: 'dak.reply_downloaded', entityType: DAK_SOURCE, entityId: dak.id, diff: { ref: dak.ref, reply: reply.ref, grading: dak.grading } });
    return { filename: `${reply.ref.replace(/\//g, '-')}.pdf`, sha256: doc.sha256, bytes };
  }

  private async blocks(em: EntityManager, actor: Actor, dak: DakReceipt, dto: DakReplyDto, subject: string): Promise<Block[]> {
    const parts = (['hi', 'en'] as const).map((lang) =>
      this.templates.render('dak', 'dak-reply', lang, { recipient: dto.recipient, subject, theirLetter: theirLetter(dak, lang), diaryNo: dak.ref, body: dto.body }),
    );
    const user = await this.users.get(actor.id);
    const [unit] = await this.units.byIds([actor.unitId], em);
    const grading = dak.grading === 'NORMAL' ? [] : [{ kind: 'paragraph' as const, text: `${GRADING_WORDS[dak.grading]}` }];
    return [
      ...grading,
      ...parts[0]!.blocks,
      { kind: 'spacer', height: 18 },
      { kind: 'heading', level: 2, text: parts[1]!.title ?? 'Reply' },
      ...parts[1]!.blocks,
      { kind: 'signature', nameHi: user.displayNameHi, nameEn: user.displayNameEn, designation: `${unit!.nameHi}\n${unit!.nameEn}` },
    ];
  }
}

const GRADING_WORDS: Record<string, string> = {
  CONFIDENTIAL: 'गोपनीय / CONFIDENTIAL',
  SECRET: 'गुप्त / SECRET',
  TOP_SECRET: 'परम गुप्त / TOP SECRET',
};
