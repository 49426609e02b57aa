import { api, unwrap } from '../../api/client';
import { asFile, made, registerQueuedKind, sendOptions, type QueuedKind } from '../../offline/kinds';
import { uploadDakScan, type CreateDak } from './dak-api';

/** A dak item diarised while the server is away: sent to POST /dak when it answers. */
export const QUEUED_DAK = 'dak-item';

const kind: QueuedKind<CreateDak> = {
  kind: QUEUED_DAK,
  label: 'offline.kind.dak',
  async create(body, send) {
    return made(await unwrap(api.POST('/api/v1/dak', { body, ...sendOptions(send) })));
  },
  async upload(created, file, send) {
    await uploadDakScan(created.id, asFile(file), send);
  },
  async lookup(id) {
    if (!id) return undefined;
    return made(await unwrap(api.GET('/api/v1/dak/{id}', { params: { path: { id } } })));
  },
  summary: (body) => [body.senderName, body.subject].filter(Boolean).join(' · '),
  editPath: (localNo) => `/dak/new?queued=${localNo}`,
  listKey: ['dak'],
  recordPath: (created) => `/dak/${created.id}`,
};

registerQueuedKind(kind);
