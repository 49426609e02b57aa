import { api, unwrap } from '../../api/client';
import { registerQueuedKind, sendOptions, type QueuedKind } from '../../offline/kinds';
import { uploadAttachment, type AttachmentKind, type CreateProtest } from './api';

/** A protest application saved while the server is away: sent to POST /protests when it answers. */
export const QUEUED_PROTEST = 'protest-application';

const kind: QueuedKind<CreateProtest> = {
  kind: QUEUED_PROTEST,
  label: 'offline.kind.protest',
  async create(body, send) {
    const created = await unwrap(api.POST('/api/v1/protests', { body, ...sendOptions(send) }));
    return { id: created.id, ref: created.ref };
  },
  async upload(created, file, send) {
    await uploadAttachment(created.id, (file.label ?? 'APPLICATION_SCAN') as AttachmentKind, new File([file.bytes], file.name, { type: file.type }), send);
  },
  async lookup(id) {
    if (!id) return undefined;
    const found = await unwrap(api.GET('/api/v1/protests/{id}', { params: { path: { id } } }));
    return { id: found.id, ref: found.ref };
  },
  summary: (body) => [body.applicant.nameEn ?? body.applicant.nameHi ?? body.applicant.organisation, body.event.purpose].filter(Boolean).join(' · '),
  editPath: (localNo) => `/protests/new?queued=${localNo}`,
  listKey: ['protests'],
  recordPath: (created) => `/protests/${created.id}`,
};

registerQueuedKind(kind);
