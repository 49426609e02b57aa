import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../../platform/audit';
import { UsersService } from '../../../platform/auth';
import { Change, Drawing } from '../../../platform/change';
import { Actor } from '../../../platform/context';
import { DocumentsService, DrawnPaper, IssuedDocument, TemplateStore, validUntilAfterMonths, verifyStatus } from '../../../platform/documents';
import { CLOCK, Clock } from '../../../platform/time';
import { Unit } from '../../../platform/units';
import { VerificationRecords } from '../application/verification-access';
import type { VerificationAppeal } from '../entities/verification-appeal.entity';
import type { VerificationApplication } from '../entities/verification-application.entity';
import { VerificationPaper, VerificationPaperKind } from '../entities/verification-paper.entity';
import { VerificationRecordHit } from '../entities/verification-record-hit.entity';
import { VERIFICATION_SETTINGS, VerificationSettings } from '../verification-settings';
import { AppealLevel, PAPER_KINDS, VERIFICATION_SOURCE } from '../verification-terms';
import { composeCharacterCertificate } from './character-certificate';
import { appealDesignation, composeAppealOrder, composeReportLetter, paperPublicFacts, particularsOf, Signer, signOffDesignation } from './verification-papers';

/** A paper drawn before its transaction. */
export interface DrawnVerificationPaper {
  kind: VerificationPaperKind;
  appealLevel: AppealLevel | null;
  paper: DrawnPaper;
}

/** Who signs, and where: the decision's maker and the level they decide at. */
export interface PaperSigning {
  actor: Actor;
  /** The decision's own instant: the paper's date, and the start of a certificate's validity. */
  at: Date;
  /** Null: the DSP's sign-off. */
  appeal: VerificationAppeal | null;
}

const DOCUMENT_KIND: Record<VerificationPaperKind, string> = {
  CERTIFICATE: PAPER_KINDS.CERTIFICATE,
  REPORT: PAPER_KINDS.REPORT,
  APPEAL_ORDER: PAPER_KINDS.APPEAL_ORDER,
};

/**
 * The papers of a verification: the certificate (CLEAR, or an appeal that overturned the
 * decision), valid for VERIFICATION_CERTIFICATE_VALID_MONTHS; the report letter of an ADVERSE or
 * INCOMPLETE decision; and each appeal's order. Drawn before the decision's transaction, stored
 * in it with the e-Office item and the audit row, as protest letters are. Personal papers: only
 * this module serves them (`PERSONAL_DOCUMENT_KINDS`), their verify page shows initials, purpose
 * and dates.
 */
