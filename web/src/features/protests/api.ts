import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components, paths } from '../../api/schema';
import { cachedRead } from '../../offline/cached-read';
import { sendOptions, type SendOptions } from '../../offline/kinds';
export { useUnits } from '../../api/units';

type Schemas = components['schemas'];
export type ProtestDetail = Schemas['ProtestDetailView'];
export type ProtestSummary = Schemas['ProtestSummaryView'];
export type CreateProtest = Schemas['CreateProtestDto'];
export type ProtestCheck = Schemas['ProtestCheckView'];
export type RuleResult = Schemas['RuleResultView'];
export type Clash = Schemas['ClashView'];
export type Venue = Schemas['VenueView'];
export type Unit = Schemas['UnitView'];
export type Letter = Schemas['ProtestLetterView'];
export type Attachment = Schemas['ProtestAttachmentView'];
export type ProtestStatus = ProtestSummary['status'];
export type EventType = Schemas['EventDto']['type'];
export type IntakeChannel = Schemas['IntakeDto']['channel'];
export type IdDocumentType = Schemas['ApplicantDto']['idDocumentType'];
export type Recommendation = Schemas['ThanaReportDto']['recommendation'];
export type AttachmentKind = Schemas['AttachmentFormDto']['kind'];
export type SmsLanguage = NonNullable<Schemas['ApplicantDto']['smsLanguage']>;
export type ProtestQuery = NonNullable<paths['/api/v1/protests']['get']['parameters']['query']>;

// The API's enums, in the order the form offers them (the compiler holds them to the schema).
export const INTAKE_CHANNELS = ['WALK_IN', 'EOFFICE', 'EMAIL', 'WHATSAPP', 'POST'] as const satisfies readonly IntakeChannel[];
export const ID_DOCUMENT_TYPES = ['AADHAAR', 'VOTER_ID', 'PAN', 'DRIVING_LICENCE', 'PASSPORT', 'RATION_CARD', 'OTHER'] as const satisfies readonly IdDocumentType[];
export const SMS_LANGUAGES = ['hi', 'en', 'bi'] as const satisfies readonly SmsLanguage[];
export const RECOMMENDATIONS = ['RECOMMENDED', 'RECOMMENDED_WITH_CONDITIONS', 'NOT_RECOMMENDED'] as const satisfies readonly Recommendation[];
export type LinkedRecordType = Schemas['LinkedRecordDto']['type'];
/** What can force a revocation (RevokeDto.linkedRecord). */
export const LINKED_RECORD_TYPES = ['VIP_PROGRAMME', 'RESTRICTION_ORDER', 'INTELLIGENCE_INPUT', 'DAK', 'OTHER'] as const satisfies readonly LinkedRecordType[];
export const ATTACHMENT_KINDS = ['APPLICATION_SCAN', 'ID_DOCUMENT', 'OTHER'] as const satisfies readonly AttachmentKind[];
export const STATUSES = ['RECEIVED', 'THANA_REPORT_REQUESTED', 'THANA_REPORTED', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'REVOKED'] as const satisfies readonly ProtestStatus[];
/** Types that move along a route; the form offers the route first for these. */
export const MOVING_TYPES: readonly EventType[] = ['JULOOS', 'RALLY', 'PAD_YATRA', 'RATH_YATRA', 'VEHICLE_RALLY'];

const KEY = ['protests'] as const;

// Kept on the device for the intake form and the list while the server is away (issue 17).
export const VENUES_READ = 'protests.venues';
/** The name a list of this query is kept under on the device. */
export const protestListRead = (query: ProtestQuery) => `protests.list.${JSON.stringify(query)}`;
const fetchList = (query: ProtestQuery) => cachedRead(protestListRead(query), () => unwrap(api.GET('/api/v1/protests', { params: { query } })));
const fetchConditions = cachedRead('protests.conditions', () => unwrap(api.GET('/api/v1/protests/conditions')));
const fetchVenues = cachedRead(VENUES_READ, () => unwrap(api.GET('/api/v1/protests/venues')));
const fetchMapSettings = cachedRead('web-app.settings', () => unwrap(api.GET('/api/v1/web-app/settings')));

export function useProtestList(query: ProtestQuery) {
  return useQuery({
    queryKey: [...KEY, 'list', query],
    queryFn: fetchList(query),
    placeholderData: (previous) => previous,
  });
}

