import { ApiProperty } from '@nestjs/swagger';
import { ResponseView } from '../../../platform/http';
import { CLASH_KINDS, ClashKind } from './clash-source';

/**
 * Something that stands in an event's way, from whichever clash source found it, as this user
 * may see it: clashes with records the user may not open are left out, and a VIP movement is
 * shown in full only to the VIP desk and the approver; to others it says only that a VIP
 * movement restricts the place in that hour (`detailsWithheld`).
 */
export class ClashView extends ResponseView {
  @ApiProperty({ example: 'protest', description: 'protest, vip-programme, …' }) source!: string;
  @ApiProperty({ enum: CLASH_KINDS }) kind!: ClashKind;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null when details are withheld' })
  id!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Null when details are withheld' })
  ref!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Null when details are withheld' })
  status!: string | null;
  @ApiProperty({ format: 'date-time', description: 'When details are withheld: the start of the IST hour' })
  startsAt!: string;
  @ApiProperty({ format: 'date-time', description: 'When details are withheld: the end of the IST hour' })
  endsAt!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Closest approach, metres (0 at the same venue); null when details are withheld' })
  distanceMetres!: number | null;
  @ApiProperty({ description: 'True when only "something restricts this place in this hour" may be shown to this user' })
  detailsWithheld!: boolean;
}
