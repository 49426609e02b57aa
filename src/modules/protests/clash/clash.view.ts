import { ApiProperty } from '@nestjs/swagger';
import { ResponseView } from '../../../platform/http';
import { CLASH_KINDS, ClashKind } from './clash-source';

/** Something that stands in an event's way, from whichever clash source found it. */
export class ClashView extends ResponseView {
  @ApiProperty({ example: 'protest', description: 'protest, vip-programme, …' }) source!: string;
  @ApiProperty({ enum: CLASH_KINDS }) kind!: ClashKind;
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() ref!: string;
  @ApiProperty() title!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty({ description: 'Closest approach, metres (0 at the same venue)' })
  distanceMetres!: number;
}
