import { Global, Module } from '@nestjs/common';
import { UnitImportService } from './unit-import.service';
import { UnitTreeService } from './unit-tree.service';
import { UnitsController } from './units.controller';
import { UnitsService } from './units.service';

@Global()
@Module({
  controllers: [UnitsController],
  providers: [UnitsService, UnitTreeService, UnitImportService],
  exports: [UnitsService, UnitTreeService],
})
export class UnitsModule {}
