import { Module } from '@nestjs/common';
import { AvailabilityController } from './availability.controller';
import { AvailabilityService } from './availability.service';
import { OfficerImportService } from './import/officer-import.service';
import { OfficersController } from './officers.controller';
import { OfficersService } from './officers.service';
import { PersonnelDirectory } from './personnel-directory.service';

/** The roll (officers, ranks, skills), its import from thana sheets, and leave and availability. */
@Module({
  controllers: [OfficersController, AvailabilityController],
  providers: [OfficersService, OfficerImportService, AvailabilityService, PersonnelDirectory],
  exports: [OfficersService, AvailabilityService, PersonnelDirectory],
})
export class PersonnelModule {}
