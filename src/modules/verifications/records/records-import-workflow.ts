import { StateMachine, SYSTEM } from '../../../platform/workflow';
import type { CriminalRecordImport, RecordsImportState } from './criminal-record-import.entity';

/** An import as the workflow sees it: who is acting, and whose preview it is. */
export interface RecordsImportContext {
  readonly imp: Pick<CriminalRecordImport, 'previewedBy' | 'fileName' | 'goodRows'>;
  readonly actorId: string | null;
}

const ownPreview = ({ imp, actorId }: RecordsImportContext) =>
  imp.previewedBy === actorId
    ? null
    : {
        message:
          'only the admin who previewed this file may confirm or discard it: preview the file yourself to see what it would enter',
      };

/**
 * An import of the criminal-records index: previewed when uploaded, then applied (the
 * previewed rows entered into the index) or discarded by the admin who previewed it, or
 * expired when nobody confirms it in time.
 */
export const RECORDS_IMPORT_WORKFLOW = new StateMachine<
  RecordsImportState,
  'confirm' | 'discard' | 'expire',
  RecordsImportContext
>({
  name: 'records index import',
  states: ['PREVIEWED', 'APPLIED', 'DISCARDED', 'EXPIRED'],
  actions: {
    confirm: {
      from: ['PREVIEWED'],
      to: 'APPLIED',
      roles: ['ADMIN'],
      guard: (c) =>
        ownPreview(c) ??
        (c.imp.goodRows === 0 ? { message: 'none of its rows can be entered; fix the file and upload it again' } : null),
    },
    discard: { from: ['PREVIEWED'], to: 'DISCARDED', roles: ['ADMIN'], guard: ownPreview },
    expire: { from: ['PREVIEWED'], to: 'EXPIRED', roles: [SYSTEM] },
  },
  subject: ({ imp }) => `the import of ${imp.fileName}`,
  hints: {
    APPLIED: 'its rows are in the index already; a file is applied once',
    EXPIRED: 'upload the file again for a new preview',
    DISCARDED: 'upload the file again for a new preview',
  },
});

/** The state as it stands at `now`: a preview not confirmed in time has expired. */
export function effectiveState(imp: Pick<CriminalRecordImport, 'status' | 'expiresAt'>, now: Date): RecordsImportState {
  return imp.status === 'PREVIEWED' && now.getTime() >= imp.expiresAt.getTime() ? 'EXPIRED' : imp.status;
}
