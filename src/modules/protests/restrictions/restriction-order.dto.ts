import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { InCommissionerate } from '../../../platform/geo';
import { DateTimeField, PG_INTEGER_MAX } from '../../../platform/http';
import { RESTRICTION_AREA_KINDS, RestrictionAreaKind } from '../entities/restriction-order.entity';

export class GeoPointDto {
  @ApiProperty({ example: 23.2403 }) @InCommissionerate('lat') lat!: number;
  @ApiProperty({ example: 77.4135 }) @InCommissionerate('lng') lng!: number;
}

/** A circle (centre + radius) or a polygon, and a time window. */
export class CreateRestrictionOrderDto {
  @ApiProperty({ example: '163/DCP-IS/2026/14' }) @IsString() @Length(2, 100) orderRef!: string;

  @ApiProperty({ example: 'Vidhan Sabha winter session: s.163 BNSS ban within 1 km' })
  @IsString() @Length(5, 1000)
  reason!: string;

  @ApiProperty({ enum: RESTRICTION_AREA_KINDS }) @IsIn(RESTRICTION_AREA_KINDS) areaKind!: RestrictionAreaKind;

  @ApiPropertyOptional({ type: GeoPointDto, description: 'RADIUS only' })
  @IsOptional() @ValidateNested() @Type(() => GeoPointDto)
  centre?: GeoPointDto;

  @ApiPropertyOptional({ example: 1000, description: 'RADIUS only' }) @IsOptional() @IsInt() @Min(10) @Max(50_000) radiusMetres?: number;

  @ApiPropertyOptional({ type: [GeoPointDto], description: 'POLYGON only: 3–200 corners in order' })
  @IsOptional() @IsArray() @ArrayMinSize(3) @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => GeoPointDto)
  polygon?: GeoPointDto[];

  @DateTimeField({ example: '2026-12-01T00:00:00+05:30' }) startsAt!: string;
  @DateTimeField({ example: '2026-12-20T00:00:00+05:30' }) endsAt!: string;
}

/** An order may be extended, re-worded or lifted; its area stays as issued (issue a new order). */
export class UpdateRestrictionOrderDto {
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) @Max(PG_INTEGER_MAX) version!: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(5, 1000) reason?: string;
  @DateTimeField({ optional: true, example: '2026-12-25T00:00:00+05:30' }) endsAt?: string;
  @ApiPropertyOptional({ description: 'false lifts the order' }) @IsOptional() @IsBoolean() isActive?: boolean;
}
