import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../../platform/context';
import { DakPageQueryDto } from './dak-actions.dto';
import { DakRecords, DakView } from './dak-records.service';
import { DAK_OPEN_STATUSES } from './dak-workflow';
import { DakReceipt } from './entities/dak-receipt.entity';

/** IMMEDIATE first, then URGENT, then NORMAL. */
const PRIORITY_RANK_SQL = `CASE d.priority WHEN 'IMMEDIATE' THEN 0 WHEN 'URGENT' THEN 1 ELSE 2 END`;

/**
 * A holder's inbox: the open items the user holds (marked to them, or taken by them) and those
 * held by the user's unit that no officer has taken yet; most urgent first, then the oldest
 * (by when they were marked, or received for one not yet marked), each with its overdue flag.
 * The dak clerks' unit finds here the items diarised from e-mail awaiting confirmation.
 */
@Injectable()
export class DakInbox {
  constructor(
    private readonly dataSource: DataSource,
    private readonly records: DakRecords,
  ) {}

  async of(actor: Actor, page: DakPageQueryDto): Promise<{ total: number; items: DakView[] }> {
    const [items, total] = await this.dataSource
      .getRepository(DakReceipt)
      .createQueryBuilder('d')
      .where('d.status IN (:...open)', { open: DAK_OPEN_STATUSES })
      .andWhere('(d.holder_user_id = :me OR (d.holder_user_id IS NULL AND d.holder_unit_id = :myUnit))', { me: actor.id, myUnit: actor.unitId })
      .orderBy(PRIORITY_RANK_SQL, 'ASC')
      .addOrderBy('COALESCE(d.marked_at, d.received_at)', 'ASC')
      .addOrderBy('d.ref', 'ASC')
      .take(page.limit)
      .skip(page.offset)
      .getManyAndCount();
    await this.records.auditViews(items, 'inbox');
    return { total, items: await this.records.views(actor, items) };
  }
}