export function useProtest(id: string) {
  return useQuery({
    queryKey: [...KEY, 'one', id],
    queryFn: () => unwrap(api.GET('/api/v1/protests/{id}', { params: { path: { id } } })),
    // Its letters' e-Office state changes on its own (the outbox): look again until it settles.
    refetchInterval: (q) => (q.state.data?.letters.some((l) => l.eofficeStatus === 'PENDING_SYNC' || l.eofficeStatus === 'SENT_FOR_DIARISATION') ? 10_000 : 60_000),
  });
}

/** Reads the record again (after an upload, which is not a workflow step). */
export function useRefreshProtest(id: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: [...KEY, 'one', id] });
}

/** The standard conditions and the event types' words. */
export function useConditions() {
  return useQuery({ queryKey: [...KEY, 'conditions'], queryFn: fetchConditions, staleTime: 600_000 });
}

export function useVenues() {
  return useQuery({ queryKey: [...KEY, 'venues'], queryFn: fetchVenues, staleTime: 300_000 });
}


export function useMapSettings() {
  return useQuery({ queryKey: ['web-app', 'settings'], queryFn: fetchMapSettings, staleTime: Infinity });
}

/** The application checked before it is entered: its rules and clashes, or the API's field errors. */
export function useCheck() {
  return useMutation({ mutationFn: (body: CreateProtest) => unwrap(api.POST('/api/v1/protests/check', { body })) });
}

/** `send`: the outbox's Idempotency-Key and time limit, when it sends an attachment saved on the device. */
export async function uploadAttachment(id: string, kind: AttachmentKind, file: File, send?: SendOptions): Promise<Attachment> {
  const form = new FormData();
  form.set('kind', kind);
  form.set('file', file);
  return unwrap(
    api.POST('/api/v1/protests/{id}/attachments', {
      params: { path: { id } },
      // The generated type says JSON; the route takes multipart/form-data, which the browser encodes.
      body: form as unknown as Schemas['AttachmentFormDto'],
      bodySerializer: (b) => b as unknown as FormData,
      ...sendOptions(send),
    }),
  );
}

type Step =
  | { action: 'requestThanaReport'; body: Schemas['RequestThanaReportDto'] }
  | { action: 'submitThanaReport'; body: Schemas['ThanaReportDto'] }
  | { action: 'approve'; body: Schemas['ApproveDto'] }
  | { action: 'reject'; body: Schemas['RejectDto'] }
  | { action: 'withdraw'; body: Schemas['WithdrawDto'] }
  | { action: 'revoke'; body: Schemas['RevokeDto'] };

function send(id: string, step: Step) {
  const path = { params: { path: { id } } };
  switch (step.action) {
    case 'requestThanaReport':
      return unwrap(api.POST('/api/v1/protests/{id}/request-thana-report', { ...path, body: step.body }));
    case 'submitThanaReport':
      return unwrap(api.POST('/api/v1/protests/{id}/thana-report', { ...path, body: step.body }));
    case 'approve':
      return unwrap(api.POST('/api/v1/protests/{id}/approve', { ...path, body: step.body }));
    case 'reject':
      return unwrap(api.POST('/api/v1/protests/{id}/reject', { ...path, body: step.body }));
    case 'withdraw':
      return unwrap(api.POST('/api/v1/protests/{id}/withdraw', { ...path, body: step.body }));
    case 'revoke':
      return unwrap(api.POST('/api/v1/protests/{id}/revoke', { ...path, body: step.body }));
  }
}

/** One step of the workflow; the record is read again after it. */
export function useStep(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (step: Step) => send(id, step),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: [...KEY, 'one', id] });
      void client.invalidateQueries({ queryKey: [...KEY, 'list'] });
    },
  });
}

/** A letter's PDF, fetched with the session (the route needs the token, so no plain link). */
export async function letterBlob(id: string, kind: Letter['kind']): Promise<Blob> {
  return unwrap(api.GET('/api/v1/protests/{id}/letters/{kind}', { params: { path: { id, kind: kind.toLowerCase() } }, parseAs: 'blob' })) as Promise<Blob>;
}

export type LetterPreview = Schemas['LetterPreviewDto'];

/**
 * The letter a decision would issue with this body, as a draft PDF (marked on every page, no
 * QR); the API's field errors when it would refuse the decision.
 */
export async function letterPreviewBlob(id: string, body: LetterPreview): Promise<Blob> {
  return unwrap(api.POST('/api/v1/protests/{id}/letter-preview', { params: { path: { id } }, body, parseAs: 'blob' })) as Promise<Blob>;
}

export async function attachmentBlob(id: string, attachmentId: string): Promise<Blob> {
  return unwrap(api.GET('/api/v1/protests/{id}/attachments/{attachmentId}', { params: { path: { id, attachmentId } }, parseAs: 'blob' })) as Promise<Blob>;
}
