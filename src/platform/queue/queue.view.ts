import { ApiProperty } from '@nestjs/swagger';
import { ResponseView } from '../http/response-view';

export class EnqueuedJobView extends ResponseView {
  @ApiProperty({ example: 'maintenance' }) queue!: string;
  @ApiProperty({ type: String, nullable: true }) jobId!: string | null | undefined;
}

export class JobView extends ResponseView {
  @ApiProperty({ type: String, nullable: true }) id!: string | null | undefined;
  @ApiProperty() name!: string;
  @ApiProperty({ example: 'completed' }) state!: string;
  @ApiProperty() attemptsMade!: number;
  @ApiProperty({ description: 'Whatever the handler returned', nullable: true })
  returnValue!: unknown;
  @ApiProperty({ type: String, nullable: true }) failedReason!: string | null;
  @ApiProperty({ enum: ['postgres', 'redis'] }) backend!: string;
}
