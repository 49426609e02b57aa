// Personnel's public face: what other modules may import. Nothing else here is theirs to use;
// in particular the officer tables are read only through PersonnelDirectory.
export { PersonnelModule } from './personnel.module';
export { PersonnelDirectory } from './personnel-directory.service';
export type { OfficerCard } from './personnel-directory.service';
export { AvailabilityService } from './availability.service';
export { AVAILABILITY_PHRASES } from './availability.entity';
export type { AvailabilityKind } from './availability.entity';
export { isSkill, normaliseSkill, unknownSkillMessage } from './skills';
