import { Module } from '@nestjs/common';
import { VerificationRecords } from './application/verification-access';
import { VerificationEscalation } from './application/verification-escalation.service';
import { VerificationIntake } from './application/verification-intake.service';
import { VerificationList } from './application/verification-list.service';
import { VerificationRouting } from './application/verification-routing';
import { VerificationView } from './application/verification-view.service';
import { VerificationWorkflow } from './application/verification-workflow.service';
import { VerificationAttachmentsController } from './attachments/verification-attachments.controller';
import { VerificationAttachments } from './attachments/verification-attachments.service';
import { VerificationLocalities } from './localities/verification-localities.service';
import { VerificationNotices } from './notices/verification-notices';
import { VerificationPapers } from './certificate/verification-papers.service';
import { CriminalRecordsIndex } from './records/criminal-records.index';
import { RecordsImportController } from './records/records-import.controller';
import { RecordsImportService } from './records/records-import.service';
import { verificationSettingsProvider } from './verification-settings';
import { VerificationWorkflowController } from './verification-workflow.controller';
import { VerificationsController } from './verifications.controller';

/**
 * Character verification (चरित्र सत्यापन): intake, routing to the thana and a verifier, the
 * field visit, the records check against the criminal-records index with the verifier's
 * rulings, the report and the circle DSP's sign-off with its certificate or report letter, the
 * two appeals with their orders, the certificate's withdrawal, with an SMS to the applicant at
 * each stage; the records index's imports.
 */
@Module({
  // The import's fixed paths (verifications/records-index/…) come before verifications/:id.
  controllers: [RecordsImportController, VerificationsController, VerificationWorkflowController, VerificationAttachmentsController],
  providers: [
    verificationSettingsProvider,
    CriminalRecordsIndex,
    RecordsImportService,
    VerificationRecords,
    VerificationRouting,
    VerificationNotices,
    VerificationPapers,
    VerificationIntake,
    VerificationWorkflow,
    VerificationView,
    VerificationList,
    VerificationAttachments,
    VerificationLocalities,
    // Found at boot by the queue, as every @JobHandler is.
    VerificationEscalation,
  ],
  exports: [CriminalRecordsIndex],
})
export class VerificationsModule {}
