import { ApiProperty } from '@nestjs/swagger';
import { ResponseView } from '../http/response-view';
import type { NotificationChannel, NotificationStatus } from './notification.entity';

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
  @ApiProperty() nextAttemptAt!: Date;
  @ApiProperty({ type: String, nullable: true }) provider!: string | null;
  @ApiProperty({ type: String, nullable: true }) providerRef!: string | null;
  @ApiProperty({ type: Date, nullable: true }) sentAt!: Date | null;
  @ApiProperty() createdAt!: Date;
}
