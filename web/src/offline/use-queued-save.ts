import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { ApiError } from '../api/errors';
import { outbox, QueuedFilesTooLargeError, submitQueued, type Submitted } from './outbox';

export interface QueuedSave<D, B> {
  /** The local number of the queued item the form was opened to edit (`?queued=N`). */
  editing?: number;
  saving: boolean;
  /** The local number the last save was kept under, when the server did not take it at once. */
  savedAs?: number;
  /** The attachments were too large to keep on the device. */
  tooLarge: boolean;
  save(draft: D, body: B, files: readonly File[]): Promise<Submitted | undefined>;
}

/**
 * An intake form's save through the outbox (issue 17), and its `?queued=N` edit of an item
 * saved on this device: `onOpen` receives the item's draft and attachments to show again, and
 * the server's refusal to show beside the fields.
 */
export function useQueuedSave<D, B>(kind: string, onOpen: (draft: D, files: File[], refused?: ApiError) => void): QueuedSave<D, B> {
  const [params, setParams] = useSearchParams();
  const editing = Number(params.get('queued')) || undefined;
  const [saving, setSaving] = useState(false);
  const [savedAs, setSavedAs] = useState<number>();
  const [tooLarge, setTooLarge] = useState(false);

  useEffect(() => {
    if (editing === undefined) return;
    let live = true;
    void outbox.opened<B, D>(editing).then((opened) => {
      if (live && opened) onOpen(opened.payload.draft, opened.files, opened.refused);
    });
    return () => {
      live = false;
    };
    // Only when the item changes: onOpen is the page's own setter, and opening again on each
    // render would undo what the user typed since.
  }, [editing]);

  return {
    editing,
    saving,
    savedAs,
    tooLarge,
    async save(draft, body, files) {
      setSaving(true);
      setSavedAs(undefined);
      setTooLarge(false);
      try {
        const submitted = await submitQueued(kind, { draft, body }, files, editing);
        if (submitted.outcome === 'queued') {
          setSavedAs(submitted.localNo);
          if (editing !== undefined) setParams({}, { replace: true });
        }
        return submitted;
      } catch (e) {
        if (e instanceof QueuedFilesTooLargeError) {
          setTooLarge(true);
          return undefined;
        }
        throw e;
      } finally {
        setSaving(false);
      }
    },
  };
}
