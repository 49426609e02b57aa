import { Module } from '@nestjs/common';
import { CriminalRecordsIndex } from './records/criminal-records.index';
import { RecordsImportController } from './records/records-import.controller';
import { RecordsImportService } from './records/records-import.service';

/**
 * Character verification (चरित्र सत्यापन). So far its records check: the criminal-records
 * index, its imports, and the search that matches names across Hindi and English.
 */
@Module({
  controllers: [RecordsImportController],
  providers: [CriminalRecordsIndex, RecordsImportService],
  exports: [CriminalRecordsIndex],
})
export class VerificationsModule {}
