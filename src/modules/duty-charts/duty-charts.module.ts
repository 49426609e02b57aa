import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
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
import { SlipLinkController, SlipsController } from './slips/slips.controller';
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
  ],
  exports: [BandobastService],
})
export class DutyChartsModule {}
