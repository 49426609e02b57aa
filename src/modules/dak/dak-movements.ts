import { EntityManager } from 'typeorm';
import { DakMovement } from './entities/dak-movement.entity';
import { DakReceipt } from './entities/dak-receipt.entity';

export type NewMovement = Pick<DakMovement, 'action' | 'fromStatus' | 'toStatus' | 'toUnitId'> &
  Partial<Pick<DakMovement, 'fromUnitId' | 'fromUserId' | 'toUserId' | 'instruction' | 'dueAt' | 'note' | 'actorId'>> & { at: Date };

/**
 * Appends the next step of a receipt's history. Callers hold the receipt's row (inserted in the
 * same change, or locked FOR UPDATE), so the next seq is theirs alone.
 */
export async function appendMovement(em: EntityManager, receipt: Pick<DakReceipt, 'id'>, m: NewMovement): Promise<DakMovement> {
  // A receipt's history starts with its diarisation, in the change that inserts it: step 1.
  const next =
    m.action === 'diarise'
      ? 1
      : Number(((await em.query(`SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM dak_movement WHERE receipt_id = $1`, [receipt.id])) as Array<{ next: number }>)[0]!.next);
  const row = em.create(DakMovement, {
    receiptId: receipt.id,
    seq: next,
    fromUnitId: null,
    fromUserId: null,
    toUserId: null,
    instruction: null,
    dueAt: null,
    note: null,
    actorId: null,
    ...m,
  });
  await em.insert(DakMovement, row);
  return row;
}
