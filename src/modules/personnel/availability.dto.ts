import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { DateTimeField } from '../../platform/http';
import { AVAILABILITY_KINDS, AvailabilityKind } from './availability.entity';

export class CreateAvailabilityDto {
  @ApiProperty({ enum: AVAILABILITY_KINDS }) @IsIn(AVAILABILITY_KINDS) kind!: AvailabilityKind;
  @DateTimeField({
    example: '2026-11-27',
    description: 'Not before today (IST): a new entry is new work',
  })
  from!: string;
  @DateTimeField({ example: '2026-11-28', description: 'Exclusive end' }) to!: string;
  @ApiPropertyOptional({ example: 'Earned leave, order 123/2026' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;
}

export class AvailabilityQueryDto {
  @DateTimeField({ optional: true, description: 'Entries ending after this instant' })
  from?: string;
  @DateTimeField({ optional: true, description: 'Entries starting before this instant' })
  to?: string;
}

export class CancelAvailabilityDto {
  @ApiProperty({ example: 'Recalled for the CM visit' })
  @IsString()
  @Length(3, 500)
  reason!: string;
}

/** The DGP's practice: weekly offs are cancelled on VIP movement days. */
export class CancelWeeklyOffsDto {
  @DateTimeField({ example: '2026-11-27' }) from!: string;
  @DateTimeField({ example: '2026-11-28', description: 'Exclusive end' }) to!: string;
  @ApiPropertyOptional({
    example: 'ZONE_1',
    description: 'Only officers of this unit subtree; default: your whole unit',
  })
  @IsOptional()
  @Matches(/^[A-Z0-9_]{2,40}$/)
  unitCode?: string;
  @ApiProperty({ example: 'VIP movement: Hon. CM, 27-11-2026' })
  @IsString()
  @Length(3, 500)
  reason!: string;
}
