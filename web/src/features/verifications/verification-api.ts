import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { cachedRead } from '../../offline/cached-read';
import { sendOptions, type SendOptions } from '../../offline/kinds';
import { api, unwrap } from '../../api/client';
import type { components, paths } from '../../api/schema';
export { useUnits } from '../../api/units';

type Schemas = components['schemas'];
export type VerificationDetail = Schemas['VerificationDetailView'];
export type VerificationSummary = Schemas['VerificationSummaryView'];
export type CreateVerification = Schemas['CreateVerificationDto'];
export type RecordHit = Schemas['RecordHitView'];
export type FieldVisit = Schemas['FieldVisitView'];
export type Purpose = CreateVerification['purpose'];
export type Gender = Schemas['VerificationApplicantDto']['gender'];
export type Relation = Schemas['VerificationApplicantDto']['relation'];
export type IdDocumentType = Schemas['VerificationApplicantDto']['idDocumentType'];
export type IntakeChannel = Schemas['VerificationIntakeDto']['channel'];
export type FeeStatus = Schemas['FeeDto']['status'];
export type VisitOutcome = Schemas['FieldVisitDto']['outcome'];
export type Outcome = Schemas['ReportDto']['outcome'];
export type HitDecision = Schemas['AdjudicateHitDto']['decision'];
export type SmsLanguage = NonNullable<Schemas['VerificationApplicantDto']['smsLanguage']>;
export type VerificationStatus = VerificationSummary['status'];
export type AttachmentKind = Schemas['VerificationAttachmentFormDto']['kind'];
export type Paper = Schemas['VerificationPaperView'];
export type AppealAtRisk = Schemas['AppealAtRiskView'];
export type Appeal = Schemas['VerificationAppealView'];
export type AppealDecision = Schemas['DecideAppealDto']['decision'];
export type AppealIntakeChannel = Schemas['FileAppealDto']['channel'];
export type VerificationQuery = NonNullable<paths['/api/v1/verifications']['get']['parameters']['query']>;

// The API's enums in the order the forms offer them (the compiler holds them to the schema).
export const PURPOSES = ['SELF', 'EMPLOYMENT', 'TENANT', 'DOMESTIC_HELP', 'PASSPORT'] as const satisfies readonly Purpose[];
export const GENDERS = ['FEMALE', 'MALE', 'TRANSGENDER'] as const satisfies readonly Gender[];
export const RELATIONS = ['FATHER', 'HUSBAND'] as const satisfies readonly Relation[];
export const ID_DOCUMENT_TYPES = ['AADHAAR', 'VOTER_ID', 'PAN', 'DRIVING_LICENCE', 'PASSPORT', 'RATION_CARD', 'OTHER'] as const satisfies readonly IdDocumentType[];
export const INTAKE_CHANNELS = ['EOFFICE', 'WALK_IN', 'POST', 'EMAIL', 'WHATSAPP'] as const satisfies readonly IntakeChannel[];
export const SMS_LANGUAGES = ['hi', 'en', 'bi'] as const satisfies readonly SmsLanguage[];
export const FEE_STATUSES = ['PAID', 'BPL_EXEMPT'] as const satisfies readonly FeeStatus[];
export const VISIT_OUTCOMES = ['RESIDES_AT_ADDRESS', 'NOT_FOUND_AT_ADDRESS', 'HOUSE_LOCKED', 'ADVERSE_LOCAL_REPORT'] as const satisfies readonly VisitOutcome[];
export const OUTCOMES = ['CLEAR', 'ADVERSE', 'INCOMPLETE'] as const satisfies readonly Outcome[];
export const APPEAL_DECISIONS = ['UPHELD', 'OVERTURNED'] as const satisfies readonly AppealDecision[];
export const SLA_STATES = ['ON_TIME', 'NEAR_BREACH', 'BREACHED'] as const satisfies readonly NonNullable<VerificationSummary['sla']>[];
export const STATUSES = ['UNDER_ENQUIRY', 'REPORTED', 'SIGNED_OFF', 'IN_FIRST_APPEAL', 'FIRST_APPEAL_DECIDED', 'IN_SECOND_APPEAL', 'SECOND_APPEAL_DECIDED', 'CERTIFICATE_WITHDRAWN'] as const satisfies readonly VerificationStatus[];
/** Purposes that name a requesting party (employer, landlord, householder, the passport office). */
export const PURPOSES_WITH_PARTY: readonly Purpose[] = ['EMPLOYMENT', 'TENANT', 'DOMESTIC_HELP', 'PASSPORT'];

const KEY = ['verifications'] as const;
// Every read of an application is audited: no refetch just because the window got focus.
const AUDITED = { refetchOnWindowFocus: false } as const;

export function useMyQueue(enabled: boolean) {
  return useQuery({ queryKey: [...KEY, 'queue'], queryFn: () => unwrap(api.GET('/api/v1/verifications/queue')), enabled, ...AUDITED });
}

export function useVerificationList(query: VerificationQuery) {
  return useQuery({
    queryKey: [...KEY, 'list', query],
    queryFn: () => unwrap(api.GET('/api/v1/verifications', { params: { query } })),
    placeholderData: (previous) => previous,
    ...AUDITED,
  });
}

export function useSlaBoard() {
  return useQuery({ queryKey: [...KEY, 'sla-board'], queryFn: () => unwrap(api.GET('/api/v1/verifications/sla-board')), ...AUDITED });
}

export function useWorkload() {
  return useQuery({ queryKey: [...KEY, 'workload'], queryFn: () => unwrap(api.GET('/api/v1/verifications/workload')), staleTime: 60_000 });
}

/** The name a record is kept under on the device, for the field visit offline (issue 17). */
export const verificationRead = (id: string) => `verifications.one.${id}`;

