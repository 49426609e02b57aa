import { ApiProperty } from '@nestjs/swagger';
import { ResponseView } from '../http/response-view';
import { NOTIFICATION_FAILURES } from './notification.entity';
import type { NotificationChannel, NotificationFailure, NotificationStatus } from './notification.entity';

/** A message sent (or to be sent); the recipient is masked. */
export class NotificationView extends ResponseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['SMS', 'EMAIL'] }) channel!: NotificationChannel;
  @ApiProperty({ description: 'Masked: XXXXXX1234 or a***@example.org' }) recipient!: string;
  @ApiProperty() template!: string;
  @ApiProperty({ enum: ['hi', 'en', 'bi'] }) language!: 'hi' | 'en' | 'bi';
  @ApiProperty() body!: string;
  @ApiProperty() sourceType!: string;
  @ApiProperty() sourceId!: string;
  @ApiProperty({ enum: ['PENDING', 'SENT', 'FAILED', 'KEPT_IN_SINK'] }) status!: NotificationStatus;
  @ApiProperty({ example: 'kept in development sink; not sent' }) statusText!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({
    enum: NOTIFICATION_FAILURES,
    nullable: true,
    description: 'Why a FAILED message was given up: INVALID_NUMBER (no mobile number, or the gateway said so), REFUSED (the gateway refused the message), GAVE_UP (never taken in all attempts)',
  })
  failure!: NotificationFailure | null;
  @ApiProperty({ type: Number, nullable: true, description: 'SMS parts the body takes; null for e-mail' }) parts!: number | null;
  @ApiProperty() nextAttemptAt!: Date;
  @ApiProperty({ type: String, nullable: true }) provider!: string | null;
  @ApiProperty({ type: String, nullable: true }) providerRef!: string | null;
  @ApiProperty({ type: Date, nullable: true }) sentAt!: Date | null;
  @ApiProperty() createdAt!: Date;
}

/** One SMS template in one language, rendered with the longest values its senders give. */
export class SmsTemplateCheckView extends ResponseView {
  @ApiProperty({ example: 'duty-slip' }) template!: string;
  @ApiProperty({ enum: ['hi', 'en', 'bi'] }) language!: 'hi' | 'en' | 'bi';
  @ApiProperty({ type: [String], example: ['templates/messages/duty-slip.hi.txt'] }) files!: string[];
  @ApiProperty({ enum: ['GSM-7', 'UCS-2'], description: 'UCS-2 as soon as one character is outside GSM-7 (any Hindi)' })
  encoding!: 'GSM-7' | 'UCS-2';
  @ApiProperty() characters!: number;
  @ApiProperty({ description: 'Septets (GSM-7) or UTF-16 code units (UCS-2)' }) units!: number;
  @ApiProperty({ description: 'SMS parts: 160/153 septets or 70/67 UTF-16 units each' }) parts!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'The declared limit; null when none is set yet' })
  maxParts!: number | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: {
      type: 'object',
      properties: { from: { type: 'integer' }, to: { type: 'integer' } },
      required: ['from', 'to'],
    },
    example: { post: { from: 53, to: 14 } },
    description: 'Placeholders shortened to fit: characters before, and after with the ellipsis',
  })
  shortened!: Record<string, { from: number; to: number }>;
  @ApiProperty({ description: 'The worst-case message as it would be sent' }) text!: string;
  @ApiProperty({ type: [String], description: 'Characters that make an English message UCS-2' }) notGsm7!: string[];
  @ApiProperty({ type: String, nullable: true, description: 'Why the template fails the check' }) problem!: string | null;
}

/** How many messages have not gone out. */
export class UnsentNotificationsView extends ResponseView {
  @ApiProperty({ description: 'Waiting to be sent (the gateway may be slow or down)' }) pending!: number;
  @ApiProperty({ description: 'Given up after the last attempt: not sent' }) failed!: number;
  @ApiProperty({ description: 'Kept by the development SMS sink (NOTIFY_SMS_ADAPTER=sink): never sent' }) keptInSink!: number;
  @ApiProperty({ type: Date, nullable: true }) oldestPendingAt!: Date | null;
}
