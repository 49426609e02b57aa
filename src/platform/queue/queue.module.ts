import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { HousekeepingService } from './housekeeping.service';
import { QueueBackend } from './queue.backend';
import { QueueController } from './queue.controller';
import { QueueService } from './queue.service';

@Global()
@Module({
  imports: [DiscoveryModule],
  controllers: [QueueController],
  providers: [QueueBackend, QueueService, HousekeepingService],
  exports: [QueueService, QueueBackend],
})
export class QueueModule {}
