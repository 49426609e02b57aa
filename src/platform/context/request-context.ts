import { AsyncLocalStorage } from 'node:async_hooks';
import { Role } from '../auth/roles';

export interface Actor {
  id: string;
  username: string;
  roles: Role[];
  unitId: string;
  /** The unit's materialised path, for subtree scoping. */
  unitPath: string;
  /** The login session (refresh-token family) the access token belongs to, when a token was sent. */
  sessionId?: string;
}

export interface RequestContextData {
  requestId?: string;
  ip?: string;
  actor?: Actor;
  /** The request's Idempotency-Key, marked COMMITTED inside the transaction of its change. */
  idempotency?: { userId: string; key: string };
  /** Aborted when the client goes away before the answer is sent: long reads may stop early. */
  signal?: AbortSignal;
}

const storage = new AsyncLocalStorage<RequestContextData>();

/** Who is acting and from where, for the audit log, without threading it through every call. */
export const RequestContext = {
  run<T>(data: RequestContextData, fn: () => T): T {
    return storage.run(data, fn);
  },
  get(): RequestContextData {
    return storage.getStore() ?? {};
  },
  setIdempotency(idempotency: { userId: string; key: string }): void {
    const store = storage.getStore();
    if (store) store.idempotency = idempotency;
  },
  setActor(actor: Actor): void {
    const store = storage.getStore();
    if (store) store.actor = actor;
  },
};
