import { Module } from '@nestjs/common';
import { DakRecords } from './dak-records.service';
import { DakScans } from './dak-scans.service';
import { dakSettingsProvider } from './dak-settings';
import { DakController } from './dak.controller';
import { DakService } from './dak.service';
import { DakOutageReportController } from './outage-report/outage-report.controller';
import { DakOutageReports } from './outage-report/outage-report.service';

/**
 * The dak (inward correspondence, डाक) register: diarising (by hand or from e-mail), marking and
 * movement between holders, the holder's inbox, files, replies and closing, with every item
 * diarised into e-Office through the outbox.
 */
@Module({ controllers: [DakOutageReportController, DakController], providers: [dakSettingsProvider, DakRecords, DakService, DakScans, DakOutageReports], exports: [DakService] })
export class DakModule {}
