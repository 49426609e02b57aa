import { GoneException, Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { Clock, CLOCK } from '../time/clock';
import { AuditChainer } from '../audit/audit-chainer';
import { AuditedWrite, AuditService } from '../audit/audit.service';
import { TransactionService } from '../database/transaction.service';
import { RequestContext } from '../context/request-context';
import type { DiarisationDocument } from '../eoffice/gateway';
import { OutboxDocumentLoader } from '../eoffice/outbox/outbox-documents';
import { ROOT_UNIT } from '../units/root-unit';
import { Unit } from '../units/unit.entity';
import { isConfidentialKind, isModuleOnlyKind, isPersonalKind } from './document-kinds';
import { documentIdFor, DocumentSigner } from './document-signer';
import { DocumentLanguage, DocumentStatus, DrawnDocument, isDrawn, IssuedDocument, PublicFact, StoredDrawing } from './issued-document.entity';
import { Block, renderPdfDocument } from './pdf';

export const DOCUMENT_SIGNER = Symbol('DOCUMENT_SIGNER');

export interface IssueRequest {
  kind: string;
  language: DocumentLanguage;
  title: string;
  /** "Revision 2", shown on the verify page; optional. */
  label?: string;
  /** The record the paper belongs to. */
  sourceType: string;
  sourceId: string;
  sourceRef: string;
  /** Distinguishes papers of one record (e.g. `rev-2`, `refusal`). Same variant → same document. */
  variant: string;
  issuingUnitId: string;
  /** The record's own time (decision, revision), so re-rendering gives the same bytes. */
  issuedAt: Date;
  reference?: string;
  /**
   * The instant the paper stops being valid (print it on the paper too): from then on the
   * verify page answers "expired". Absent: valid until revoked or superseded.
   */
  validUntil?: Date;
  /**
   * What the public verify page may show, so a checker can tie the QR to the paper in hand:
   * the facts printed on it that name no person (a protest's date and venue, a duty's date and
   * post). Stored with the paper and as immutable as its bytes; never shown for a confidential
   * paper, whose page says only that it is a valid paper of its unit.
   */
  publicFacts?: PublicFact[];
  blocks: Block[];
  landscape?: boolean;
  /**
   * Issue the paper now (its record, id, verify link and status) and draw its bytes on its
   * first read, from the request stored with it: for papers issued by the thousand that most
   * will read once, if ever (a Diwali publish's duty slips). The bytes and hash are fixed by
   * that first read and immutable from then on. Store it with `storeUndrawn`, not `draw`.
   */
  drawOnFirstRead?: boolean;
  /** Need-to-know: only the owning module serves it (papers of a confidential kind always are). */
  confidential?: boolean;
}

/** An issued paper's bytes and what a download names it by. */
export interface StoredPaper {
  sha256: string;
  sourceRef: string;
  bytes: Buffer;
}

/** Memory for papers kept by `immutableBytes`: some 1,500 duty slips. */
const PAPER_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * Issues, stores and verifies papers. Every issued PDF carries a QR code with a signed verify
 * link, and is kept with its sha256 so an uploaded copy can be checked byte for byte.
 */
@Injectable()
export class DocumentsService implements OutboxDocumentLoader {
  private readonly logger = new Logger('Documents');
  /** Papers read by `immutableBytes`, least recently used out first past PAPER_CACHE_BYTES. */
  private readonly paperCache = new LRUCache<string, StoredPaper>({ maxSize: PAPER_CACHE_BYTES, sizeCalculation: (p) => p.bytes.length + 200 });

  /** First reads of undrawn papers under way in this process: a rush on one slip draws it once. */
  private readonly drawingNow = new Map<string, Promise<void>>();

  constructor(
    private readonly dataSource: DataSource,
    @Inject(DOCUMENT_SIGNER) private readonly signer: DocumentSigner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly tx: TransactionService,
    private readonly auditLog: AuditService,
    private readonly chainer: AuditChainer,
  ) {}

  verifyUrl(documentId: string): string {
    return `${this.config.BASE_URL.replace(/\/$/, '')}/verify/${this.signer.token(documentId)}`;
  }

  /**
   * Renders a paper, outside any transaction: reading the issuing unit is the only database
   * work. The change then stores it with `store`; drawing the same paper twice gives the same bytes.
   */
  async draw(req: IssueRequest): Promise<DrawnPaper> {
    if (req.drawOnFirstRead) throw new Error(`${req.kind} ${req.sourceRef} is drawn on first read: store it with storeUndrawn`);
    const id = documentIdFor([req.kind, req.sourceType, req.sourceId, req.variant, req.language]);
    // Issued already (a retried job, a repeated download): nothing to render.
    if (await this.dataSource.getRepository(IssuedDocument).existsBy({ id })) return { id, request: req, rendered: null };
    return { id, request: req, rendered: await this.render(req, { id, qrUrl: this.verifyUrl(id) }) };
  }

  /**
   * The paper a change would issue, drawn as a draft to be looked at before deciding: the same
   * drawing, marked "DRAFT — not valid" on every page, with no QR and no document id, never
   * stored (`store` refuses it), so nothing on it verifies and the registry never hears of it.
   */
  async drawDraft(req: IssueRequest): Promise<DrawnPaper> {
    const id = documentIdFor([req.kind, req.sourceType, req.sourceId, req.variant, req.language]);
    return { id, request: req, rendered: await this.render(req, { id: `draft-${id}`, draft: true }), draft: true };
  }

  private async render(
    req: Pick<IssueRequest, 'kind' | 'sourceRef' | 'issuingUnitId' | 'language' | 'title' | 'reference' | 'issuedAt' | 'blocks' | 'landscape'>,
    as: { id: string; qrUrl?: string; draft?: boolean },
  ): Promise<NonNullable<DrawnPaper['rendered']>> {
    const unit = await this.dataSource.getRepository(Unit).findOneOrFail({ where: { id: req.issuingUnitId } });
    const { pdf, sha256, pageCount, coverage } = await renderPdfDocument({
      language: req.language,
      title: req.title,
      letterhead: {
        unitHi: unit.nameHi,
        unitEn: unit.nameEn,
        ...(unit.code === ROOT_UNIT.code ? {} : { lines: [`${ROOT_UNIT.nameHi} / ${ROOT_UNIT.nameEn}`] }),
      },
      ...(req.reference ? { reference: req.reference } : {}),
      issuedAt: req.issuedAt,
      blocks: req.blocks,
      ...(as.qrUrl ? { qrUrl: as.qrUrl } : {}),
      ...(as.draft ? { draft: true } : {}),
      documentId: as.id,
      ...(req.landscape ? { pageSize: 'A4-landscape' as const } : {}),
    });
    if (coverage.unsupported.length > 0 || coverage.notdefGlyphs > 0) {
      // Printed as '?' (copy still gives the character): a script the fonts do not cover.
      this.logger.warn(`${req.kind} ${req.sourceRef}: no glyph for ${coverage.unsupported.join(', ')}${coverage.notdefGlyphs ? `; ${coverage.notdefGlyphs} .notdef glyphs` : ''}`);
    }
    return { pdf, sha256, pageCount };
  }

  /** Stores a drawn paper in the change's transaction; storing the same paper again returns the first. */
  async store(change: AuditedWrite, paper: DrawnPaper): Promise<DrawnDocument> {
    if (paper.draft) throw new Error(`document ${paper.id} was drawn as a draft and cannot be issued`);
    const existing = await change.em.findOne(IssuedDocument, { where: { id: paper.id } });
    if (existing && isDrawn(existing)) return existing;
    if (!paper.rendered) throw new Error(`document ${paper.id} was drawn as issued but is not stored`);
    if (existing) throw new Error(`document ${paper.id} was issued to be drawn on first read; read it instead of drawing it again`);
    const { pdf, sha256, pageCount } = paper.rendered;
    const doc = this.newRecord(change, paper.id, paper.request, { bytes: pdf, sha256, sizeBytes: pdf.length, pageCount });
    await change.em.insert(IssuedDocument, doc);
    return doc as DrawnDocument;
  }

  /**
   * Issues papers to be drawn on their first read (`IssueRequest.drawOnFirstRead`), in the
   * change's transaction: their records, ids and verify links now, their bytes later. Nothing
   * is rendered and the new ones go in one insert, so a publish issues thousands in seconds.
   * A paper issued before is returned as it is; the result is in the order of the requests.
   */
  async storeUndrawn(change: AuditedWrite, requests: readonly IssueRequest[]): Promise<IssuedDocument[]> {
    const ids = requests.map((req) => {
      if (!req.drawOnFirstRead) throw new Error(`${req.kind} ${req.sourceRef} is drawn at issue: draw it, then store it`);
      return documentIdFor([req.kind, req.sourceType, req.sourceId, req.variant, req.language]);
    });
    const existing = new Map(
      (await change.em.find(IssuedDocument, { where: { id: In(ids) } })).map((d) => [d.id, d] as const),
    );
    const fresh = new Map<string, IssuedDocument>();
    requests.forEach((req, i) => {
      const id = ids[i]!;
      if (existing.has(id) || fresh.has(id)) return;
      const drawing: StoredDrawing = {
        title: req.title,
        language: req.language,
        ...(req.reference ? { reference: req.reference } : {}),
        blocks: req.blocks,
        ...(req.landscape ? { landscape: true } : {}),
        qrUrl: this.verifyUrl(id),
      };
      fresh.set(id, this.newRecord(change, id, req, { drawing }));
    });
    if (fresh.size > 0) await change.em.insert(IssuedDocument, [...fresh.values()]);
    return ids.map((id) => existing.get(id) ?? fresh.get(id)!);
  }

  /** A new paper's row, to insert, with its `document.issued` audit entry added to the change. */
  private newRecord(
    change: AuditedWrite,
    id: string,
    req: IssueRequest,
    content: { bytes: Buffer; sha256: string; sizeBytes: number; pageCount: number } | { drawing: StoredDrawing },
  ): IssuedDocument {
    if (req.validUntil && req.validUntil.getTime() <= req.issuedAt.getTime())
      throw new Error(`document ${id}: valid until ${req.validUntil.toISOString()} is not after its issue`);
    const drawn = 'bytes' in content;
    const doc = change.em.create(IssuedDocument, {
      id,
      kind: req.kind,
      language: req.language,
      title: req.title,
      label: req.label ?? null,
      confidential: req.confidential === true || isConfidentialKind(req.kind),
      sourceType: req.sourceType,
      sourceId: req.sourceId,
      sourceRef: req.sourceRef,
      reference: req.reference ?? null,
      publicFacts: req.publicFacts ?? null,
      variant: req.variant,
      issuedBy: RequestContext.get().actor?.id ?? null,
      issuingUnitId: req.issuingUnitId,
      issuedAt: req.issuedAt,
      validUntil: req.validUntil ?? null,
      ...(drawn ? content : { sha256: null, sizeBytes: null, pageCount: null, bytes: null, drawing: content.drawing }),
      status: 'VALID',
    });
    change.audit({
      action: 'document.issued',
      entityType: req.sourceType,
      entityId: req.sourceId,
      diff: {
        documentId: id,
        kind: req.kind,
        language: req.language,
        // An undrawn paper's hash is audited when its first read draws it (`document.drawn`).
        ...(drawn ? { sha256: content.sha256 } : { drawn: 'on first read' }),
        variant: req.variant,
        ...(req.validUntil ? { validUntil: req.validUntil.toISOString() } : {}),
      },
    });
    return doc;
  }

  /**
   * Draws a paper issued undrawn, once: renders it from the drawing stored at issue (so the
   * same bytes whenever and wherever it is drawn), writes the bytes and hash where none are
   * yet (an instance drawing it at the same moment writes nothing), and audits the hash.
   * A no-op for a drawn paper.
   */
  private async drawStored(doc: IssuedDocument): Promise<DrawnDocument> {
    if (isDrawn(doc)) return doc;
    if (doc.purgedAt) throw purgedError(doc.id, doc.purgedAt);
    let drawing = this.drawingNow.get(doc.id);
    if (!drawing) {
      drawing = this.drawAndWrite(doc).finally(() => this.drawingNow.delete(doc.id));
      this.drawingNow.set(doc.id, drawing);
    }
    await drawing;
    const drawn = await this.dataSource.getRepository(IssuedDocument).findOneOrFail({ where: { id: doc.id } });
    if (!isDrawn(drawn)) throw new Error(`document ${doc.id} was drawn but its bytes were not written`);
    return drawn;
  }

  private async drawAndWrite(doc: IssuedDocument): Promise<void> {
    const rows: Array<{ drawing: StoredDrawing | null }> = await this.dataSource.query(
      'SELECT drawing FROM issued_document WHERE id = $1 AND bytes IS NULL AND purged_at IS NULL',
      [doc.id],
    );
    const drawing = rows[0]?.drawing;
    if (!drawing) return; // drawn meanwhile
    const { pdf, sha256, pageCount } = await this.render(
      { ...drawing, kind: doc.kind, sourceRef: doc.sourceRef, issuingUnitId: doc.issuingUnitId, issuedAt: doc.issuedAt },
      { id: doc.id, qrUrl: drawing.qrUrl },
    );
    const written = await this.tx.run(async (em) => {
      const [, count]: [unknown, number] = await em.query(
        `UPDATE issued_document SET bytes = $2, sha256 = $3, size_bytes = $4, page_count = $5 WHERE id = $1 AND bytes IS NULL AND purged_at IS NULL`,
        [doc.id, pdf, sha256, pdf.length, pageCount],
      );
      if (count === 1)
        await this.auditLog.record(em, {
          action: 'document.drawn',
          entityType: doc.sourceType,
          entityId: doc.sourceId,
          diff: { documentId: doc.id, kind: doc.kind, sha256, sizeBytes: pdf.length },
        });
      return count === 1;
    });
    if (written) this.chainer.poke();
  }

  /** Marks older papers of a record superseded by a newer one (e.g. revision N by N+1). */
  async supersede(change: AuditedWrite, oldId: string, newId: string): Promise<void> {
    await change.em.update(IssuedDocument, { id: oldId, status: 'VALID' }, { status: 'SUPERSEDED', supersededBy: newId, statusChangedAt: new Date() });
    change.audit({ action: 'document.superseded', entityType: 'issued_document', entityId: oldId, diff: { supersededBy: newId } });
  }

  async revoke(change: AuditedWrite, id: string, reason: string): Promise<void> {
    await change.em.update(IssuedDocument, { id }, { status: 'REVOKED', revokedReason: reason, statusChangedAt: new Date() });
    change.audit({ action: 'document.revoked', entityType: 'issued_document', entityId: id, diff: { reason } });
  }

  /** A paper's record; one issued undrawn is drawn first, so its hash is there to show. */
  async get(id: string): Promise<DrawnDocument> {
    const doc = await this.dataSource.getRepository(IssuedDocument).findOne({ where: { id } });
    if (!doc) throw new NotFoundException(`Document ${id} not found`);
    return this.drawStored(doc);
  }

  /**
   * A paper for the generic registry routes (`/documents/:id`): a confidential one is "not
   * found" there, for everyone, so that its owner's access rules and access log cannot be
   * walked around.
   */
  async getOpen(id: string): Promise<DrawnDocument> {
    return openOnly(await this.get(id));
  }

  /** `bytes` for the registry routes: confidential papers are "not found". */
  async openBytes(id: string): Promise<{ doc: DrawnDocument; bytes: Buffer }> {
    const found = await this.bytes(id);
    openOnly(found.doc);
    return found;
  }

  /**
   * A record's papers (without their bytes) by variant; `status` or `variant` narrow the list.
   * A paper issued undrawn is drawn first, which cannot happen inside a transaction (`em`):
   * there, such a paper is a programming error, not something to list half-made.
   */
  async ofSource(
    sourceType: string,
    sourceId: string,
    only: { status?: DocumentStatus; variant?: string } = {},
    em?: EntityManager,
  ): Promise<DrawnDocument[]> {
    const docs = await (em ?? this.dataSource.manager).find(IssuedDocument, {
      where: { sourceType, sourceId, ...only },
      order: { variant: 'ASC' },
    });
    if (!em) return Promise.all(docs.map((d) => this.drawStored(d)));
    const undrawn = docs.find((d) => !isDrawn(d));
    if (undrawn) throw new Error(`document ${undrawn.id} is not drawn yet; list ${sourceType} papers outside a transaction`);
    return docs as DrawnDocument[];
  }

  async bytes(id: string): Promise<{ doc: DrawnDocument; bytes: Buffer }> {
    const found = await this.dataSource
      .getRepository(IssuedDocument)
      .createQueryBuilder('d')
      .addSelect('d.bytes')
      .where('d.id = :id', { id })
      .getOne();
    if (!found) throw new NotFoundException(`Document ${id} not found`);
    if (found.purgedAt) throw purgedError(id, found.purgedAt);
    if (isDrawn(found)) return { doc: found, bytes: found.bytes! };
    await this.drawStored(found);
    return this.bytes(id);
  }

  /**
   * A paper's bytes with what a download names it by, kept in memory once read: an issued
   * paper never changes (a trigger refuses it), so a cached copy cannot go stale, and a rush
   * of officers opening their slips is answered without reading the bytes again. Whether the
   * paper may still be given out (revoked, superseded, the slip cancelled) is for the caller
   * to check on every request.
   */
  async immutableBytes(id: string): Promise<StoredPaper> {
    const cached = this.paperCache.get(id);
    if (cached) return cached;
    const rows: Array<{ sha256: string | null; source_ref: string; bytes: Buffer | null; purged_at: Date | null }> = await this.dataSource.query(
      'SELECT sha256, source_ref, bytes, purged_at FROM issued_document WHERE id = $1',
      [id],
    );
    if (!rows[0]) throw new NotFoundException(`Document ${id} not found`);
    if (rows[0].purged_at) throw purgedError(id, rows[0].purged_at);
    const { sha256, source_ref: sourceRef, bytes } = rows[0];
    // Not drawn yet: `bytes` draws it (once) and reads what was written.
    const paper: StoredPaper =
      sha256 !== null && bytes !== null ? { sha256, sourceRef, bytes } : await this.bytes(id).then(({ doc, bytes: drawn }) => ({ sha256: doc.sha256, sourceRef, bytes: drawn }));
    this.paperCache.set(id, paper);
    return paper;
  }

  /** For the e-Office outbox: the PDF as an attachment. */
  async load(documentId: string): Promise<DiarisationDocument> {
    const { doc, bytes } = await this.bytes(documentId);
    return {
      filename: `${doc.sourceRef.replace(/[^A-Za-z0-9-]+/g, '-')}-${doc.kind.toLowerCase()}.pdf`,
      contentType: 'application/pdf',
      bytes,
      sha256: doc.sha256,
    };
  }

  /** The public check of a verify link: valid / expired / invalid / superseded / revoked. No personal data. */
  async verifyToken(token: string): Promise<VerifyOutcome> {
    const id = this.signer.verify(token);
    if (!id) return { status: 'invalid' };
    const doc = await this.dataSource.getRepository(IssuedDocument).findOne({ where: { id } });
    if (!doc) return { status: 'invalid' };
    return this.describe(doc.purgedAt ? doc : await this.drawStored(doc));
  }

  /** Does this file match, byte for byte, a paper we issued? */
  async matchUpload(bytes: Buffer): Promise<VerifyOutcome & { match: boolean; sha256: string }> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const doc = await this.dataSource.getRepository(IssuedDocument).findOne({ where: { sha256 } });
    if (!doc || !isDrawn(doc)) return { match: false, status: 'invalid', sha256 };
    return { match: true, ...(await this.describe(doc)), sha256 };
  }

  /**
   * What a checker needs to tie the paper in hand to its QR: the reference and the facts stored
   * at issue, and for a paper no longer in force, when and why. A confidential paper (need to
   * know: VIP papers, and those of a bandobast drafted from one) says only whose valid paper it is.
   */
  private async describe(doc: IssuedDocument): Promise<VerifyOutcome> {
    const unit = await this.dataSource.getRepository(Unit).findOneOrFail({ where: { id: doc.issuingUnitId } });
    const confidential = doc.confidential || isConfidentialKind(doc.kind);
    const outcome: VerifyOutcome = {
      status: verifyStatus(doc, this.clock.now()),
      documentId: doc.id,
      kind: doc.kind,
      label: doc.label,
      reference: doc.reference ?? doc.sourceRef,
      confidential,
      facts: confidential ? [] : (doc.publicFacts ?? []),
      issuingUnit: { en: unit.nameEn, hi: unit.nameHi },
      issuedAt: doc.issuedAt.toISOString(),
      ...(doc.sha256 ? { sha256: doc.sha256 } : {}),
      ...(doc.purgedAt ? { purgedAt: doc.purgedAt.toISOString() } : {}),
    };
    if (doc.validUntil) outcome.validUntil = doc.validUntil.toISOString();
    if (doc.status !== 'VALID') outcome.statusChangedAt = doc.statusChangedAt?.toISOString() ?? null;
    // A revocation's reason is an order's ground, not a person's data; a confidential paper's is withheld.
    if (doc.status === 'REVOKED') outcome.revokedReason = confidential || isPersonalKind(doc.kind) ? null : doc.revokedReason;
    if (doc.supersededBy) {
      const newer = await this.dataSource.getRepository(IssuedDocument).findOne({ where: { id: doc.supersededBy } });
      if (newer) outcome.supersededBy = { label: newer.label, issuedAt: newer.issuedAt.toISOString() };
    }
    return outcome;
  }
}

