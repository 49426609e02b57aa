import { Module } from '@nestjs/common';
import { CriminalRecordsIndex } from './records/criminal-records.index';

/**
 * Character verification (चरित्र सत्यापन). So far its records check: the criminal-records
 * index and the search that matches names across Hindi and English.
 */
@Module({ providers: [CriminalRecordsIndex], exports: [CriminalRecordsIndex] })
export class VerificationsModule {}
