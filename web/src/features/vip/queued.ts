import { api, unwrap } from '../../api/client';
import { registerQueuedKind, sendOptions, type QueuedKind } from '../../offline/kinds';

/** A thana's acknowledgement of a programme's revision, saved while the server is away. */
export const QUEUED_VIP_ACK = 'vip-acknowledgement';

export interface QueuedAcknowledgement {
  programmeId: string;
  /** The programme's reference, for the lists. */
  ref: string;
  revision: number;
}

/**
 * The programme itself is never kept on the device (it is need-to-know): only the
 * acknowledgement pressed on a page already open when the connection went.
 */
const kind: QueuedKind<QueuedAcknowledgement> = {
  kind: QUEUED_VIP_ACK,
  label: 'offline.kind.vipAck',
  async create(body, send) {
    await unwrap(
      api.POST('/api/v1/vip-programmes/{id}/revisions/{revision}/acknowledge', {
        params: { path: { id: body.programmeId, revision: body.revision } },
        ...sendOptions(send),
      }),
    );
    return { id: body.programmeId, ref: body.ref };
  },
  lookup: (_madeId, body) => Promise.resolve({ id: body.programmeId, ref: body.ref }),
  summary: (body) => `${body.ref} · r${body.revision}`,
  listKey: ['vip'],
  recordPath: (created) => `/vip-programmes/${created.id}`,
};

registerQueuedKind(kind);