@Injectable()
export class VerificationPapers {
  constructor(
    private readonly dataSource: DataSource,
    private readonly documents: DocumentsService,
    private readonly users: UsersService,
    private readonly records: VerificationRecords,
    private readonly audit: AuditService,
    @Inject(TemplateStore) private readonly templates: TemplateStore,
    @Inject(VERIFICATION_SETTINGS) private readonly settings: VerificationSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** When a certificate issued at `at` stops being valid. */
  validUntil(at: Date): Date {
    return validUntilAfterMonths(at, this.settings.certificateValidMonths);
  }

  async draw(d: Drawing, kind: VerificationPaperKind, app: VerificationApplication, thana: Unit, signing: PaperSigning): Promise<DrawnVerificationPaper> {
    const signer = await this.signer(d.em, signing);
    const validUntil = this.validUntil(signing.at);
    const p = particularsOf(app, thana, validUntil, signer);
    const level = signing.appeal?.level ?? null;
    let composed: { title: string; blocks: import('../../../platform/documents').Block[] };
    if (kind === 'CERTIFICATE') composed = composeCharacterCertificate(this.templates, p);
    else if (kind === 'REPORT') composed = composeReportLetter(this.templates, app, p, await this.citedCases(d.em, app));
    else composed = composeAppealOrder(this.templates, app, signing.appeal!, p);
    const variant = [kind.toLowerCase(), level?.toLowerCase()].filter(Boolean).join('-');
    const paper = await d.paper({
      kind: DOCUMENT_KIND[kind],
      language: 'bi',
      title: composed.title,
      sourceType: VERIFICATION_SOURCE,
      sourceId: app.id,
      sourceRef: app.ref,
      variant,
      issuingUnitId: signing.actor.unitId,
      issuedAt: signing.at,
      reference: app.ref,
      ...(kind === 'CERTIFICATE' ? { validUntil } : {}),
      publicFacts: paperPublicFacts(p),
      blocks: composed.blocks,
    });
    return { kind, appealLevel: kind === 'APPEAL_ORDER' ? level : null, paper };
  }

  /** Stores the paper in the decision's transaction and sends it to e-Office through the outbox. */
  async store(change: Change, app: VerificationApplication, thana: Unit, drawn: DrawnVerificationPaper, eofficeKind: string, subject: string): Promise<IssuedDocument> {
    const doc = await change.storePaper(drawn.paper);
    const item = await change.toEoffice({
      sourceType: VERIFICATION_SOURCE,
      sourceId: app.id,
      sourceRef: app.ref,
      kind: eofficeKind,
      // Neither the subject nor the metadata says the outcome: the outbox screens show them to
      // people who may not read the application (§2); the paper itself is for the file.
      subject,
      grading: 'CONFIDENTIAL',
      metadata: { ref: app.ref, thana: thana.code },
      documentId: doc.id,
    });
    const { em } = change;
    await em.save(em.create(VerificationPaper, { applicationId: app.id, kind: drawn.kind, appealLevel: drawn.appealLevel, documentId: doc.id, outboxId: item.id }));
    return doc;
  }

  /** An application's papers, oldest first, each with what /verify says of it now. */
  async forApplication(applicationId: string, em: EntityManager = this.dataSource.manager) {
    const papers = await em.find(VerificationPaper, { where: { applicationId }, order: { createdAt: 'ASC', kind: 'ASC' } });
    const docs = papers.length ? await this.documents.ofSource(VERIFICATION_SOURCE, applicationId, {}, em) : [];
    const now = this.clock.now();
    return papers.map((p) => {
      const doc = docs.find((d) => d.id === p.documentId)!;
      return {
        id: p.id,
        kind: p.kind,
        appealLevel: p.appealLevel,
        issuedAt: doc.issuedAt,
        validUntil: doc.validUntil,
        verifyStatus: verifyStatus(doc, now),
        verifyUrl: this.documents.verifyUrl(doc.id),
        sha256: doc.sha256,
      };
    });
  }

  /** The PDF of one of an application's papers: the application's need-to-know (else 404), the read audited. */
  async pdf(actor: Actor, applicationId: string, paperId: string): Promise<{ filename: string; sha256: string; bytes: Buffer }> {
    const { app } = await this.records.find(this.dataSource.manager, actor, applicationId);
    const paper = await this.dataSource.getRepository(VerificationPaper).findOne({ where: { id: paperId, applicationId: app.id } });
    if (!paper) throw new NotFoundException(`Paper ${paperId} not found on ${app.ref}`);
    const { doc, bytes } = await this.documents.bytes(paper.documentId);
    await this.audit.recordAlone({
      action: 'verification.paper_downloaded',
      entityType: VERIFICATION_SOURCE,
      entityId: app.id,
      diff: { ref: app.ref, paperId, kind: paper.kind, appealLevel: paper.appealLevel, documentId: doc.id },
    });
    const name = [paper.kind.toLowerCase(), paper.appealLevel?.toLowerCase()].filter(Boolean).join('-');
    return { filename: `${app.ref.replace(/\//g, '-')}-${name}.pdf`, sha256: doc.sha256, bytes };
  }

  private async signer(em: EntityManager, signing: PaperSigning): Promise<Signer> {
    const user = await this.users.get(signing.actor.id);
    const unit = await em.findOneOrFail(Unit, { where: { id: signing.actor.unitId } });
    const designation = signing.appeal ? appealDesignation(signing.appeal.level, unit) : signOffDesignation(unit);
    return { nameHi: user.displayNameHi, nameEn: user.displayNameEn, designation };
  }

  /** The records an ADVERSE report rests on, by their case reference and police station (no other person's details). */
  private async citedCases(em: EntityManager, app: VerificationApplication): Promise<string[]> {
    if (!app.citedHitIds.length) return [];
    const hits = await em.getRepository(VerificationRecordHit).findBy(app.citedHitIds.map((id) => ({ id, applicationId: app.id })));
    return hits
      .sort((a, b) => a.rank - b.rank)
      .map((h) => `${h.record.firRef}, ${h.record.policeStation}${h.record.sections ? ` (${h.record.sections})` : ''}`);
  }
}
