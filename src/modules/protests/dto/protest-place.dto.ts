import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { InCommissionerate } from '../../../platform/geo';
import { DateTimeField } from '../../../platform/http';

export class RoutePointDto {
  @ApiProperty({ example: 'रोशनपुरा चौराहा / Roshanpura Square' })
  @IsString()
  @Length(2, 200)
  name!: string;

  @ApiProperty({ example: 23.2392 }) @InCommissionerate('lat') lat!: number;
  @ApiProperty({ example: 77.3985 }) @InCommissionerate('lng') lng!: number;
}

/** A juloos, rally or yatra: ordered points, and the thana where it starts (it reports). */
export class RouteDto {
  @ApiProperty({ example: 'TT_NAGAR', description: 'Unit code of the thana that reports on the route' })
  @IsString()
  @Length(2, 40)
  thanaCode!: string;

  @ApiProperty({ type: [RoutePointDto], description: 'Start, turns and end, in order (2–50 points)' })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RoutePointDto)
  points!: RoutePointDto[];
}

/** Noise Rules 2000 r.5: written permission, and hours (IST instants) within the event. */
export class LoudspeakerDto {
  @DateTimeField({ example: '2026-11-27T11:00:00+05:30' }) from!: string;
  @DateTimeField({ example: '2026-11-27T13:00:00+05:30' }) to!: string;
}

export class VehiclesDto {
  @ApiProperty({ example: 4 }) @IsInt() @Min(0) @Max(5000) count!: number;

  @ApiPropertyOptional({ example: '2 trucks with banners, 2 cars' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  details?: string;
}
