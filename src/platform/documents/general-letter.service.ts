import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Actor } from '../context/request-context';
import { UnitOfWork } from '../change/unit-of-work';
import { DocumentsService } from './documents.service';
import { GeneralLetterDto } from './general-letter.dto';
import { Block } from './pdf';
import { TemplateStore } from './templates';

/**
 * The sample paper that exercises the whole engine (template, letterhead, reference, QR,
 * signature, storage, verify), so it can be tried before any domain module issues papers.
 */
@Injectable()
export class GeneralLetterService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly documents: DocumentsService,
    private readonly templates: TemplateStore,
  ) {}

  async issue(actor: Actor, dto: GeneralLetterDto) {
    const languages = dto.language === 'bi' ? (['hi', 'en'] as const) : ([dto.language] as const);
    const vars = { recipient: dto.recipient, subject: dto.subject, body: dto.body };
    const parts = languages.map((lang) => this.templates.render('letters', 'general-letter', lang, vars));
    const blocks: Block[] = parts.flatMap((p, i) => [
      ...(i > 0 ? [{ kind: 'spacer' as const, height: 18 }] : []),
      ...(p.title && parts.length > 1 ? [{ kind: 'heading' as const, text: p.title, level: 2 as const }] : []),
      ...p.blocks,
    ]);
    blocks.push({ kind: 'signature', nameEn: actor.username, designation: 'For Commissioner of Police, Bhopal / कृते पुलिस आयुक्त, भोपाल' });
    const issuedAt = new Date();
    const sourceId = randomUUID();
    return this.uow.run({
      // The letter prints its own number: drawn with the number expected, redrawn if another took it.
      draw: async (d) => {
        const reference = await d.expectReference('GEN', issuedAt);
        const paper = await d.paper({
          kind: 'GENERAL_LETTER',
          language: dto.language,
          title: parts.map((p) => p.title ?? 'Letter').join(' / '),
          sourceType: 'general_letter',
          sourceId,
          sourceRef: reference,
          variant: 'original',
          issuingUnitId: actor.unitId,
          issuedAt,
          reference,
          blocks,
        });
        return { reference, paper };
      },
      write: async (change, { reference, paper }) => {
        await change.takeReference('GEN', issuedAt);
        const doc = await change.storePaper(paper);
        return { id: doc.id, reference, sha256: doc.sha256, pageCount: doc.pageCount, verifyUrl: this.documents.verifyUrl(doc.id) };
      },
    });
  }
}
