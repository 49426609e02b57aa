import { ApiProperty } from '@nestjs/swagger';
import { ResponseView } from '../http/response-view';
import { UNIT_KINDS, UnitKind } from './unit.entity';

/** A node of the commissionerate's tree. */
export class UnitView extends ResponseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'TT_NAGAR' }) code!: string;
  @ApiProperty({ enum: UNIT_KINDS }) kind!: UnitKind;
  @ApiProperty() nameEn!: string;
  @ApiProperty() nameHi!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentId!: string | null;
  @ApiProperty({ description: 'Materialised path of codes, e.g. BPL.ZONE_1.TT_NAGAR' })
  path!: string;
  @ApiProperty({ type: Number, nullable: true }) lat!: number | null;
  @ApiProperty({ type: Number, nullable: true }) lng!: number | null;
  @ApiProperty() isDemo!: boolean;
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}
