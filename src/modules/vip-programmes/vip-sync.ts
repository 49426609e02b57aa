import { eofficeFields, ItemSync, RecordSync } from '../../platform/eoffice';
import type { VipProgramme, VipProgrammeRevision } from './vip.entity';

/** e-Office kinds of a programme's items: one per revision, and one for a cancellation. */
export const VIP_REVISION_KIND = 'VIP_PROGRAMME_REVISION';
export const VIP_CANCELLATION_KIND = 'VIP_PROGRAMME_CANCELLED';

/** A revision's own item in e-Office: the one that carried its PDF. */
export function revisionItem(sync: RecordSync, revision: Pick<VipProgrammeRevision, 'documentId'>): ItemSync | undefined {
  return revision.documentId ? sync.items.find((i) => i.kind === VIP_REVISION_KIND && i.documentId === revision.documentId) : undefined;
}

/**
 * A programme's standing in e-Office is its items' summary: revision 1 diarised does not make a
 * programme whose revision 2 is still waiting DIARISED. Each revision shows its own number.
 */
export function programmeSync(programme: VipProgramme, sync: RecordSync) {
  return { ...programme, eofficeStatus: sync.summary.status, eofficeSync: sync.summary };
}

/** The cancellation's own item, once the programme is cancelled. */
export function cancellationSync(sync: RecordSync) {
  const item = sync.items.find((i) => i.kind === VIP_CANCELLATION_KIND);
  return item ? { outboxId: item.outboxId, ...eofficeFields(item) } : null;
}