export function useVerification(id: string) {
  return useQuery({
    queryKey: [...KEY, 'one', id],
    queryFn: cachedRead(verificationRead(id), () => unwrap(api.GET('/api/v1/verifications/{id}', { params: { path: { id } } }))),
    retry: (count, error) => !(error instanceof Error && 'status' in error && (error as { status: number }).status === 404) && count < 2,
    ...AUDITED,
  });
}


/** `send`: the outbox's Idempotency-Key and time limit, when it sends an attachment saved on the device. */
export async function uploadVerificationAttachment(id: string, kind: AttachmentKind, file: File, visitId?: string, send?: SendOptions): Promise<VerificationDetail> {
  const form = new FormData();
  form.set('kind', kind);
  if (visitId) form.set('visitId', visitId);
  form.set('file', file);
  return unwrap(
    api.POST('/api/v1/verifications/{id}/attachments', {
      params: { path: { id } },
      // The generated type says JSON; the route takes multipart/form-data, which the browser encodes.
      body: form as unknown as Schemas['VerificationAttachmentFormDto'],
      bodySerializer: (b) => b as unknown as FormData,
      ...sendOptions(send),
    }),
  );
}

export async function verificationAttachmentBlob(id: string, attachmentId: string): Promise<Blob> {
  return unwrap(api.GET('/api/v1/verifications/{id}/attachments/{attachmentId}', { params: { path: { id, attachmentId } }, parseAs: 'blob' })) as Promise<Blob>;
}

export type FieldVisitReport = Schemas['FieldVisitDto'];

/** `send`: the outbox's key and time limit, when it sends a visit saved on the device. */
export function recordVisit(id: string, body: FieldVisitReport, send: SendOptions): Promise<VerificationDetail> {
  return unwrap(api.POST('/api/v1/verifications/{id}/visits', { params: { path: { id } }, body, ...sendOptions(send) }));
}

type Step =
  | { action: 'reassign'; body: Schemas['ReassignDto'] }
  | { action: 'recordVisit'; body: Schemas['FieldVisitDto'] }
  | { action: 'checkRecords'; body: Schemas['VerificationVersionDto'] }
  | { action: 'adjudicateHit'; hitId: string; body: Schemas['AdjudicateHitDto'] }
  | { action: 'submitReport'; body: Schemas['ReportDto'] }
  | { action: 'signOff'; body: Schemas['SignOffDto'] }
  | { action: 'sendBack'; body: Schemas['SendBackDto'] }
  | { action: 'fileFirstAppeal' | 'fileSecondAppeal'; body: Schemas['FileAppealDto'] }
  | { action: 'decideFirstAppeal' | 'decideSecondAppeal'; body: Schemas['DecideAppealDto'] }
  | { action: 'withdrawCertificate'; body: Schemas['WithdrawCertificateDto'] };

function send(id: string, step: Step): Promise<VerificationDetail> {
  const path = { params: { path: { id } } };
  switch (step.action) {
    case 'reassign':
      return unwrap(api.POST('/api/v1/verifications/{id}/reassign', { ...path, body: step.body }));
    case 'recordVisit':
      return unwrap(api.POST('/api/v1/verifications/{id}/visits', { ...path, body: step.body }));
    case 'checkRecords':
      return unwrap(api.POST('/api/v1/verifications/{id}/records-check', { ...path, body: step.body }));
    case 'adjudicateHit':
      return unwrap(api.POST('/api/v1/verifications/{id}/hits/{hitId}/adjudicate', { params: { path: { id, hitId: step.hitId } }, body: step.body }));
    case 'submitReport':
      return unwrap(api.POST('/api/v1/verifications/{id}/report', { ...path, body: step.body }));
    case 'signOff':
      return unwrap(api.POST('/api/v1/verifications/{id}/sign-off', { ...path, body: step.body }));
    case 'sendBack':
      return unwrap(api.POST('/api/v1/verifications/{id}/send-back', { ...path, body: step.body }));
    case 'fileFirstAppeal':
      return unwrap(api.POST('/api/v1/verifications/{id}/appeals/first', { ...path, body: step.body }));
    case 'fileSecondAppeal':
      return unwrap(api.POST('/api/v1/verifications/{id}/appeals/second', { ...path, body: step.body }));
    case 'decideFirstAppeal':
      return unwrap(api.POST('/api/v1/verifications/{id}/appeals/first/decision', { ...path, body: step.body }));
    case 'decideSecondAppeal':
      return unwrap(api.POST('/api/v1/verifications/{id}/appeals/second/decision', { ...path, body: step.body }));
    case 'withdrawCertificate':
      return unwrap(api.POST('/api/v1/verifications/{id}/certificate/withdraw', { ...path, body: step.body }));
  }
}

/** One step of the workflow; its answer is the record as a GET would give it, so no second read. */
export function useVerificationStep(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (step: Step) => send(id, step),
    onSuccess: (record) => {
      client.setQueryData([...KEY, 'one', id], record);
      void client.invalidateQueries({ queryKey: [...KEY, 'list'] });
      void client.invalidateQueries({ queryKey: [...KEY, 'queue'] });
      void client.invalidateQueries({ queryKey: [...KEY, 'sla-board'] });
    },
  });
}

/** Puts an answer that carries the record (an upload) in place of the one shown. */
export function useSetVerification() {
  const client = useQueryClient();
  return (record: VerificationDetail) => client.setQueryData([...KEY, 'one', record.id], record);
}

/** A paper's PDF (certificate, report letter, appeal order), fetched with the session. */
export async function paperBlob(id: string, paperId: string): Promise<Blob> {
  return unwrap(api.GET('/api/v1/verifications/{id}/papers/{paperId}/pdf', { params: { path: { id, paperId } }, parseAs: 'blob' })) as Promise<Blob>;
}
