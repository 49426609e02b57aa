import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ResponseView } from '../http/response-view';
import { VERIFY_STATUSES, VerifyStatus } from './documents.service';
import { DOCUMENT_STATUSES, DocumentLanguage, DocumentStatus } from './issued-document.entity';

/** An issued paper's record (its bytes come from the /pdf route). */
export class IssuedDocumentView extends ResponseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() kind!: string;
  @ApiProperty({ enum: ['hi', 'en', 'bi'] }) language!: DocumentLanguage;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true }) label!: string | null;
  @ApiProperty() sourceType!: string;
  @ApiProperty() sourceId!: string;
  @ApiProperty() sourceRef!: string;
  @ApiProperty({ type: String, nullable: true, description: 'The reference printed on the paper' })
  reference!: string | null;
  @ApiProperty() variant!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) issuedBy!: string | null;
  @ApiProperty({ format: 'uuid' }) issuingUnitId!: string;
  @ApiProperty() issuedAt!: Date;
  @ApiProperty({ type: Date, nullable: true, description: 'When it stops being valid; null: until revoked or superseded' })
  validUntil!: Date | null;
  @ApiProperty() sha256!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty() pageCount!: number;
  @ApiProperty({ enum: DOCUMENT_STATUSES }) status!: DocumentStatus;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) supersededBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) revokedReason!: string | null;
  @ApiProperty({ type: Date, nullable: true }) statusChangedAt!: Date | null;
  @ApiProperty() createdAt!: Date;
}

/** The sample general letter, issued. */
export class GeneralLetterView extends ResponseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'GEN/2026/000001' }) reference!: string;
  @ApiProperty() sha256!: string;
  @ApiProperty() pageCount!: number;
  @ApiProperty() verifyUrl!: string;
}

export class BilingualTextView extends ResponseView {
  @ApiProperty() en!: string;
  @ApiProperty() hi!: string;
}

export class SupersededByView extends ResponseView {
  @ApiProperty({ type: String, nullable: true }) label!: string | null;
  @ApiProperty() issuedAt!: string;
}

/** A fact printed on the paper that names no person, to compare with the paper in hand. */
export class PublicFactView extends ResponseView {
  @ApiProperty({ example: 'eventDate' }) key!: string;
  @ApiProperty() label!: BilingualTextView;
  @ApiProperty() value!: BilingualTextView;
}

/** What the public verify check says about a paper; nothing about people. */
export class VerifyOutcomeView extends ResponseView {
  @ApiProperty({ enum: VERIFY_STATUSES }) status!: VerifyStatus;
  @ApiPropertyOptional({ format: 'uuid' }) documentId?: string;
  @ApiPropertyOptional() kind?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) label?: string | null;
  @ApiPropertyOptional({
    description: 'The reference printed on the paper',
    example: 'PRT/2026/000123',
  })
  reference?: string;
  @ApiPropertyOptional({ description: 'A confidential paper: nothing of its contents is shown' })
  confidential?: boolean;
  @ApiPropertyOptional({
    type: [PublicFactView],
    description: 'Facts printed on the paper that name no person',
  })
  facts?: PublicFactView[];
  @ApiPropertyOptional() issuingUnit?: BilingualTextView;
  @ApiPropertyOptional() issuedAt?: string;
  @ApiPropertyOptional({ description: 'When a paper valid for a time only stops (or stopped) being valid' })
  validUntil?: string;
  @ApiPropertyOptional() sha256?: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'When it was revoked or superseded',
  })
  statusChangedAt?: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Why it was revoked (withheld for a confidential paper)',
  })
  revokedReason?: string | null;
  @ApiPropertyOptional({ description: 'The version that replaced it' })
  supersededBy?: SupersededByView;
  @ApiPropertyOptional({ description: 'When its contents were removed under the retention rules (its status and hash stay)' })
  purgedAt?: string;
}

/** An uploaded copy checked byte for byte against the papers issued. */
export class UploadCheckView extends ResponseView {
  @ApiProperty() match!: boolean;
  @ApiProperty({ enum: VERIFY_STATUSES }) status!: VerifyStatus;
  @ApiProperty({ description: 'sha256 of the uploaded file' }) sha256!: string;
  @ApiPropertyOptional({ format: 'uuid' }) documentId?: string;
  @ApiPropertyOptional() kind?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) label?: string | null;
  @ApiPropertyOptional() reference?: string;
  @ApiPropertyOptional() confidential?: boolean;
  @ApiPropertyOptional({ type: [PublicFactView] }) facts?: PublicFactView[];
  @ApiPropertyOptional() issuingUnit?: BilingualTextView;
  @ApiPropertyOptional() issuedAt?: string;
  @ApiPropertyOptional({ description: 'When a paper valid for a time only stops (or stopped) being valid' })
  validUntil?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) statusChangedAt?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) revokedReason?: string | null;
  @ApiPropertyOptional() supersededBy?: SupersededByView;
}
