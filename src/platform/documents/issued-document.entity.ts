import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

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

/** An issued paper. Bytes and hash are immutable (database trigger); the status may move on. */
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
  @Column() sha256!: string;
  @Column() sizeBytes!: number;
  @Column() pageCount!: number;
  @Column({ type: 'bytea', select: false }) bytes!: Buffer;
  @Column({ type: 'text' }) status!: DocumentStatus;
  @Column({ type: 'uuid', nullable: true }) supersededBy!: string | null;
  @Column({ type: 'text', nullable: true }) revokedReason!: string | null;
  @Column({ type: 'timestamptz', nullable: true }) statusChangedAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}
