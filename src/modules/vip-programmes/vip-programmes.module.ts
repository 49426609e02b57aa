import { Module } from '@nestjs/common';
import { ProtecteesService } from './protectees.service';
import { VipDistributionService } from './vip-distribution.service';
import { VipProgrammesController } from './vip-programmes.controller';
import { VipProgrammesService } from './vip-programmes.service';
import { VipReadService } from './vip-read.service';

/** VIP movement programmes: revisions with diffs, need-to-know reads, distribution and acknowledgements. */
@Module({
  controllers: [VipProgrammesController],
  providers: [VipProgrammesService, VipReadService, VipDistributionService, ProtecteesService],
  exports: [VipReadService],
})
export class VipProgrammesModule {}
