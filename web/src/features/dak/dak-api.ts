import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { sendOptions, type SendOptions } from '../../offline/kinds';
import { api, unwrap } from '../../api/client';
import type { components, paths } from '../../api/schema';
export { useUnits } from '../../api/units';

type Schemas = components['schemas'];
export type DakItem = Schemas['DakReceiptDetailView'];
export type DakSummary = Schemas['DakReceiptView'];
export type DakScan = Schemas['DakScanView'];
export type DakMovement = Schemas['DakMovementView'];
export type CreateDak = Schemas['CreateDakDto'];
export type DakStatus = DakSummary['status'];
export type DakAction = DakSummary['allowedActions'][number];
export type Grading = DakSummary['grading'];
export type DakPriority = DakSummary['priority'];
export type DakLanguage = DakSummary['language'];
export type DakChannel = DakSummary['intakeChannel'];
export type DakQuery = NonNullable<paths['/api/v1/dak']['get']['parameters']['query']>;
export type Unit = Schemas['UnitView'];

// The API's enums in the order the forms offer them (the compiler holds them to the schema).
export const GRADINGS = ['NORMAL', 'CONFIDENTIAL', 'SECRET', 'TOP_SECRET'] as const satisfies readonly Grading[];
export const PRIORITIES = ['NORMAL', 'URGENT', 'IMMEDIATE'] as const satisfies readonly DakPriority[];
export const LANGUAGES = ['hi', 'en', 'other'] as const satisfies readonly DakLanguage[];
export const CHANNELS = ['POST', 'WALK_IN', 'EMAIL', 'WHATSAPP', 'EOFFICE'] as const satisfies readonly DakChannel[];
export const STATUSES = ['AWAITING_CONFIRMATION', 'DIARISED', 'MARKED', 'RECEIVED', 'CLOSED'] as const satisfies readonly DakStatus[];
/** Scans the API takes (by content): what the file picker offers. */
export const SCAN_TYPES = 'application/pdf,image/jpeg,image/png';

const KEY = ['dak'] as const;
// Every read of a graded item is audited: no refetch just because the window got focus.
const AUDITED = { refetchOnWindowFocus: false } as const;

export function useDakList(query: DakQuery) {
  return useQuery({
    queryKey: [...KEY, 'list', query],
    queryFn: () => unwrap(api.GET('/api/v1/dak', { params: { query } })),
    placeholderData: (previous) => previous,
    ...AUDITED,
  });
}

export function useDakItem(id: string) {
  return useQuery({
    queryKey: [...KEY, 'one', id],
    queryFn: () => unwrap(api.GET('/api/v1/dak/{id}', { params: { path: { id } } })),
    retry: (count, error) => !(error instanceof Error && 'status' in error && (error as { status: number }).status === 404) && count < 2,
    ...AUDITED,
  });
}


/** Puts an answer that carries the item (an upload, an action) in place of the one shown. */
export function useSetDakItem() {
  const client = useQueryClient();
  return (item: DakItem) => {
    client.setQueryData([...KEY, 'one', item.id], item);
    void client.invalidateQueries({ queryKey: [...KEY], predicate: (q) => q.queryKey[1] !== 'one' });
  };
}

/** `send`: the outbox's Idempotency-Key and time limit, when it sends a scan saved on the device. */
export async function uploadDakScan(id: string, file: File, send?: SendOptions): Promise<DakItem> {
  const form = new FormData();
  form.set('file', file);
  return unwrap(
    api.POST('/api/v1/dak/{id}/scans', {
      params: { path: { id } },
      // The route takes multipart/form-data, which the browser encodes; the generated type has no body.
      body: form as never,
      bodySerializer: (b: unknown) => b as FormData,
      ...sendOptions(send),
    }),
  );
}

export async function dakScanBlob(id: string, scanId: string): Promise<Blob> {
  return unwrap(api.GET('/api/v1/dak/{id}/scans/{scanId}', { params: { path: { id, scanId } }, parseAs: 'blob' })) as Promise<Blob>;
}

export type DakFile = Schemas['DakFileView'];
export type DakReply = Schemas['DakReplyView'];
export type DakFileDetail = Schemas['DakFileDetailView'];
export type MarkBody = Schemas['DakMarkDto'];
export type ConfirmBody = Schemas['DakConfirmDto'];

export function useDakInbox() {
  return useQuery({ queryKey: [...KEY, 'inbox'], queryFn: () => unwrap(api.GET('/api/v1/dak/inbox', { params: { query: { limit: 200 } } })), ...AUDITED });
}

