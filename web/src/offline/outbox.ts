import { liveQuery } from 'dexie';
import { ApiError } from '../api/errors';
import { connectivity } from '../lib/connectivity';
import { offlineDb, type QueuedWrite } from './db';
import { backoff, classify, committed, type QueuedProblem } from './failures';
import { queuedKind, QUEUED_FILES_MAX_BYTES, type Created, type QueuedFile } from './kinds';
import { open, openBytes, seal, sealBytes, vault } from './vault';

/**
 * The browser's outbox (issue 17): writes saved while the server cannot be reached, kept in
 * IndexedDB until the server takes them, and sent one by one in the order they were saved.
 *
 * - Each item carries the Idempotency-Key made when the user pressed save, on every attempt:
 *   the server answers a replay with the record it already made, never a second one.
 * - A refusal (4xx) stops that item with the server's field errors for the user to fix; the
 *   rest go on. A 5xx, a timeout or no answer holds the queue and tries again, backing off.
 * - Items belong to the user who saved them, sealed with their device key (vault.ts); only
 *   their own are shown and sent, and only while they are signed in.
 */

/** What the user typed and the API body made of it: the form opens the draft again for an edit. */
export interface QueuedPayload<Body = unknown, Draft = unknown> {
  draft: Draft;
  body: Body;
}

/** A queued item as the screens show it: opened with the user's key. */
export interface OutboxEntry {
  localNo: number;
  kind: string;
  state: QueuedWrite['state'];
  savedAt: number;
  attempts: number;
  nextAttemptAt: number;
  summary: string;
  problem?: QueuedProblem;
  result?: Created;
  sentAt?: number;
  /** May still be edited or discarded: the server has certainly not got it. */
  editable: boolean;
  /** Sealed with a key this session does not hold (an earlier password): shown, not opened. */
  locked: boolean;
  /** Where the user corrects it (its form), while it may be edited. */
  editTo?: string;
}

const SEND_TIMEOUT_MS = 30_000;
/** Sent items are shown with their reference for a day, then forgotten by the device. */
const KEEP_SENT_MS = 24 * 3600 * 1000;


function localItems(ownerId: string) {
  return offlineDb.outbox.where('ownerId').equals(ownerId).sortBy('localNo');
}

/** The server has certainly not got it (never tried, or refused), and this session can open it. */
function editableNow(item: QueuedWrite): boolean {
  return item.keyId === vault.keyId() && (item.state === 'refused' || (item.state === 'queued' && item.attempts === 0));
}

async function toEntry(item: QueuedWrite): Promise<OutboxEntry> {
  const locked = item.keyId !== vault.keyId();
  let summary = '';
  let problem: QueuedProblem | undefined;
  let editTo: string | undefined;
  if (!locked) {
    const payload = await open<QueuedPayload | { summary: string }>(item.payload).catch(() => undefined);
    const kind = queuedKind(item.kind);
    if (payload && 'summary' in payload) summary = payload.summary;
    else if (payload && kind) {
      summary = kind.summary(payload.body);
      editTo = kind.editPath?.(item.localNo!, payload.body);
    }
    problem = item.problem ? await open<QueuedProblem>(item.problem).catch(() => undefined) : undefined;
  }
  const editable = editableNow(item);
  return {
    localNo: item.localNo!,
    kind: item.kind,
    state: item.state,
    savedAt: item.savedAt,
    attempts: item.attempts,
    nextAttemptAt: item.nextAttemptAt,
    summary,
    problem,
    result: item.result,
    sentAt: item.sentAt,
    editable,
    locked,
    editTo: editable ? editTo : undefined,
  };
}

async function sealFiles(files: readonly File[]): Promise<QueuedWrite['files']> {
  const total = files.reduce((n, f) => n + f.size, 0);
  if (total > QUEUED_FILES_MAX_BYTES) throw new QueuedFilesTooLargeError(total);
  const out: QueuedWrite['files'] = [];
  for (const f of files) {
    out.push({ meta: await seal({ name: f.name, type: f.type, label: fileLabel(f) }), bytes: await sealBytes(await f.arrayBuffer()) });
  }
  return out;
}

