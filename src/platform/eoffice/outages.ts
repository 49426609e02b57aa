import { Injectable, NotFoundException } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { PageOf, ResponseView } from '../http/response-view';
import { CHANNEL_FAULTS, ChannelFaultKind } from './gateway';

/** One spell of e-Office being down, as the health check saw it. */
export interface EofficeOutage {
  id: string;
  beganAt: Date;
  /** Null while it lasts. */
  endedAt: Date | null;
  fault: ChannelFaultKind | null;
}

export class EofficeOutageView extends ResponseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'When the failing began (the first failed check or delivery of the run that led to it)' }) beganAt!: Date;
  @ApiProperty({ type: Date, nullable: true, description: 'When e-Office came back; null while the outage lasts' }) endedAt!: Date | null;
  @ApiProperty({ enum: CHANNEL_FAULTS, nullable: true }) fault!: ChannelFaultKind | null;
}

export class EofficeOutagePage extends PageOf(EofficeOutageView) {}

interface OutageRow {
  id: string;
  began_at: Date;
  ended_at: Date | null;
  fault: ChannelFaultKind | null;
}

const outage = (r: OutageRow): EofficeOutage => ({ id: r.id, beganAt: r.began_at, endedAt: r.ended_at, fault: r.fault });

/**
 * The outage history the mode keeps beside itself (`EofficeChannel` opens and closes each
 * spell in the transaction that changes the mode). Reports of what was received while
 * e-Office was down read their window here.
 */
@Injectable()
export class EofficeOutages {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest first. */
  async list(limit: number, offset: number): Promise<{ total: number; items: EofficeOutage[] }> {
    const rows = (await this.dataSource.query(
      `SELECT id, began_at, ended_at, fault, count(*) OVER () AS total FROM eoffice_outage ORDER BY began_at DESC LIMIT $1 OFFSET $2`,
      [limit, offset],
    )) as Array<OutageRow & { total: string }>;
    const total = rows.length
      ? Number(rows[0].total)
      : Number(((await this.dataSource.query(`SELECT count(*) AS n FROM eoffice_outage`)) as Array<{ n: string }>)[0].n);
    return { total, items: rows.map(outage) };
  }

  async get(id: string): Promise<EofficeOutage> {
    const [row] = (await this.dataSource.query(`SELECT id, began_at, ended_at, fault FROM eoffice_outage WHERE id = $1`, [id])) as OutageRow[];
    if (!row) throw new NotFoundException(`Outage ${id} not found`);
    return outage(row);
  }
}
