import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Block } from './pdf';

export const DOCUMENT_STATUSES = ['VALID', 'SUPERSEDED', 'REVOKED'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];
export type DocumentLanguage = 'hi' | 'en' | 'bi';

/**
 * A fact the public verify page shows, so a checker can tie the QR to the paper in hand: one
 * printed on the paper that names no person (given by the issuing module at issue time).
 */
export interface PublicFact {
  /** Stable name in the JSON answer, e.g. `eventDate`, `venue`, `post`. */
  key: string;
  label: { en: string; hi: string };
  value: { en: string; hi: string };
}

/**
 * What a paper issued undrawn (`IssueRequest.drawOnFirstRead`) is drawn from on its first read:
 * the rendering's whole input, fixed at issue, so the bytes do not depend on when they are drawn.
 */
export interface StoredDrawing {
  title: string;
  language: DocumentLanguage;
  reference?: string;
  blocks: Block[];
  landscape?: boolean;
  qrUrl: string;
}

/**
 * An issued paper. Bytes and hash are immutable (database trigger); the status may move on.
 * A paper issued undrawn has null bytes, hash, size and page count until its first read writes
 * them, once.
 */
@Entity('issued_document')
export class IssuedDocument {
  /** Derived from the record, so the same issue twice is the same document. */
  @PrimaryColumn('uuid') id!: string;
  @Column() kind!: string;
  @Column({ type: 'text' }) language!: DocumentLanguage;
  @Column() title!: string;
  /** Human label of this version, e.g. "Revision 2"; shown on the verify page. */
  @Column({ type: 'text', nullable: true }) label!: string | null;
  /** Need-to-know: served only by the module that owns it (a confidential kind always is). */
  @Column() confidential!: boolean;
  @Column() sourceType!: string;
  @Column() sourceId!: string;
  @Column() sourceRef!: string;
  /** The reference printed on the paper (null on papers issued before it was kept). */
  @Column({ type: 'text', nullable: true }) reference!: string | null;
  /** Shown on the public verify page unless confidential; null on papers issued before facts were kept. */
  @Column({ type: 'jsonb', nullable: true }) publicFacts!: PublicFact[] | null;
  @Column() variant!: string;
  @Column({ type: 'uuid', nullable: true }) issuedBy!: string | null;
  @Column('uuid') issuingUnitId!: string;
  @Column({ type: 'timestamptz' }) issuedAt!: Date;
  /**
   * The instant the paper stops being valid (a character certificate's six months), fixed at
   * issue like its bytes; null: valid until revoked or superseded.
   */
  @Column({ type: 'timestamptz', nullable: true }) validUntil!: Date | null;
  @Column({ type: 'text', nullable: true }) sha256!: string | null;
  @Column({ type: 'integer', nullable: true }) sizeBytes!: number | null;
  @Column({ type: 'integer', nullable: true }) pageCount!: number | null;
  @Column({ type: 'bytea', select: false, nullable: true }) bytes!: Buffer | null;
  /** Set on a paper issued undrawn; what its first read draws it from. */
  @Column({ type: 'jsonb', select: false, nullable: true }) drawing!: StoredDrawing | null;
  @Column({ type: 'text' }) status!: DocumentStatus;
  @Column({ type: 'uuid', nullable: true }) supersededBy!: string | null;
  @Column({ type: 'text', nullable: true }) revokedReason!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) statusChangedAt!: Date | null;
  /**
   * When its record's retention ran out and its bytes (and drawing) were removed; the row,
   * status, facts and hash stay, so its QR still verifies. Null: the paper is whole.
   */
  @Column({ type: 'timestamptz', nullable: true }) purgedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

/** A paper whose bytes are written: every paper drawn at issue, and an undrawn one after its first read. */
export type DrawnDocument = IssuedDocument & { sha256: string; sizeBytes: number; pageCount: number };

export function isDrawn(doc: IssuedDocument): doc is DrawnDocument {
  return doc.sha256 !== null;
}
