import { Module } from '@nestjs/common';
import { DutyChartsModule } from '../duty-charts';
import { ProtestsModule } from '../protests';
import { ProtecteesService } from './protectees.service';
import { VipBandobastReaders } from './vip-bandobast-readers';
import { VipClashSource } from './vip-clash.source';
import { VipClashesService } from './vip-clashes.service';
import { VipDistributionService } from './vip-distribution.service';
import { VipProgrammesController } from './vip-programmes.controller';
import { VipProgrammesService } from './vip-programmes.service';
import { VipReadService } from './vip-read.service';

/** VIP movement programmes: revisions with diffs, need-to-know reads, distribution and acknowledgements. */
@Module({
  imports: [ProtestsModule, DutyChartsModule],
  controllers: [VipProgrammesController],
  providers: [VipProgrammesService, VipReadService, VipDistributionService, ProtecteesService, VipClashSource, VipClashesService, VipBandobastReaders],
  exports: [VipReadService],
})
export class VipProgrammesModule {}
