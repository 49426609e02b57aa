import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { InCommissionerate } from '../../../platform/geo';
import { PG_INTEGER_MAX, TimeOfDayField } from '../../../platform/http';

export class CreateVenueDto {
  @ApiProperty({ example: 'AMBEDKAR_PARK' })
  @Matches(/^[A-Z0-9_]{2,40}$/, { message: '$property must be 2-40 capital letters, digits or _' })
  code!: string;

  @ApiProperty({ example: 'Ambedkar Park (TT Nagar / Tulsi Nagar)' }) @IsString() @Length(2, 200) nameEn!: string;
  @ApiProperty({ example: 'अंबेडकर पार्क' }) @IsString() @Length(2, 200) nameHi!: string;
  @ApiProperty({ example: 23.2335 }) @InCommissionerate('lat') lat!: number;
  @ApiProperty({ example: 77.407 }) @InCommissionerate('lng') lng!: number;
  @ApiPropertyOptional({ example: 1000 }) @IsOptional() @IsInt() @Min(1) @Max(1_000_000) capacity?: number;
  @TimeOfDayField({ optional: true, example: '10:00' }) opensAt?: string;
  @TimeOfDayField({ optional: true, example: '17:00' }) closesAt?: string;
  @ApiProperty({ example: 'TT_NAGAR' }) @IsString() @Length(2, 40) thanaCode!: string;
  @ApiPropertyOptional({ example: 'designated_protest_ground' }) @IsOptional() @IsString() @Length(2, 60) kind?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 1000) notes?: string;
}

export class UpdateVenueDto extends PartialType(CreateVenueDto) {
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) @Max(PG_INTEGER_MAX) version!: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() isActive?: boolean;
}
