import { Module } from '@nestjs/common';
import { DakActions } from './dak-actions.service';
import { DakFilesController } from './dak-files.controller';
import { DakFiles } from './dak-files.service';
import { DakInbox } from './dak-inbox.service';
import { DakRecords } from './dak-records.service';
import { DakReplies } from './dak-replies.service';
import { DakScans } from './dak-scans.service';
import { dakSettingsProvider } from './dak-settings';
import { DakWorkflowController } from './dak-workflow.controller';
import { DakController } from './dak.controller';
import { DakService } from './dak.service';
import { DAK_MAIL_PROVIDERS } from './mail';
import { DakOutageReportController } from './outage-report/outage-report.controller';
import { DakOutageReports } from './outage-report/outage-report.service';

/**
 * The dak (inward correspondence, डाक) register: diarising (by hand or from e-mail), marking and
 * movement between holders, the holder's inbox, files, replies and closing, with every item
 * diarised into e-Office through the outbox.
 */
@Module({
  // dak/files and dak/outage-reports come before dak/:id.
  controllers: [DakFilesController, DakOutageReportController, DakController, DakWorkflowController],
  providers: [dakSettingsProvider, DakRecords, DakService, DakScans, DakActions, DakFiles, DakInbox, DakReplies, DakOutageReports, ...DAK_MAIL_PROVIDERS],
  exports: [DakService],
})
export class DakModule {}