export function useDakFiles(enabled = true) {
  return useQuery({ queryKey: [...KEY, 'files'], queryFn: () => unwrap(api.GET('/api/v1/dak/files', { params: { query: { limit: 200 } } })), enabled, ...AUDITED });
}

export function useDakFile(id: string) {
  return useQuery({
    queryKey: [...KEY, 'file', id],
    queryFn: () => unwrap(api.GET('/api/v1/dak/files/{fileId}', { params: { path: { fileId: id } } })),
    retry: (count, error) => !(error instanceof Error && 'status' in error && (error as { status: number }).status === 404) && count < 2,
    ...AUDITED,
  });
}

export function useOpenDakFile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['CreateDakFileDto']) => unwrap(api.POST('/api/v1/dak/files', { body })),
    onSuccess: () => void client.invalidateQueries({ queryKey: [...KEY, 'files'] }),
  });
}

type Step =
  | { action: 'confirm'; body: ConfirmBody }
  | { action: 'mark' | 'forward'; body: MarkBody }
  | { action: 'receive'; body: Schemas['DakVersionDto'] }
  | { action: 'putInFile'; body: Schemas['DakPutInFileDto'] }
  | { action: 'reply'; body: Schemas['DakReplyDto'] }
  | { action: 'close' | 'reopen'; body: Schemas['DakReasonDto'] };

function send(id: string, step: Step): Promise<DakItem> {
  const path = { params: { path: { id } } };
  switch (step.action) {
    case 'confirm':
      return unwrap(api.POST('/api/v1/dak/{id}/confirm', { ...path, body: step.body }));
    case 'mark':
      return unwrap(api.POST('/api/v1/dak/{id}/mark', { ...path, body: step.body }));
    case 'forward':
      return unwrap(api.POST('/api/v1/dak/{id}/forward', { ...path, body: step.body }));
    case 'receive':
      return unwrap(api.POST('/api/v1/dak/{id}/receive', { ...path, body: step.body }));
    case 'putInFile':
      return unwrap(api.POST('/api/v1/dak/{id}/put-in-file', { ...path, body: step.body }));
    case 'reply':
      return unwrap(api.POST('/api/v1/dak/{id}/reply', { ...path, body: step.body }));
    case 'close':
      return unwrap(api.POST('/api/v1/dak/{id}/close', { ...path, body: step.body }));
    case 'reopen':
      return unwrap(api.POST('/api/v1/dak/{id}/reopen', { ...path, body: step.body }));
  }
}

/** One action of the workflow; its answer is the item as a GET would give it, so no second read. */
export function useDakStep(id: string) {
  const set = useSetDakItem();
  return useMutation({ mutationFn: (step: Step) => send(id, step), onSuccess: set });
}

export type Outage = Schemas['EofficeOutageView'];
export type OutageReport = Schemas['OutageReportView'];
export type OutageReportPaper = Schemas['OutageReportPaperView'];

export function useOutages() {
  return useQuery({ queryKey: ['eoffice', 'outages'], queryFn: () => unwrap(api.GET('/api/v1/eoffice/outages', { params: { query: { limit: 100 } } })), staleTime: 60_000 });
}

export function useOutageReport(outageId: string | null) {
  return useQuery({
    queryKey: [...KEY, 'outage-report', outageId],
    queryFn: () => unwrap(api.GET('/api/v1/dak/outage-reports/{outageId}', { params: { path: { outageId: outageId ?? '' } } })),
    enabled: outageId !== null,
    ...AUDITED,
  });
}

export async function outageReportCsv(outageId: string): Promise<Blob> {
  return unwrap(api.GET('/api/v1/dak/outage-reports/{outageId}/csv', { params: { path: { outageId } }, parseAs: 'blob' })) as Promise<Blob>;
}

/** Issues the report's bilingual PDF as it stands now (a paper of record, verifiable by its QR), then fetches it. */
export async function issueOutageReportPdf(outageId: string): Promise<{ paper: OutageReportPaper; pdf: Blob }> {
  const paper = await unwrap(api.POST('/api/v1/dak/outage-reports/{outageId}/papers', { params: { path: { outageId } } }));
  const pdf = (await unwrap(api.GET('/api/v1/dak/outage-reports/{outageId}/papers/{documentId}/pdf', { params: { path: { outageId, documentId: paper.documentId } }, parseAs: 'blob' }))) as Blob;
  return { paper, pdf };
}

/** A reply's PDF (the outward letter), fetched with the session. */
export async function dakReplyBlob(id: string, replyId: string): Promise<Blob> {
  return unwrap(api.GET('/api/v1/dak/{id}/replies/{replyId}/pdf', { params: { path: { id, replyId } }, parseAs: 'blob' })) as Promise<Blob>;
}
