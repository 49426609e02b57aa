import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../../platform/context';
import { UnitOfWork } from '../../platform/change';
import {
  eofficeFields,
  newRecordSync,
  RecordSync,
  recordSyncStatusSql,
  SyncStateService,
} from '../../platform/eoffice';
import { fieldError } from '../../platform/http';
import { CLOCK, Clock, parseIstInstant } from '../../platform/time';
import { unitScope, UnitsService } from '../../platform/units';
import { DakReceipt } from './dak-receipt.entity';
import { CreateDakDto, DakQueryDto } from './dak.dto';

export const DAK_SOURCE = 'dak_receipt';
/** A receipt stamped a few minutes ahead is a clock skew; further ahead is a typing error. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** The dak register: every inward item gets a number here at once, and goes to e-Office when it can. */
@Injectable()
export class DakService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly sync: SyncStateService,
    private readonly units: UnitsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async receive(actor: Actor, dto: CreateDakDto): Promise<DakView> {
    // Back-entry after an outage is the point of the field: any past moment, but not the future
    // (a few minutes' grace for a clock that runs ahead).
    const receivedAt = parseIstInstant(dto.receivedAt);
    if (receivedAt.getTime() > this.clock.now().getTime() + CLOCK_SKEW_MS)
      throw fieldError('receivedAt', 'receivedAt cannot be in the future');
    const { dak, inward } = await this.uow.run(async (change) => {
      const { em } = change;
      const markedTo = dto.markedTo ? await this.units.byCode(dto.markedTo, em, 'markedTo') : null;
      const ref = await change.takeReference('DAK', receivedAt);
      const dak = em.create(DakReceipt, {
        ref,
        subject: dto.subject,
        senderName: dto.senderName,
        senderOffice: dto.senderOffice ?? null,
        letterNo: dto.letterNo ?? null,
        letterDate: dto.letterDate ?? null,
        intakeChannel: dto.intakeChannel,
        receivedAt,
        grading: dto.grading ?? 'NORMAL',
        unitId: actor.unitId,
        markedToUnitId: markedTo?.id ?? null,
        remarks: dto.remarks ?? null,
        createdBy: actor.id,
      });
      await em.insert(DakReceipt, dak);
      const inward = await change.toEoffice({
        sourceType: DAK_SOURCE,
        sourceId: dak.id,
        sourceRef: ref,
        kind: 'DAK_INWARD',
        subject: dak.subject,
        grading: dak.grading,
        intakeChannel: dak.intakeChannel,
        receivedAt: dak.receivedAt,
        metadata: {
          sender: dak.senderName,
          senderOffice: dak.senderOffice,
          letterNo: dak.letterNo,
          letterDate: dak.letterDate,
          markedTo: markedTo?.code ?? null,
        },
      });
      change.audit({
        action: 'dak.received',
        entityType: DAK_SOURCE,
        entityId: dak.id,
        diff: {
          ref,
          intakeChannel: dak.intakeChannel,
          receivedAt: dak.receivedAt.toISOString(),
          grading: dak.grading,
        },
      });
      return { dak, inward };
    });
    return withSync(dak, newRecordSync([inward]));
  }

  async list(actor: Actor, f: DakQueryDto): Promise<{ total: number; items: DakView[] }> {
    const scope = unitScope(actor, 'd.unit_id');
    const q = this.dataSource
      .getRepository(DakReceipt)
      .createQueryBuilder('d')
      .where(scope.sql, scope.params)
      .orderBy('d.received_at', 'DESC')
      .take(f.limit)
      .skip(f.offset);
    if (f.from) q.andWhere('d.received_at >= :from', { from: parseIstInstant(f.from) });
    if (f.to) q.andWhere('d.received_at < :to', { to: parseIstInstant(f.to) });
    if (f.intakeChannel) q.andWhere('d.intake_channel = :ch', { ch: f.intakeChannel });
    if (f.eofficeStatus)
      q.andWhere(`${recordSyncStatusSql(':dakSource', 'd.id::text')} = :st`, {
        dakSource: DAK_SOURCE,
        st: f.eofficeStatus,
      });
    if (f.q) q.andWhere('d.subject ILIKE :q', { q: `%${f.q.replace(/[%_\\]/g, '\\$&')}%` });
    const [items, total] = await q.getManyAndCount();
    const sync = await this.sync.forRecords(
      DAK_SOURCE,
      items.map((d) => d.id),
    );
    return { total, items: items.map((d) => withSync(d, sync.get(d.id)!)) };
  }

  async get(actor: Actor, id: string): Promise<DakView> {
    const scope = unitScope(actor, 'd.unit_id');
    const dak = await this.dataSource
      .getRepository(DakReceipt)
      .createQueryBuilder('d')
      .where('d.id = :id', { id })
      .andWhere(scope.sql, scope.params)
      .getOne();
    if (!dak) throw new NotFoundException(`Dak ${id} not found`);
    return withSync(dak, await this.sync.forRecord(DAK_SOURCE, id));
  }
}

export type DakView = ReturnType<typeof withSync>;

/**
 * A dak as the API shows it: PENDING_SYNC until e-Office has it, since an entry made during an
 * outage is not final there yet; `eofficeRef` is the receipt number e-Office gave its inward item.
 */
function withSync(dak: DakReceipt, sync: RecordSync) {
  const [inward] = sync.items;
  return {
    ...dak,
    ...eofficeFields(inward),
    eofficeStatus: sync.summary.status,
    eofficeSync: sync.summary,
  };
}