export class QueuedFilesTooLargeError extends Error {
  constructor(readonly bytes: number) {
    super(`attachments of ${bytes} bytes exceed the ${QUEUED_FILES_MAX_BYTES} a queued item may carry`);
  }
}

/** A file with the label its upload route wants (a protest attachment's kind). */
export function labelledFile(file: File, label: string): File {
  return Object.assign(new File([file], file.name, { type: file.type }), { label });
}

/** The label `labelledFile` gave, if any. */
export function fileLabel(file: File): string | undefined {
  return (file as File & { label?: string }).label;
}

export const outbox = {
  /** The signed-in user's items, as they change. */
  watch(ownerId: string, onItems: (items: OutboxEntry[]) => void): () => void {
    const sub = liveQuery(async () => Promise.all((await localItems(ownerId)).map(toEntry))).subscribe({ next: onItems, error: () => onItems([]) });
    return () => sub.unsubscribe();
  },

  /** Each of the user's items' kind and state, as they change, without opening any (for whoever only counts or reacts). */
  watchStates(ownerId: string, onItems: (items: Array<Pick<QueuedWrite, 'localNo' | 'kind' | 'state'>>) => void): () => void {
    const sub = liveQuery(() => offlineDb.outbox.where('ownerId').equals(ownerId).toArray()).subscribe({ next: onItems, error: () => onItems([]) });
    return () => sub.unsubscribe();
  },

  /** Saves a write on the device and starts sending it; answers its local number. */
  async save<B, D>(kind: string, payload: QueuedPayload<B, D>, files: readonly File[] = []): Promise<number> {
    const ownerId = vault.openFor();
    const keyId = vault.keyId();
    if (!ownerId || !keyId) throw new Error('nobody is signed in');
    const item: QueuedWrite = {
      ownerId,
      kind,
      keyId,
      idempotencyKey: crypto.randomUUID(),
      state: 'queued',
      savedAt: Date.now(),
      payload: await seal(payload),
      files: await sealFiles(files),
      filesSent: 0,
      attempts: 0,
      nextAttemptAt: 0,
    };
    const localNo = await offlineDb.outbox.add(item);
    sender.kick();
    return localNo as number;
  },

  /** The draft and attachments of an item the user opens to edit, and the server's refusal of it if it was refused. */
  async opened<B, D>(localNo: number): Promise<{ payload: QueuedPayload<B, D>; files: File[]; refused?: ApiError } | undefined> {
    const item = await offlineDb.outbox.get(localNo);
    if (!item || item.ownerId !== vault.openFor() || item.keyId !== vault.keyId()) return undefined;
    const payload = await open<QueuedPayload<B, D>>(item.payload);
    const refused = item.state === 'refused' && item.problem ? refusal(await open<QueuedProblem>(item.problem)) : undefined;
    const files: File[] = [];
    for (const sealed of item.files) {
      const f = await open<Omit<QueuedFile, 'bytes'>>(sealed.meta);
      const file = new File([await openBytes(sealed.bytes)], f.name, { type: f.type });
      files.push(f.label ? labelledFile(file, f.label) : file);
    }
    return { payload, files, refused };
  },

  /** The user fixed a refused or not yet sent item: it goes again, with the same key (the server kept none for a refusal). */
  async replace<B, D>(localNo: number, payload: QueuedPayload<B, D>, files: readonly File[]): Promise<void> {
    const item = await offlineDb.outbox.get(localNo);
    if (!item || item.ownerId !== vault.openFor()) throw new Error(`no queued item ${localNo}`);
    if (!editableNow(item)) throw new Error(`queued item ${localNo} is being sent and cannot be changed`);
    await offlineDb.outbox.update(localNo, {
      payload: await seal(payload),
      files: await sealFiles(files),
      state: 'queued',
      problem: undefined,
      attempts: 0,
      nextAttemptAt: 0,
    });
    sender.kick();
  },

  /** Drops an item the server certainly has not got, one already sent, or one no key of this session can open. */
  async discard(localNo: number): Promise<void> {
    const item = await offlineDb.outbox.get(localNo);
    if (!item || item.ownerId !== vault.openFor()) return;
    const locked = item.keyId !== vault.keyId();
    if (!editableNow(item) && !locked && item.state !== 'sent') throw new Error(`queued item ${localNo} is being sent and cannot be discarded`);
    await offlineDb.outbox.delete(localNo);
  },

  /** Try now instead of waiting out the back-off. */
  retryNow(): void {
    void offlineDb.outbox
      .where('ownerId')
      .equals(vault.openFor() ?? '')
      .modify((i) => {
        if (i.state === 'queued' || i.state === 'attaching') i.nextAttemptAt = 0;
      })
      .then(() => sender.kick());
  },
};

