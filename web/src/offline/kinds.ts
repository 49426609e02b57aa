import type { ApiError } from '../api/errors';

/** An attachment queued with its record: name, type and bytes. */
export interface QueuedFile {
  name: string;
  type: string;
  /** What the record's upload route calls it (a protest attachment's kind); absent where it has none. */
  label?: string;
  bytes: ArrayBuffer;
}

/** The queued attachment as a File again, for its upload route. */
export function asFile(file: QueuedFile): File {
  return new File([file.bytes], file.name, { type: file.type });
}

export interface SendOptions {
  idempotencyKey: string;
  signal: AbortSignal;
}

/** The fetch options of an outbox send (its key and time limit), for an API call; none for an ordinary one. */
export function sendOptions(send?: SendOptions): { headers?: { 'Idempotency-Key': string }; signal?: AbortSignal } {
  return send ? { headers: { 'Idempotency-Key': send.idempotencyKey }, signal: send.signal } : {};
}

/** The record the server made of a queued write. */
export interface Created {
  id: string;
  ref: string;
  /** The part of the record the attachments belong to (the visit a field visit's photos go with). */
  attachTo?: string;
}

/** The record of an API answer, as the outbox keeps it. */
export function made(view: { id: string; ref: string }): Created {
  return { id: view.id, ref: view.ref };
}

/**
 * One kind of write the control room may save while the server is away (a protest
 * application, a dak item): how to send it, its attachments, and how to find the record again
 * when the server saved it but its answer was lost. Each feature declares its own.
 */
export interface QueuedKind<Body = unknown> {
  kind: string;
  /** The i18n key naming the kind in lists ("Protest application"). */
  label: string;
  create(body: Body, options: SendOptions): Promise<Created>;
  upload?(created: Created, file: QueuedFile, options: SendOptions): Promise<void>;
  /**
   * The record a replay made, when the server answers "carried out, its answer lost": by the id
   * the server names (`madeId`), or from the body where the record is known beforehand (an
   * acknowledgement of a programme). Undefined: it cannot be found again from here.
   */
  lookup(madeId: string | undefined, body: Body): Promise<Created | undefined>;
  /** One line for lists: who applied, what the letter is about. */
  summary(body: Body): string;
  /** Where the user edits the queued item: the kind's own form, given the local number; none for a write with nothing to edit. */
  editPath?(localNo: number, body: Body): string;
  recordPath(created: Created): string;
  /** The TanStack Query key of the kind's lists, refreshed when one of its items is sent. */
  listKey: readonly unknown[];
}

const kinds = new Map<string, QueuedKind>();

export function registerQueuedKind<B>(kind: QueuedKind<B>): void {
  kinds.set(kind.kind, kind as unknown as QueuedKind);
}

export function queuedKind(name: string): QueuedKind | undefined {
  return kinds.get(name);
}

/** The largest attachments one queued item may carry, all together (they live on the device until sent). */
export const QUEUED_FILES_MAX_BYTES = 20 * 1024 * 1024;

export type { ApiError };
