import { api, unwrap } from '../../api/client';
import { asFile, made, registerQueuedKind, sendOptions, type QueuedKind } from '../../offline/kinds';
import { uploadAttachment, type AttachmentKind, type CreateProtest } from './api';

/** A protest application saved while the server is away: sent to POST /protests when it answers. */
export const QUEUED_PROTEST = 'protest-application';

const kind: QueuedKind<CreateProtest> = {
  kind: QUEUED_PROTEST,
  label: 'offline.kind.protest',
  async create(body, send) {
    return made(await unwrap(api.POST('/api/v1/protests', { body, ...sendOptions(send) })));
  },
  async upload(created, file, send) {
    await uploadAttachment(created.id, (file.label ?? 'APPLICATION_SCAN') as AttachmentKind, asFile(file), send);
  },
  async lookup(id) {
    if (!id) return undefined;
    return made(await unwrap(api.GET('/api/v1/protests/{id}', { params: { path: { id } } })));
  },
  summary: (body) => [body.applicant.nameEn ?? body.applicant.nameHi ?? body.applicant.organisation, body.event.purpose].filter(Boolean).join(' · '),
  editPath: (localNo) => `/protests/new?queued=${localNo}`,
  listKey: ['protests'],
  recordPath: (created) => `/protests/${created.id}`,
};

registerQueuedKind(kind);