/**
 * What the verify page says of a paper at `now`: revoked and superseded as stored; a paper in
 * force whose validity has run out (`now` at or after `validUntil`) is expired.
 */
export function verifyStatus(
  doc: Pick<IssuedDocument, 'status' | 'validUntil'>,
  now: Date,
): 'valid' | 'expired' | 'superseded' | 'revoked' {
  if (doc.status === 'SUPERSEDED') return 'superseded';
  if (doc.status === 'REVOKED') return 'revoked';
  return doc.validUntil && now.getTime() >= doc.validUntil.getTime() ? 'expired' : 'valid';
}

function openOnly<D extends IssuedDocument>(doc: D): D {
  if (doc.confidential || isModuleOnlyKind(doc.kind)) throw new NotFoundException(`Document ${doc.id} not found`);
  return doc;
}

/** A rendered paper, not yet stored (`rendered` is null when the paper was issued before). */
export interface DrawnPaper {
  id: string;
  request: IssueRequest;
  rendered: { pdf: Buffer; sha256: string; pageCount: number } | null;
  /** A draft (`drawDraft`): for looking at only; it is never stored. */
  draft?: true;
}

export const VERIFY_STATUSES = ['valid', 'expired', 'invalid', 'superseded', 'revoked'] as const;
export type VerifyStatus = (typeof VERIFY_STATUSES)[number];

export interface VerifyOutcome {
  status: VerifyStatus;
  documentId?: string;
  kind?: string;
  label?: string | null;
  /** The reference printed on the paper. */
  reference?: string;
  /** True: a confidential paper, whose verify page shows nothing of its contents. */
  confidential?: boolean;
  facts?: PublicFact[];
  /** When the paper was revoked or superseded. */
  statusChangedAt?: string | null;
  /** Why it was revoked (null for a confidential paper). */
  revokedReason?: string | null;
  issuingUnit?: { en: string; hi: string };
  issuedAt?: string;
  /** The instant the paper stops (or stopped) being valid, for a paper valid for a time only. */
  validUntil?: string;
  sha256?: string;
  supersededBy?: { label: string | null; issuedAt: string };
  /** When its contents were removed under the retention rules. */
  purgedAt?: string;
}

function purgedError(id: string, at: Date): GoneException {
  return new GoneException(`Document ${id}: its contents were removed on ${at.toISOString().slice(0, 10)} when its record's retention period ended`);
}
