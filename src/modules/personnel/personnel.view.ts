import { ApiProperty } from '@nestjs/swagger';
import { PageOf, ResponseView } from '../../platform/http';
import { Rank, RANKS } from '../../platform/ranks';
import { AVAILABILITY_KINDS, AvailabilityKind } from './availability.entity';
import { GENDERS } from './officer-fields';
import { IMPORT_COLUMNS } from './import/sheet';

/** A member of the force on the roll. */
export class OfficerView extends ResponseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Belt / service number' }) beltNo!: string;
  @ApiProperty() nameEn!: string;
  @ApiProperty() nameHi!: string;
  @ApiProperty({ enum: RANKS }) rank!: Rank;
  @ApiProperty({ enum: GENDERS }) gender!: 'M' | 'F' | 'X';
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) homeUnitId!: string | null;
  @ApiProperty({ type: String, nullable: true }) mobile!: string | null;
  @ApiProperty({ type: [String] }) skills!: string[];
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The officer’s own login, if linked',
  })
  userId!: string | null;
  @ApiProperty() isActive!: boolean;
  @ApiProperty() isDemo!: boolean;
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

export class OfficerPage extends PageOf(OfficerView) {}

export class ImportProblemView extends ResponseView {
  @ApiProperty({ enum: IMPORT_COLUMNS }) column!: string;
  @ApiProperty() message!: string;
}

export class ImportRowView extends ResponseView {
  @ApiProperty({ description: 'Row number in the sheet' }) row!: number;
  @ApiProperty({ type: String, nullable: true }) beltNo!: string | null;
  @ApiProperty({ type: [ImportProblemView] }) errors!: ImportProblemView[];
}

/** What an import of the roll did, row by row. */
export class ImportReportView extends ResponseView {
  @ApiProperty() total!: number;
  @ApiProperty() imported!: number;
  @ApiProperty() rejected!: number;
  @ApiProperty({ type: [ImportRowView] }) rows!: ImportRowView[];
}

/** A dated stretch when an officer cannot be put on duty. */
export class AvailabilityView extends ResponseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) officerId!: string;
  @ApiProperty({ enum: AVAILABILITY_KINDS }) kind!: AvailabilityKind;
  @ApiProperty() startsAt!: Date;
  @ApiProperty() endsAt!: Date;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: Date, nullable: true }) cancelledAt!: Date | null;
  @ApiProperty({ type: String, nullable: true }) cancelReason!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) cancelledBy!: string | null;
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

export class WeeklyOffsCancelledView extends ResponseView {
  @ApiProperty() cancelled!: number;
  @ApiProperty({ type: [String], format: 'uuid' }) entryIds!: string[];
}