/** A refusal kept on the device, as the ApiError the forms show beside their fields. */
function refusal(p: QueuedProblem): ApiError {
  const status = p.status ?? 400;
  return new ApiError(status, { statusCode: status, message: p.message, fields: Object.entries(p.fields ?? {}).map(([field, message]) => ({ field, message })) });
}

type Outcome = { next: 'continue' } | { next: 'wait'; at: number } | { next: 'stop' };

async function attempt(item: QueuedWrite): Promise<Outcome> {
  const kind = queuedKind(item.kind);
  if (!kind) return { next: 'continue' };
  const localNo = item.localNo!;
  const signal = () => AbortSignal.timeout(SEND_TIMEOUT_MS);
  const failed = async (e: unknown): Promise<Outcome> => {
    const { retry, problem } = classify(e);
    if (problem.reason === 'signed-out') {
      await offlineDb.outbox.update(localNo, { state: item.result ? 'attaching' : 'queued', problem: await seal(problem) });
      return { next: 'stop' };
    }
    if (!retry) {
      await offlineDb.outbox.update(localNo, { state: 'refused', problem: await seal(problem) });
      return { next: 'continue' };
    }
    const at = Date.now() + backoff(item.attempts);
    await offlineDb.outbox.update(localNo, { state: item.result ? 'attaching' : 'queued', attempts: item.attempts + 1, nextAttemptAt: at, problem: await seal(problem) });
    return { next: 'wait', at };
  };

  await offlineDb.outbox.update(localNo, { state: item.result ? 'attaching' : 'sending' });
  let created = item.result;
  if (!created) {
    const { body } = await open<QueuedPayload>(item.payload);
    try {
      created = await kind.create(body, { idempotencyKey: item.idempotencyKey, signal: signal() });
    } catch (e) {
      const done = e instanceof ApiError ? committed(e) : undefined;
      if (!done) return failed(e);
      // Carried out before, its answer lost: the record exists; find it to show its reference.
      try {
        created = await kind.lookup(done.id || undefined, body);
      } catch (lookupError) {
        return failed(lookupError);
      }
      if (!created) {
        await offlineDb.outbox.update(localNo, { state: 'sent', sentAt: Date.now(), files: [], payload: await seal({ summary: kind.summary(body) }), problem: await seal({ reason: 'made-unknown' } satisfies QueuedProblem) });
        return { next: 'continue' };
      }
    }
    await offlineDb.outbox.update(localNo, { result: created, state: 'attaching', payload: await seal({ summary: kind.summary(body) }) });
    item = { ...item, result: created };
  }
  // The record is made: an attachment it will not take is noted and the rest still go.
  const refusedFiles = item.problem ? ((await open<QueuedProblem>(item.problem).catch(() => undefined))?.files ?? []) : [];
  for (let i = item.filesSent; i < item.files.length; i++) {
    const sealed = item.files[i]!;
    const f = await open<Omit<QueuedFile, 'bytes'>>(sealed.meta);
    try {
      await kind.upload?.(created, { ...f, bytes: await openBytes(sealed.bytes) }, { idempotencyKey: `${item.idempotencyKey}.${i + 1}`, signal: signal() });
    } catch (e) {
      // Taken before, its answer lost: the attachment is there.
      const takenBefore = e instanceof ApiError && committed(e) !== undefined;
      if (!takenBefore) {
        const { retry, problem } = classify(e);
        if (retry) return failed(e);
        refusedFiles.push(f.name);
        await offlineDb.outbox.update(localNo, { problem: await seal({ ...problem, reason: 'attachment-refused', files: refusedFiles }) });
      }
    }
    await offlineDb.outbox.update(localNo, { filesSent: i + 1 });
    item = { ...item, filesSent: i + 1 };
  }
  const note = refusedFiles.length > 0 ? await seal({ reason: 'attachment-refused', files: refusedFiles } satisfies QueuedProblem) : undefined;
  await offlineDb.outbox.update(localNo, { state: 'sent', sentAt: Date.now(), files: [], problem: note, attempts: item.attempts + 1 });
  return { next: 'continue' };
}

