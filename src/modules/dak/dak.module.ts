import { Module } from '@nestjs/common';
import { DakController } from './dak.controller';
import { DakService } from './dak.service';

/** Dak (inward correspondence) register. */
@Module({ controllers: [DakController], providers: [DakService] })
export class DakModule {}
