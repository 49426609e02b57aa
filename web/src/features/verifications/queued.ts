import { api, unwrap } from '../../api/client';
import { asFile, made, registerQueuedKind, sendOptions, type Created, type QueuedKind } from '../../offline/kinds';
import { recordVisit, uploadVerificationAttachment, type CreateVerification, type FieldVisitReport, type VerificationDetail } from './verification-api';

/** A character-verification application saved while the server is away: sent to POST /verifications when it answers. */
export const QUEUED_VERIFICATION = 'verification-application';

const kind: QueuedKind<CreateVerification> = {
  kind: QUEUED_VERIFICATION,
  label: 'offline.kind.verification',
  async create(body, send) {
    return made(await unwrap(api.POST('/api/v1/verifications', { body, ...sendOptions(send) })));
  },
  async upload(created, file, send) {
    await uploadVerificationAttachment(created.id, 'CONSENT_LETTER', asFile(file), undefined, send);
  },
  async lookup(id) {
    if (!id) return undefined;
    return made(await unwrap(api.GET('/api/v1/verifications/{id}', { params: { path: { id } } })));
  },
  summary: (body) => [body.applicant.nameEn ?? body.applicant.nameHi, body.purpose].filter(Boolean).join(' · '),
  editPath: (localNo) => `/verifications/new?queued=${localNo}`,
  listKey: ['verifications'],
  recordPath: (created) => `/verifications/${created.id}`,
};

registerQueuedKind(kind);

/** A field visit's report, made at the door, saved while the phone has no connection: sent to POST /verifications/:id/visits when it has. */
export const QUEUED_VISIT = 'verification-visit';

export interface QueuedVisit {
  verificationId: string;
  /** The application's reference, for the lists. */
  ref: string;
  visit: FieldVisitReport;
}

/** The record, and its newest visit (the one just recorded) for the photos to go with. */
function withNewestVisit(record: VerificationDetail): Created {
  const newest = [...record.visits].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  return { ...made(record), attachTo: newest?.id };
}

const visit: QueuedKind<QueuedVisit> = {
  kind: QUEUED_VISIT,
  label: 'offline.kind.visit',
  async create(body, send) {
    return withNewestVisit(await recordVisit(body.verificationId, body.visit, send));
  },
  async upload(created, file, send) {
    await uploadVerificationAttachment(created.id, 'VISIT_PHOTO', asFile(file), created.attachTo, send);
  },
  async lookup(_madeId, body) {
    return withNewestVisit(await unwrap(api.GET('/api/v1/verifications/{id}', { params: { path: { id: body.verificationId } } })));
  },
  summary: (body) => `${body.ref} · ${body.visit.visitedOn}`,
  editPath: (localNo, body) => `/verifications/${body.verificationId}/visit?queued=${localNo}`,
  listKey: ['verifications'],
  recordPath: (created) => `/verifications/${created.id}`,
};

registerQueuedKind(visit);
