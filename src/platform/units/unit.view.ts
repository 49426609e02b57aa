import { ApiProperty } from '@nestjs/swagger';
import { ResponseView } from '../http/response-view';
import { UNIT_IMPORT_COLUMNS } from './unit-import-rows';
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
  @ApiProperty({ description: 'False once retired (kept for the records that name it)' })
  isActive!: boolean;
  @ApiProperty({ type: Date, nullable: true }) retiredAt!: Date | null;
  @ApiProperty() version!: number;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

/** One unit whose path a move rewrote. */
export class UnitPathChangeView extends ResponseView {
  @ApiProperty({ example: 'TT_NAGAR' }) code!: string;
  @ApiProperty({ example: 'BPL.ZONE_1.ACP_TT_NAGAR.TT_NAGAR' }) from!: string;
  @ApiProperty({ example: 'BPL.ZONE_2.ACP_TT_NAGAR.TT_NAGAR' }) to!: string;
}

/** A moved unit and every path the move rewrote (its own and its subtree's). */
export class UnitMoveView extends ResponseView {
  @ApiProperty({ type: UnitView }) unit!: UnitView;
  @ApiProperty({ type: [UnitPathChangeView] }) paths!: UnitPathChangeView[];
}

export class UnitReferenceView extends ResponseView {
  @ApiProperty({ example: 'officer', description: 'What refers to the unit' }) what!: string;
  @ApiProperty() count!: number;
}

/** What removing a unit did: deleted when nothing referred to it, otherwise retired. */
export class UnitRemovalView extends ResponseView {
  @ApiProperty({ enum: ['DELETED', 'RETIRED'] }) outcome!: 'DELETED' | 'RETIRED';
  @ApiProperty({ type: UnitView }) unit!: UnitView;
  @ApiProperty({ type: [UnitReferenceView], description: 'Why it was retired rather than deleted' })
  referencedBy!: UnitReferenceView[];
}

export class UnitImportProblemView extends ResponseView {
  @ApiProperty({ enum: UNIT_IMPORT_COLUMNS }) column!: string;
  @ApiProperty() message!: string;
}

export class UnitImportRowView extends ResponseView {
  @ApiProperty({ description: 'Row number in the sheet (the header is row 1)' }) row!: number;
  @ApiProperty({ type: String, nullable: true, description: "The thana's code" }) code!:
    string | null;
  @ApiProperty({ type: [UnitImportProblemView] }) errors!: UnitImportProblemView[];
}

/** What an import of the unit tree did. */
export class UnitImportReportView extends ResponseView {
  @ApiProperty() total!: number;
  @ApiProperty({ description: 'Rows imported' }) imported!: number;
  @ApiProperty() rejected!: number;
  @ApiProperty({ description: 'Units created' }) created!: number;
  @ApiProperty({ description: 'Units whose names or place on the map the file changed' })
  updated!: number;
  @ApiProperty({ description: 'Units already as the file says' }) unchanged!: number;
  @ApiProperty({ type: [UnitImportRowView] }) rows!: UnitImportRowView[];
}
