import { ApiProperty } from '@nestjs/swagger';
import { ResponseView } from '../http/response-view';

/** One row of the audit trail. */
export class AuditEntryView extends ResponseView {
  @ApiProperty({ description: 'bigint, as a string' }) id!: string;
  @ApiProperty() at!: Date;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorId!: string | null;
  @ApiProperty({ type: String, nullable: true }) actorUsername!: string | null;
  @ApiProperty({ example: 'dak.received' }) action!: string;
  @ApiProperty() entityType!: string;
  @ApiProperty({ type: String, nullable: true }) entityId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) diff!: Record<
    string,
    unknown
  > | null;
  @ApiProperty({ type: String, nullable: true }) ip!: string | null;
  @ApiProperty({ type: String, nullable: true }) requestId!: string | null;
}

export class ChainBreakView extends ResponseView {
  @ApiProperty({ description: 'The audit_log id of the first row that does not fit' }) id!: string;
  @ApiProperty({ description: 'Its place in the chain' }) position!: string;
  @ApiProperty() reason!: string;
}

export class ChainSignaturesView extends ResponseView {
  @ApiProperty() checked!: number;
  @ApiProperty({ description: 'Signed by another key than this one: listed, not judged' })
  otherKey!: number;
  @ApiProperty({ type: String, nullable: true }) lastSignedPosition!: string | null;
  @ApiProperty() rowsAfterLastSignature!: number;
}

/** The hash chain walked end to end: how many rows, the first that does not fit, the signed heads. */
export class ChainCheckView extends ResponseView {
  @ApiProperty() rows!: number;
  @ApiProperty({ type: ChainBreakView, nullable: true }) firstBreak!: ChainBreakView | null;
  @ApiProperty({ description: 'Committed rows not linked into the chain yet' }) unchained!: number;
  @ApiProperty({ type: String, nullable: true }) oldestUnchainedAt!: string | null;
  @ApiProperty() signatures!: ChainSignaturesView;
}
