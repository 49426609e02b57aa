import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ProtestAssessment } from './application/protest-assessment';
import { ProtestIntake } from './application/protest-intake.service';
import { ProtestList } from './application/protest-list.service';
import { ProtestRecords } from './application/protest-records';
import { ProtestTransitioner } from './application/protest-transitioner';
import { ProtestView } from './application/protest-view.service';
import { ProtestWorkflow } from './application/protest-workflow.service';
import { ProtestAttachmentsController } from './attachments/protest-attachments.controller';
import { ProtestAttachments } from './attachments/protest-attachments.service';
import { ClashDetector } from './clash/clash-detector.service';
import { ProtestClashSource } from './clash/protest-clash.source';
import { StandardConditions } from './conditions/standard-conditions';
import { ProtestLetters } from './letters/protest-letters.service';
import { ProtestNotices } from './notices/protest-notices';
import { protestSettingsProvider } from './protest-settings';
import { ProtestWorkflowController } from './protest-workflow.controller';
import { ProtestsController } from './protests.controller';
import { RestrictionCheck } from './restrictions/restriction-hits';
import { RestrictionOrdersController } from './restrictions/restriction-orders.controller';
import { RestrictionOrdersService } from './restrictions/restriction-orders.service';
import { VenuesController } from './venues/venues.controller';
import { VenuesService } from './venues/venues.service';

/**
 * Protest permissions (dharna-pradarshan): intake, thana report, the DCP's decision with
 * letters through the documents engine and the e-Office outbox, SMS at each stage.
 */
@Module({
  imports: [DiscoveryModule],
  // Registries first: their fixed paths (protests/venues…) must win over protests/:id.
  controllers: [VenuesController, RestrictionOrdersController, ProtestsController, ProtestWorkflowController, ProtestAttachmentsController],
  providers: [
    protestSettingsProvider,
    // Found by ClashDetector at boot, with any other module's @ClashSourceProvider() (VIP programmes).
    ProtestClashSource,
    ClashDetector,
    RestrictionCheck,
    StandardConditions,
    VenuesService,
    RestrictionOrdersService,
    ProtestRecords,
    ProtestAssessment,
    ProtestNotices,
    ProtestLetters,
    ProtestTransitioner,
    ProtestWorkflow,
    ProtestIntake,
    ProtestView,
    ProtestList,
    ProtestAttachments,
  ],
  exports: [ClashDetector, VenuesService, ProtestList],
})
export class ProtestsModule {}
