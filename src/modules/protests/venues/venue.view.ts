import { ApiProperty } from '@nestjs/swagger';
import { ResponseView } from '../../../platform/http';

/** A place protests are held or asked for, from the venue registry. */
export class VenueView extends ResponseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'AMBEDKAR_PARK' }) code!: string;
  @ApiProperty() nameEn!: string;
  @ApiProperty() nameHi!: string;
  @ApiProperty() lat!: number;
  @ApiProperty() lng!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Most people the site takes' })
  capacity!: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'IST, HH:MM' }) opensAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'IST, HH:MM' }) closesAt!:
    string | null;
  @ApiProperty({ format: 'uuid' }) thanaUnitId!: string;
  @ApiProperty({ type: String, nullable: true }) kind!: string | null;
  @ApiProperty({ type: String, nullable: true }) notes!: string | null;
  @ApiProperty() isActive!: boolean;
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}
