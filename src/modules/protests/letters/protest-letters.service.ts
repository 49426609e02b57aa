import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { UsersService } from '../../../platform/auth';
import { Actor } from '../../../platform/context';
import { Change, Drawing } from '../../../platform/change';
import { DocumentsService, DrawnPaper, TemplateStore } from '../../../platform/documents';
import { eofficeFields, RecordSync, SyncStateService } from '../../../platform/eoffice';
import { fieldError } from '../../../platform/http';
import { Unit } from '../../../platform/units';
import { ProtestRecords } from '../application/protest-records';
import { ProtestApplication } from '../entities/protest-application.entity';
import { LETTER_KINDS, LetterKind, ProtestLetter } from '../entities/protest-letter.entity';
import { ProtestVenue } from '../entities/protest-venue.entity';
import { EVENT_TYPES } from '../event-types';
import { formatIstDateTime } from '../../../platform/time';
import { PROTEST_SOURCE } from '../protest-source';
import { composeLetter } from './letter-content';
import { letterPublicFacts } from './letter-facts';

/** A decision letter drawn before its transaction. */
export interface DrawnLetter {
  kind: LetterKind;
  title: string;
  paper: DrawnPaper;
  place: string;
  thanaCode: string;
}

/** Document kinds (see document-kinds.ts) and e-Office kinds of the three letters. */
export const LETTER_DOCUMENT_KIND: Record<LetterKind, string> = {
  PERMISSION: 'PROTEST_PERMISSION',
  REFUSAL: 'PROTEST_REFUSAL',
  REVOCATION: 'PROTEST_REVOCATION',
};

/**
 * Decision letters: rendered as a bilingual PDF with a verify QR, stored immutably, and sent
 * to e-Office through the outbox, all in the decision's own transaction. A letter issued while
 * e-Office is down says PENDING_SYNC until its own outbox item is diarised (see SyncStateService).
 */
@Injectable()
export class ProtestLetters {
  constructor(
    private readonly dataSource: DataSource,
    private readonly documents: DocumentsService,
    private readonly sync: SyncStateService,
    private readonly users: UsersService,
    private readonly records: ProtestRecords,
    @Inject(TemplateStore) private readonly templates: TemplateStore,
  ) {}

  /** Draws a decision letter outside any transaction, from the application in its new state. */
  async draw(d: Drawing, kind: LetterKind, app: ProtestApplication, actor: Actor): Promise<DrawnLetter> {
    const venue = app.venueId ? await d.em.findOneOrFail(ProtestVenue, { where: { id: app.venueId } }) : null;
    const thana = await d.em.findOneOrFail(Unit, { where: { id: app.thanaUnitId } });
    const signer = await this.users.get(actor.id);
    const { title, blocks } = composeLetter(this.templates, kind, {
      app,
      venue,
      thana,
      signer: { nameHi: signer.displayNameHi, nameEn: signer.displayNameEn },
    });
    const paper = await d.paper({
      kind: LETTER_DOCUMENT_KIND[kind],
      language: 'bi',
      title,
      sourceType: PROTEST_SOURCE,
      sourceId: app.id,
      sourceRef: app.ref,
      variant: kind.toLowerCase(),
      issuingUnitId: actor.unitId,
      // The decision's own time, so the same decision always renders the same bytes.
      issuedAt: (kind === 'REVOCATION' ? app.revokedAt : app.decidedAt) ?? new Date(),
      reference: app.ref,
      publicFacts: letterPublicFacts({ app, venue, thana }),
      blocks,
    });
    return { kind, title, paper, place: venue?.nameEn ?? (app.route ?? []).map((p) => p.name).join(' → '), thanaCode: thana.code };
  }

  /** Stores the letter with its decision and sends it to e-Office through the outbox. */
  async store(change: Change, app: ProtestApplication, letter: DrawnLetter): Promise<ProtestLetter> {
    const doc = await change.storePaper(letter.paper);
    const documentKind = LETTER_DOCUMENT_KIND[letter.kind];
    const item = await change.toEoffice({
      sourceType: PROTEST_SOURCE,
      sourceId: app.id,
      sourceRef: app.ref,
      kind: documentKind,
      subject: `${letter.title}: ${EVENT_TYPES[app.eventType].en}, ${letter.place}, ${formatIstDateTime(app.startsAt)}`,
      metadata: { applicationRef: app.ref, letter: letter.kind, eventType: app.eventType, startsAt: app.startsAt.toISOString(), thana: letter.thanaCode },
      documentId: doc.id,
    });
    const { em } = change;
    return em.save(em.create(ProtestLetter, { applicationId: app.id, kind: letter.kind, documentId: doc.id, outboxId: item.id }));
  }

  /** A permission that no longer holds (revoked, or the event called off) reads "revoked" on /verify. */
  async voidPermission(change: Change, applicationId: string, reason: string): Promise<void> {
    const letter = await change.em.findOne(ProtestLetter, { where: { applicationId, kind: 'PERMISSION' } });
    if (letter) await change.revokePaper(letter.documentId, reason);
  }

  /** Letters of one application, each with where its own item stands in e-Office and its public verify link. */
  async forApplication(applicationId: string, em: EntityManager = this.dataSource.manager) {
    const sync = await this.sync.forRecord(PROTEST_SOURCE, applicationId, em);
    const letters = await em.find(ProtestLetter, { where: { applicationId }, order: { createdAt: 'ASC' } });
    return { sync: sync.summary, letters: letters.map((l) => this.withSync(l, sync)) };
  }

  private withSync(letter: ProtestLetter, sync: RecordSync) {
    const item = sync.items.find((i) => i.outboxId === letter.outboxId);
    return { ...letter, ...eofficeFields(item), verifyUrl: this.documents.verifyUrl(letter.documentId) };
  }

  /** The PDF of one of an application's letters, if the actor may see the application. */
  async pdf(actor: Actor, applicationId: string, kind: string): Promise<{ filename: string; sha256: string; bytes: Buffer }> {
    const wanted = kind.toUpperCase() as LetterKind;
    if (!LETTER_KINDS.includes(wanted)) throw fieldError('kind', `kind must be one of ${LETTER_KINDS.map((k) => k.toLowerCase()).join(', ')}`);
    const app = await this.records.find(this.dataSource.manager, actor, applicationId);
    const letter = await this.dataSource.getRepository(ProtestLetter).findOne({ where: { applicationId: app.id, kind: wanted } });
    if (!letter) throw new NotFoundException(`${app.ref} has no ${wanted.toLowerCase()} letter`);
    const { doc, bytes } = await this.documents.bytes(letter.documentId);
    return { filename: `${app.ref.replace(/\//g, '-')}-${wanted.toLowerCase()}.pdf`, sha256: doc.sha256, bytes };
  }
}