/**
 * Sends the signed-in user's items in order, one at a time, in one tab at a time (a Web Lock):
 * two tabs of the same browser never send the same item together.
 */
const sender = (() => {
  let running = false;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let canSend: () => boolean = () => false;
  /** Waiting out a back-off: what is saved now waits behind it. */
  let held = false;

  async function drain(): Promise<void> {
    held = false;
    const ownerId = vault.openFor();
    if (!ownerId || !canSend()) return;
    await offlineDb.outbox.where('ownerId').equals(ownerId).and((i) => i.state === 'sent' && (i.sentAt ?? 0) < Date.now() - KEEP_SENT_MS).delete();
    for (;;) {
      const items = await localItems(ownerId);
      const next = items.find((i) => i.keyId === vault.keyId() && (i.state === 'queued' || i.state === 'sending' || i.state === 'attaching'));
      if (!next || !canSend() || vault.openFor() !== ownerId) return;
      if (next.nextAttemptAt > Date.now()) return schedule(next.nextAttemptAt);
      const outcome = await attempt(next);
      if (outcome.next === 'stop') return;
      if (outcome.next === 'wait') return schedule(outcome.at);
    }
  }

  function schedule(at: number): void {
    held = true;
    clearTimeout(timer);
    timer = setTimeout(kick, Math.max(0, at - Date.now()));
  }

  function kick(): void {
    if (running) {
      again = true;
      return;
    }
    running = true;
    const run = async () => {
      do {
        again = false;
        await drain().catch(() => undefined);
      } while (again);
    };
    const locked = navigator.locks ? navigator.locks.request('police-ops-outbox', run) : run();
    void Promise.resolve(locked).finally(() => {
      running = false;
    });
  }

  /**
   * An item left "sending" by a page that closed mid-send (or a server that went away) may or
   * may not have reached the server: it goes again with the same key, and cannot be edited
   * meanwhile. Only when no other tab holds the sender (it may be sending that item now).
   */
  async function recoverInterrupted(ownerId: string): Promise<void> {
    const recover = async () => {
      const stuck = await offlineDb.outbox.where('ownerId').equals(ownerId).and((i) => i.state === 'sending').toArray();
      for (const i of stuck) await offlineDb.outbox.update(i.localNo!, { state: 'queued', attempts: i.attempts + 1, nextAttemptAt: 0, problem: await seal({ reason: 'interrupted' } satisfies QueuedProblem) });
    };
    if (navigator.locks) await navigator.locks.request('police-ops-outbox', { ifAvailable: true }, (lock) => (lock ? recover() : undefined));
    else await recover();
  }

  return {
    kick,
    recoverInterrupted,
    /** The shell says when sending makes sense: a user signed in with a live session. */
    setGate(gate: () => boolean): void {
      canSend = gate;
    },
    isLive: (): boolean => canSend(),
    isHeld: (): boolean => held,
  };
})();

export const outboxSender = sender;

/** What became of a save: sent (with the record), refused (with why), or kept on the device to send later. */
export type Submitted =
  | { outcome: 'sent'; created: Created; attachmentsRefused: string[] }
  | { outcome: 'refused'; error: ApiError }
  | { outcome: 'queued'; localNo: number };

