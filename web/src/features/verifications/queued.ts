import { api, unwrap } from '../../api/client';
import { registerQueuedKind, type QueuedKind } from '../../offline/kinds';
import { uploadVerificationAttachment, type CreateVerification } from './verification-api';

/** A character-verification application saved while the server is away: sent to POST /verifications when it answers. */
export const QUEUED_VERIFICATION = 'verification-application';

const kind: QueuedKind<CreateVerification> = {
  kind: QUEUED_VERIFICATION,
  label: 'offline.kind.verification',
  async create(body, { idempotencyKey, signal }) {
    const created = await unwrap(api.POST('/api/v1/verifications', { body, headers: { 'Idempotency-Key': idempotencyKey }, signal }));
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
