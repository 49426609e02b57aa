import { Injectable, NotFoundException, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../platform/context/request-context';
import { UnitOfWork } from '../../platform/change';
import { DeliveredReference, OutboxSources } from '../../platform/eoffice/outbox/outbox-sources';
import { OutboxItem } from '../../platform/eoffice/outbox/outbox.entity';
import { fieldError } from '../../platform/http/field-error';
import { unitScope, UnitsService } from '../../platform/units';
import { DakReceipt } from './dak-receipt.entity';
import { CreateDakDto, DakQueryDto } from './dak.dto';

export const DAK_SOURCE = 'dak_receipt';

/** The dak register: every inward item gets a number here at once, and goes to e-Office when it can. */
@Injectable()
export class DakService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly sources: OutboxSources,
    private readonly units: UnitsService,
  ) {}

  onModuleInit(): void {
    this.sources.register(DAK_SOURCE, { onDelivered: (em, item, ref) => this.recordEofficeReference(em, item, ref) });
  }

  async receive(actor: Actor, dto: CreateDakDto): Promise<DakReceipt> {
    const receivedAt = new Date(dto.receivedAt);
    if (receivedAt.getTime() > Date.now() + 5 * 60_000) throw fieldError('receivedAt', 'receivedAt cannot be in the future');
    return this.uow.run(async (change) => {
      const { em } = change;
      const markedTo = dto.markedTo ? await this.units.byCode(dto.markedTo, em, 'markedTo') : null;
      const ref = await change.takeReference('DAK', receivedAt);
      const dak = await em.save(
        em.create(DakReceipt, {
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
          eofficeStatus: 'PENDING_SYNC',
          createdBy: actor.id,
        }),
      );
      await change.toEoffice({
        sourceType: DAK_SOURCE,
        sourceId: dak.id,
        sourceRef: ref,
        kind: 'DAK_INWARD',
        subject: dak.subject,
        grading: dak.grading,
        intakeChannel: dak.intakeChannel,
        receivedAt: dak.receivedAt,
        metadata: { sender: dak.senderName, senderOffice: dak.senderOffice, letterNo: dak.letterNo, letterDate: dak.letterDate, markedTo: markedTo?.code ?? null },
      });
      change.audit({
        action: 'dak.received',
        entityType: DAK_SOURCE,
        entityId: dak.id,
        diff: { ref, intakeChannel: dak.intakeChannel, receivedAt: dak.receivedAt.toISOString(), grading: dak.grading },
      });
      return dak;
    });
  }

  async list(actor: Actor, f: DakQueryDto): Promise<{ total: number; items: DakReceipt[] }> {
    const scope = unitScope(actor, 'd.unit_id');
    const q = this.dataSource.getRepository(DakReceipt).createQueryBuilder('d').where(scope.sql, scope.params).orderBy('d.received_at', 'DESC').take(f.limit).skip(f.offset);
    if (f.from) q.andWhere('d.received_at >= :from', { from: f.from });
    if (f.to) q.andWhere('d.received_at < :to', { to: f.to });
    if (f.intakeChannel) q.andWhere('d.intake_channel = :ch', { ch: f.intakeChannel });
    if (f.eofficeStatus) q.andWhere('d.eoffice_status = :st', { st: f.eofficeStatus });
    if (f.q) q.andWhere('d.subject ILIKE :q', { q: `%${f.q.replace(/[%_\\]/g, '\\$&')}%` });
    const [items, total] = await q.getManyAndCount();
    return { total, items };
  }

  async get(actor: Actor, id: string): Promise<DakReceipt> {
    const scope = unitScope(actor, 'd.unit_id');
    const dak = await this.dataSource.getRepository(DakReceipt).createQueryBuilder('d').where('d.id = :id', { id }).andWhere(scope.sql, scope.params).getOne();
    if (!dak) throw new NotFoundException(`Dak ${id} not found`);
    return dak;
  }

  private async recordEofficeReference(em: EntityManager, item: OutboxItem, ref: DeliveredReference): Promise<void> {
    await em.update(DakReceipt, item.sourceId, {
      eofficeStatus: ref.eofficeRef ? 'DIARISED' : 'SENT_FOR_DIARISATION',
      eofficeRef: ref.eofficeRef,
      eofficeChannelRef: ref.channelRef,
      eofficeSyncedAt: new Date(),
    });
  }
}
