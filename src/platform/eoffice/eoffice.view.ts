import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf, ResponseView } from '../http/response-view';
import { CHANNEL_FAULTS, ChannelFaultKind, EOFFICE_GRADINGS, EofficeGrading } from './gateway';
import {
  INTAKE_CHANNELS,
  IntakeChannel,
  OUTBOX_FAULTS,
  OUTBOX_STATUSES,
  OutboxFault,
  OutboxStatus,
} from './outbox/outbox.entity';
import { ITEM_SYNC_STATES, ItemSyncState, RECORD_SYNC_STATUSES, RecordSyncStatus } from './sync-state';

/** One item bound for e-Office, with its delivery state. */
export class OutboxItemView extends ResponseView {
  @ApiProperty({
    format: 'uuid',
    description: 'Also the idempotency key of every delivery attempt',
  })
  id!: string;
  @ApiProperty({ description: 'bigint, as a string' }) seq!: string;
  @ApiProperty() sourceType!: string;
  @ApiProperty() sourceId!: string;
  @ApiProperty() sourceRef!: string;
  @ApiProperty() kind!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ enum: EOFFICE_GRADINGS }) grading!: EofficeGrading;
  @ApiProperty({ enum: INTAKE_CHANNELS, nullable: true }) intakeChannel!: IntakeChannel | null;
  @ApiProperty({ type: Date, nullable: true }) receivedAt!: Date | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) metadata!: Record<string, unknown>;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) documentId!: string | null;
  @ApiProperty({ enum: OUTBOX_STATUSES }) status!: OutboxStatus;
  @ApiProperty({
    enum: ITEM_SYNC_STATES,
    description: 'Where the item stands for a person, as every record shows it: DIARISED once e-Office gave its number, SENT_FOR_DIARISATION when handed over without one yet',
  })
  syncState!: ItemSyncState;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, nullable: true, description: 'The last failed attempt’s error, in its own (technical, English) words' }) lastError!: string | null;
  @ApiProperty({ enum: OUTBOX_FAULTS, nullable: true, description: 'What kind of failure that was: e-Office unreachable, failing or refusing our credentials (retried); this item refused, or not preparable; other' })
  lastFault!: OutboxFault | null;
  @ApiProperty({ type: Date, nullable: true }) lastAttemptAt!: Date | null;
  @ApiProperty() nextAttemptAt!: Date;
  @ApiProperty({ type: String, nullable: true }) eofficeRef!: string | null;
  @ApiProperty({ type: String, nullable: true }) channelRef!: string | null;
  @ApiProperty({ type: Date, nullable: true }) deliveredAt!: Date | null;
  @ApiProperty({ type: String, nullable: true }) cancelReason!: string | null;
  @ApiProperty({
    type: Date,
    nullable: true,
    description: 'While a delivery attempt is in flight: when it began. One left by a process that died is sent again at once.',
  })
  claimedAt!: Date | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) createdBy!: string | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
  @ApiProperty() version!: number;
}

export class OutboxItemPage extends PageOf(OutboxItemView) {}

/** The system at a glance: is e-Office reachable, and how much is waiting for it. */
export class SystemStatusView extends ResponseView {
  @ApiProperty({
    enum: ['ONLINE', 'DEGRADED'],
    description: 'Follows e-Office within one probe interval (EOFFICE_PROBE_INTERVAL_SECONDS) both ways; DEGRADED pauses deliveries',
  })
  mode!: 'ONLINE' | 'DEGRADED';
  @ApiProperty({ description: 'Since when the mode holds' }) since!: Date;
  @ApiProperty({ type: String, nullable: true, example: 'e-Office reachable but failing: its health check answered HTTP 500' })
  reason!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'ई-ऑफिस तक पहुँच है, पर वह काम नहीं कर रहा: स्वास्थ्य-जाँच पर उसका उत्तर HTTP 500 है' })
  reasonHi!: string | null;
  @ApiProperty({
    enum: CHANNEL_FAULTS,
    nullable: true,
    description:
      'While DEGRADED, what is wrong: UNREACHABLE (refused, reset, DNS, TLS, no answer in time), FAILING (it answers, with an error: HTTP 5xx…), CREDENTIALS_REFUSED (HTTP 401/403, SMTP login)',
  })
  fault!: ChannelFaultKind | null;
  @ApiProperty({ type: String, nullable: true, example: 'HTTP_500', description: 'The cause as the gateway named it (ECONNREFUSED, TIMEOUT, HTTP_500, SMTP_421…)' })
  faultCode!: string | null;
  @ApiProperty({ type: Number, nullable: true, example: 500 }) httpStatus!: number | null;
  @ApiProperty({
    enum: ['probe', 'deliveries'],
    nullable: true,
    description: 'Seen by the health check, or by deliveries while the health check passed',
  })
  faultSeenIn!: 'probe' | 'deliveries' | null;
  @ApiProperty({ type: Date, nullable: true, description: "When this instance last checked e-Office's health" })
  checkedAt!: Date | null;
  @ApiProperty({ example: 'simulator' }) channel!: string;
  @ApiProperty() backlog!: number;
  @ApiProperty({ type: Number, nullable: true }) oldestPendingAgeSeconds!: number | null;
  @ApiProperty() deliveredLastHour!: number;
  @ApiProperty() failed!: number;
  @ApiPropertyOptional({ description: 'Only when DEGRADED: what users may rely on meanwhile' }) note?: string;
  @ApiPropertyOptional({ description: 'The note in Hindi' }) noteHi?: string;
}

/** A record's e-Office state summed up over its items. */
export class RecordSyncSummaryView extends ResponseView {
  @ApiProperty({ enum: RECORD_SYNC_STATUSES }) status!: RecordSyncStatus;
  @ApiProperty() items!: number;
  @ApiProperty() waiting!: number;
  @ApiProperty() sentForDiarisation!: number;
  @ApiProperty() diarised!: number;
  @ApiProperty() failed!: number;
  @ApiProperty() cancelled!: number;
}

/**
 * Where an item bound for e-Office stands, with the same field names on a letter, a revision
 * or a dak. A view of such a record extends this one.
 */
export class EofficeSyncedView extends ResponseView {
  @ApiProperty({
    enum: RECORD_SYNC_STATUSES,
    description:
      'PENDING_SYNC until e-Office has it: made during an outage, it is not final there yet',
  })
  eofficeStatus!: RecordSyncStatus;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'e-Office’s receipt number, once diarised',
  })
  eofficeRef!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The channel’s reference (e-mail Message-ID)',
  })
  eofficeChannelRef!: string | null;
  @ApiProperty({ type: Date, nullable: true }) eofficeSyncedAt!: Date | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Why it failed or was cancelled; the last error',
  })
  eofficeReason!: string | null;
  @ApiProperty({ enum: OUTBOX_FAULTS, nullable: true, description: 'Failed or waiting: what kind of failure the last attempt met' })
  eofficeFault!: OutboxFault | null;
}
