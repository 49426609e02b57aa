import type { DiarisationDocument } from '../gateway';

/** Loads an issued document's bytes for attachment; provided by the documents module. */
export interface OutboxDocumentLoader {
  load(documentId: string): Promise<DiarisationDocument>;
}

export const OUTBOX_DOCUMENT_LOADER = Symbol('OUTBOX_DOCUMENT_LOADER');
