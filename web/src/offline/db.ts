import Dexie, { type EntityTable } from 'dexie';

/**
 * What the browser keeps for offline work (issue 17), in IndexedDB. Everything personal is
 * sealed with the user's device key (vault.ts); what stays in clear is what the sender and the
 * lists need to order and count items: whose they are, what kind, their state and local number.
 */

/** AES-GCM ciphertext with its nonce. */
export interface Sealed {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

export interface SealedFile {
  meta: Sealed;
  bytes: Sealed;
}

/** A user's device key, wrapped with a key derived from their password (PBKDF2). */
export interface KeyringEntry {
  userId: string;
  keyId: string;
  salt: Uint8Array<ArrayBuffer>;
  iterations: number;
  iv: Uint8Array<ArrayBuffer>;
  wrapped: ArrayBuffer;
}

/**
 * The unwrapped device key of the user signed in on this browser, as a non-extractable
 * CryptoKey (its bytes cannot be read out, only used here). Deleted at logout, or when another
 * user signs in: the key leaves with the session.
 */
export interface HeldKey {
  userId: string;
  keyId: string;
  key: CryptoKey;
  /** The user's own record (UserView), sealed: who to show as signed in while the server is away. */
  me: Sealed;
  heldAt: number;
}

export type QueuedState =
  /** Waiting for its turn, or for the server to answer again. */
  | 'queued'
  /** Being sent now. */
  | 'sending'
  /** The server created the record; its attachments are still to go. */
  | 'attaching'
  /** The server refused it (4xx): the user must fix it and send it again. */
  | 'refused'
  /** Done: the server's reference is in `result`. */
  | 'sent';

export interface QueuedWrite {
  /** The local number the user sees ("D-7"), in the order items were saved. */
  localNo?: number;
  ownerId: string;
  kind: string;
  keyId: string;
  /** Made when the user pressed save; sent with every attempt, so a replay never makes a second record. */
  idempotencyKey: string;
  state: QueuedState;
  savedAt: number;
  /** What the user typed (the form's draft) and the API body made of it, sealed. */
  payload: Sealed;
  /** Each attachment: its name and type, and its bytes, each sealed. */
  files: SealedFile[];
  /** How many attachments the server has taken (after the record was created). */
  filesSent: number;
  attempts: number;
  nextAttemptAt: number;
  /** Why it is waiting or was refused, sealed (a field error can repeat what was typed). */
  problem?: Sealed;
  /** The record the server made: its id and reference. */
  result?: { id: string; ref: string };
  sentAt?: number;
}

/** A read the app may show while the server is away (venues, today's events, my slip), sealed, with when it was fetched. */
export interface CachedRead {
  ownerId: string;
  name: string;
  keyId: string;
  at: number;
  data: Sealed;
}

export class OfflineDb extends Dexie {
  keyring!: EntityTable<KeyringEntry, 'userId'>;
  held!: EntityTable<HeldKey, 'userId'>;
  outbox!: EntityTable<QueuedWrite, 'localNo'>;
  reads!: Dexie.Table<CachedRead, [string, string]>;

  constructor() {
    super('police-ops-offline');
    this.version(1).stores({
      keyring: 'userId',
      held: 'userId',
      outbox: '++localNo, ownerId, [ownerId+state]',
      reads: '[ownerId+name], ownerId',
    });
  }
}

export const offlineDb = new OfflineDb();