/** How long a save waits for the server before it is left in the outbox (the user goes on meanwhile). */
const SETTLE_MS = 35_000;

/**
 * A form's save: always through the outbox, so the Idempotency-Key is made now and a lost
 * answer can be replayed. When the session is live it waits for the server's answer; when the
 * server is away (or does not answer soon) the item stays queued and the form is free again.
 * A fresh save the server answers at once leaves the outbox: a refusal goes back to the form,
 * which still holds everything typed, and a record made is shown by the form.
 */
export async function submitQueued<B, D>(kind: string, payload: QueuedPayload<B, D>, files: readonly File[], replacing?: number): Promise<Submitted> {
  if (!vault.openFor()) return sendNow(kind, payload.body, files);
  const localNo = replacing ?? (await outbox.save(kind, payload, files));
  if (replacing !== undefined) await outbox.replace(replacing, payload, files);
  const settled = await settle(localNo);
  // Answered while the user waited: the form shows the outcome, and the outbox keeps only what
  // really waited (a refusal goes back to the form; a record made at once is in its list).
  if (replacing === undefined && settled.outcome !== 'queued') await offlineDb.outbox.delete(localNo);
  return settled;
}

/**
 * Without a device key (IndexedDB refused, as in some private windows) nothing can be kept on
 * the device: the save goes straight to the server, with a key of its own all the same.
 */
async function sendNow<B>(name: string, body: B, files: readonly File[]): Promise<Submitted> {
  const kind = queuedKind(name)!;
  const idempotencyKey = crypto.randomUUID();
  const signal = () => AbortSignal.timeout(SEND_TIMEOUT_MS);
  let created: Created;
  try {
    created = await kind.create(body, { idempotencyKey, signal: signal() });
  } catch (e) {
    if (e instanceof ApiError && classify(e).retry === false) return { outcome: 'refused', error: e };
    throw e;
  }
  const refused: string[] = [];
  for (const [i, f] of files.entries()) {
    try {
      await kind.upload?.(created, { name: f.name, type: f.type, label: fileLabel(f), bytes: await f.arrayBuffer() }, { idempotencyKey: `${idempotencyKey}.${i + 1}`, signal: signal() });
    } catch {
      refused.push(f.name);
    }
  }
  return { outcome: 'sent', created, attachmentsRefused: refused };
}

function settle(localNo: number): Promise<Submitted> {
  return new Promise((resolve) => {
    let last: QueuedWrite | undefined;
    let finished = false;
    const done = (s: Submitted) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      clearInterval(recheck);
      sub.unsubscribe();
      resolve(s);
    };
    const check = () => {
      const item = last;
      if (!item || finished) return;
      if (item.state === 'sent' && item.result) {
        void (async () => {
          const problem = item.problem ? await open<QueuedProblem>(item.problem).catch(() => undefined) : undefined;
          done({ outcome: 'sent', created: item.result!, attachmentsRefused: problem?.reason === 'attachment-refused' ? (problem.files ?? []) : [] });
        })();
      } else if (item.state === 'refused' && item.problem) {
        void open<QueuedProblem>(item.problem).then((p) => done({ outcome: 'refused', error: refusal(p) }));
      } else if (!sender.isLive() || !connectivity.isReachable() || sender.isHeld() || (item.attempts > 0 && (item.state === 'queued' || item.state === 'attaching'))) {
        // Not going now: the server is away, or the queue waits on an earlier item.
        done({ outcome: 'queued', localNo });
      }
    };
    const timer = setTimeout(() => done({ outcome: 'queued', localNo }), SETTLE_MS);
    const recheck = setInterval(check, 500);
    const sub = liveQuery(() => offlineDb.outbox.get(localNo)).subscribe({
      next: (item) => {
        if (!item) return done({ outcome: 'queued', localNo });
        last = item;
        check();
      },
      error: () => done({ outcome: 'queued', localNo }),
    });
  });
}
