import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ResponseView } from '../http/response-view';

export class RetentionRuleReportView extends ResponseView {
  @ApiProperty({ example: 'protest_application' }) recordType!: string;
  @ApiProperty({ description: 'What a purge removes' }) what!: string;
  @ApiProperty({ description: 'Days the personal data is kept' }) days!: number;
  @ApiProperty({ description: 'Records whose period started before this instant are due' }) cutoff!: string;
  @ApiProperty({ description: 'Due and purgeable now' }) due!: number;
  @ApiProperty({ description: 'Due by age, but kept while their e-Office delivery is unfinished' }) held!: number;
  @ApiProperty({ type: String, nullable: true, description: "When the oldest due record's period started" }) oldestSince!: string | null;
  @ApiPropertyOptional({ description: 'A real run: records purged' }) purged?: number;
  @ApiPropertyOptional({ description: 'A real run: papers whose bytes were removed' }) papers?: number;
}

export class RetentionReportView extends ResponseView {
  @ApiProperty() at!: string;
  @ApiProperty({ description: 'True: counted only, nothing changed' }) dryRun!: boolean;
  @ApiProperty({ type: [RetentionRuleReportView] }) rules!: RetentionRuleReportView[];
}
