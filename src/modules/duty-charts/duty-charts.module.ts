import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { LinkThrottle } from '../../platform/http';
import { PersonnelModule } from '../personnel';
import { BandobastController } from './bandobast/bandobast.controller';
import { BandobastService } from './bandobast/bandobast.service';
import { BandobastNeedToKnow } from './bandobast/need-to-know';
import { ChartEditsService } from './charts/chart-edits.service';
import { ChartReadsService } from './charts/chart-reads.service';
import { ChartSolveService } from './charts/chart-solve.service';
import { ChartsController } from './charts/charts.controller';
import { ChartsService } from './charts/charts.service';
import { InstanceBuilder } from './charts/instance-builder';
import { SolveRecovery } from './charts/solve-recovery.service';
import { PublicationFinaliser } from './publish/publication-finaliser';
import { PublisherService } from './publish/publisher.service';
import { dutyChartSettingsProvider } from './settings';
import { SlipLinks } from './slips/slip-links';
import { SlipNotices } from './slips/slip-notices';
import { SlipPdfLeanPath } from './slips/slip-pdf-lean-path';
import { SlipLinkController, SlipsController } from './slips/slips.controller';
import { SlipStates } from './slips/slip-states';
import { SlipsService } from './slips/slips.service';

/** Duty charts (bandobast): structure, solving, versions, papers and officers' slips. */
@Module({
  imports: [PersonnelModule, DiscoveryModule],
  controllers: [BandobastController, ChartsController, SlipsController, SlipLinkController],
  providers: [
    dutyChartSettingsProvider,
    BandobastService,
    BandobastNeedToKnow,
    ChartsService,
    ChartEditsService,
    ChartReadsService,
    ChartSolveService,
    InstanceBuilder,
    SolveRecovery,
    PublisherService,
    PublicationFinaliser,
    SlipLinks,
    SlipNotices,
    SlipsService,
    SlipStates,
    LinkThrottle,
  ],
  exports: [BandobastService],
})
export class DutyChartsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // The SMS link's PDF, opened by every officer at shift change (see SlipPdfLeanPath).
    consumer.apply(SlipPdfLeanPath).forRoutes({ path: 's/:token/pdf', method: RequestMethod.GET });
  }
}
