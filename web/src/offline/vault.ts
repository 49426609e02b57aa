import { offlineDb, type KeyringEntry, type Sealed } from './db';

/**
 * The device key of the signed-in user (issue 17: queued personal data encrypted at rest, with
 * a key that leaves with the session).
 *
 * - Each user gets one random AES-GCM key on this browser, the first time they sign in here.
 *   It is stored only wrapped, with a key derived from their password (PBKDF2-SHA-256), so it
 *   can be opened again only by that user: at their next login, or offline by typing the
 *   password (the unwrap is the check).
 * - While they are signed in, the unwrapped key is kept as a non-extractable CryptoKey (usable
 *   by this app, its bytes unreadable) so that a reload or a browser restart without the server
 *   still opens their queue. Logging out, or another user signing in, deletes it.
 * - Everything personal the app keeps for offline use is sealed with it (db.ts).
 */
const ITERATIONS = 310_000;
const GCM = 'AES-GCM';

let current: { userId: string; keyId: string; key: CryptoKey } | undefined;
type Listener = () => void;
const listeners = new Set<Listener>();
function changed(): void {
  for (const l of listeners) l();
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function randomBytes(n: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(new ArrayBuffer(n)));
}

async function passwordKey(
  password: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(password), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: GCM, length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

/** The entry's device key, or undefined when the password does not open it. */
async function unwrap(
  entry: KeyringEntry,
  password: string,
  extractable: boolean,
): Promise<CryptoKey | undefined> {
  const kek = await passwordKey(password, entry.salt, entry.iterations);
  try {
    return await crypto.subtle.unwrapKey(
      'raw',
      entry.wrapped,
      kek,
      { name: GCM, iv: entry.iv },
      { name: GCM, length: 256 },
      extractable,
      ['encrypt', 'decrypt'],
    );
  } catch {
    return undefined;
  }
}

async function wrapped(
  userId: string,
  keyId: string,
  key: CryptoKey,
  password: string,
): Promise<KeyringEntry> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const kek = await passwordKey(password, salt, ITERATIONS);
  const bytes = await crypto.subtle.wrapKey('raw', key, kek, { name: GCM, iv });
  return {
    userId,
    keyId,
    salt,
    iterations: ITERATIONS,
    iv,
    wrapped: bytes,
  };
}

/** A fresh device key: extractable only long enough to wrap it, then used through a non-extractable copy. */
async function freshKey(
  userId: string,
  password: string,
): Promise<{ entry: KeyringEntry; key: CryptoKey }> {
  const extractable = await crypto.subtle.generateKey({ name: GCM, length: 256 }, true, [
    'encrypt',
    'decrypt',
  ]);
  const entry = await wrapped(userId, crypto.randomUUID(), extractable, password);
  const key = (await unwrap(entry, password, false))!;
  return { entry, key };
}

async function hold(userId: string, keyId: string, key: CryptoKey, me: unknown): Promise<void> {
  current = { userId, keyId, key };
  // Sealed before the transaction: IndexedDB commits a transaction that awaits anything else.
  const sealedMe = await seal(me);
  await offlineDb.transaction('rw', offlineDb.held, async () => {
    // One signed-in user per browser: whoever signed in before has left, and so has their key.
    await offlineDb.held.where('userId').notEqual(userId).delete();
    await offlineDb.held.put({ userId, keyId, key, me: sealedMe, heldAt: Date.now() });
  });
  changed();
}

/** One change of the held key at a time, in the order asked: a logout's clean-up never lands after the next login. */
let queue: Promise<unknown> = Promise.resolve();
function serial<T>(step: () => Promise<T>): Promise<T> {
  const next = queue.then(step, step);
  queue = next.catch(() => undefined);
  return next;
}

export async function seal(value: unknown): Promise<Sealed> {
  return sealBytes(encoder.encode(JSON.stringify(value)).buffer as ArrayBuffer);
}

export async function sealBytes(bytes: ArrayBuffer): Promise<Sealed> {
  const k = requireKey();
  const iv = randomBytes(12);
  return { iv, data: await crypto.subtle.encrypt({ name: GCM, iv }, k.key, bytes) };
}

export async function open<T>(sealed: Sealed): Promise<T> {
  return JSON.parse(decoder.decode(await openBytes(sealed))) as T;
}

export async function openBytes(sealed: Sealed): Promise<ArrayBuffer> {
  return crypto.subtle.decrypt({ name: GCM, iv: sealed.iv }, requireKey().key, sealed.data);
}

function requireKey(): { userId: string; keyId: string; key: CryptoKey } {
  if (!current) throw new Error('the device key is not open: nobody is signed in');
  return current;
}

export const vault = {
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** The signed-in user whose key is open, if any. */
  openFor: (): string | undefined => current?.userId,
  keyId: (): string | undefined => current?.keyId,

  /**
   * After a login with the password: opens the user's device key (making it on their first
   * login here). A key the password no longer opens (changed on another device) is replaced;
   * what was sealed with it stays locked, for the user to discard.
   */
  signedIn(me: { id: string }, password: string): Promise<void> {
    return serial(() => signIn(me, password));
  },

  /** A session resumed through the cookie (a reload): the key held since its login, if it still is. */
  resumed(me: { id: string }): Promise<boolean> {
    return serial(() => resume(me));
  },

  /** With no server: the user signed in on this browser, as last seen, if one is. */
  heldUser<Me>(): Promise<Me | undefined> {
    return serial(() => heldUser<Me>());
  },

  /** The password changed: the same device key, wrapped anew (the queue stays readable). */
  passwordChanged(userId: string, currentPassword: string, newPassword: string): Promise<void> {
    return serial(() => rewrap(userId, currentPassword, newPassword));
  },

  /** Logout (or the session ended or was refused): the key leaves; what was sealed with it stays, locked. */
  signedOut(): Promise<void> {
    current = undefined;
    changed();
    return serial(() => offlineDb.held.clear());
  },
};

async function signIn(me: { id: string }, password: string): Promise<void> {
  const entry = await offlineDb.keyring.get(me.id);
  const key = entry ? await unwrap(entry, password, false) : undefined;
  if (entry && key) return hold(me.id, entry.keyId, key, me);
  // A key this password does not open (it was changed elsewhere) is replaced: what it sealed
  // stays, locked, for the user to discard.
  const made = await freshKey(me.id, password);
  await offlineDb.keyring.put(made.entry);
  return hold(me.id, made.entry.keyId, made.key, me);
}

async function resume(me: { id: string }): Promise<boolean> {
  const held = await offlineDb.held.get(me.id);
  if (!held) {
    current = undefined;
    changed();
    return false;
  }
  current = { userId: held.userId, keyId: held.keyId, key: held.key };
  await offlineDb.held.update(me.id, { me: await seal(me) });
  changed();
  return true;
}

async function heldUser<Me>(): Promise<Me | undefined> {
  const [held] = await offlineDb.held.toArray();
  if (!held) return undefined;
  current = { userId: held.userId, keyId: held.keyId, key: held.key };
  try {
    const me = await open<Me>(held.me);
    changed();
    return me;
  } catch {
    current = undefined;
    return undefined;
  }
}

async function rewrap(userId: string, currentPassword: string, newPassword: string): Promise<void> {
  const entry = await offlineDb.keyring.get(userId);
  if (!entry) return;
  const key = await unwrap(entry, currentPassword, true);
  if (!key) return;
  await offlineDb.keyring.put(await wrapped(userId, entry.keyId, key, newPassword));
}
