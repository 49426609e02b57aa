import { ApiProperty } from '@nestjs/swagger';
import { ResponseView } from '../http/response-view';
import type { Unit } from './unit.entity';

/** A unit as a record names it: enough to show, and to link to the tree. */
export class UnitRefView extends ResponseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'TT_NAGAR' }) code!: string;
  @ApiProperty({ example: 'TT Nagar' }) nameEn!: string;
  @ApiProperty({ example: 'टीटी नगर' }) nameHi!: string;
}

export type UnitRef = Pick<Unit, 'id' | 'code' | 'nameEn' | 'nameHi'>;

export const unitRef = (u: UnitRef): UnitRef => ({ id: u.id, code: u.code, nameEn: u.nameEn, nameHi: u.nameHi });

/** A unit id that names no row (never expected: units are retired, not deleted). */
export const unknownUnit = (id: string): UnitRef => ({ id, code: '?', nameEn: 'Unknown unit', nameHi: 'अज्ञात इकाई' });
