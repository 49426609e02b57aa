import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ResponseView } from '../http/response-view';

type Indicators = Record<string, unknown>;

/** Terminus' answer: overall status, and each indicator's (`database`, `queue`). */
export class HealthView extends ResponseView {
  @ApiProperty({ enum: ['ok', 'error', 'shutting_down'] }) status!: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) info?: Indicators;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) error?: Indicators;
  @ApiProperty({ type: 'object', additionalProperties: true }) details!: Indicators;
}
