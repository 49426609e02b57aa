import { ApiProperty } from '@nestjs/swagger';
import { ResponseView } from '../../../platform/http';
import { RESTRICTION_AREA_KINDS, RestrictionAreaKind } from '../entities/restriction-order.entity';

export class GeoPointView extends ResponseView {
  @ApiProperty() lat!: number;
  @ApiProperty() lng!: number;
}

/** An area closed to protests for a time (e.g. a s.163 ban around the Vidhan Sabha). */
export class RestrictionOrderView extends ResponseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '163/DCP-IS/2026/14' }) orderRef!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ enum: RESTRICTION_AREA_KINDS }) areaKind!: RestrictionAreaKind;
  @ApiProperty({ type: Number, nullable: true }) centreLat!: number | null;
  @ApiProperty({ type: Number, nullable: true }) centreLng!: number | null;
  @ApiProperty({ type: Number, nullable: true }) radiusMetres!: number | null;
  @ApiProperty({ type: [GeoPointView], nullable: true }) polygon!: GeoPointView[] | null;
  @ApiProperty() startsAt!: Date;
  @ApiProperty() endsAt!: Date;
  @ApiProperty({ description: 'An order lifted early stays on record, inactive' })
  isActive!: boolean;
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}
