import { api, unwrap } from '../../api/client';
import { registerQueuedKind, sendOptions, type QueuedKind } from '../../offline/kinds';
import { recordVisit, uploadVerificationAttachment, type CreateVerification, type FieldVisitReport } from './verification-api';

/** A character-verification application saved while the server is away: sent to POST /verifications when it answers. */
export const QUEUED_VERIFICATION = 'verification-application';

const kind: QueuedKind<CreateVerification> = {
  kind: QUEUED_VERIFICATION,
  label: 'offline.kind.verification',
  async create(body, send) {
    const created = await unwrap(api.POST('/api/v1/verifications', { body, ...sendOptions(send) }));
    return { id: created.id, ref: created.ref };
  },
  async upload(created, file, send) {
    await uploadVerificationAttachment(created.id, 'CONSENT_LETTER', new File([file.bytes], file.name, { type: file.type }), undefined, send);
  },
  async lookup(id) {
    if (!id) return undefined;
    const found = await unwrap(api.GET('/api/v1/verifications/{id}', { params: { path: { id } } }));
    return { id: found.id, ref: found.ref };
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

const visit: QueuedKind<QueuedVisit> = {
  kind: QUEUED_VISIT,
  label: 'offline.kind.visit',
  async create(body, send) {
    const after = await recordVisit(body.verificationId, body.visit, send);
    // The newest visit is the one just recorded; its photos go with it.
    const made = [...after.visits].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
    return { id: after.id, ref: after.ref, attachTo: made?.id };
  },
  async upload(created, file, send) {
    await uploadVerificationAttachment(created.id, 'VISIT_PHOTO', new File([file.bytes], file.name, { type: file.type }), created.attachTo, send);
  },
  async lookup(_madeId, body) {
    const found = await unwrap(api.GET('/api/v1/verifications/{id}', { params: { path: { id: body.verificationId } } }));
    const made = [...found.visits].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
    return { id: found.id, ref: found.ref, attachTo: made?.id };
  },
  summary: (body) => `${body.ref} · ${body.visit.visitedOn}`,
  editPath: (localNo, body) => `/verifications/${body.verificationId}/visit?queued=${localNo}`,
  listKey: ['verifications'],
  recordPath: (created) => `/verifications/${created.id}`,
};

registerQueuedKind(visit);
