// The JSON shape of `POST /api/receipts`, defined once so the HTTP adapter and the simulator
// cannot drift apart. The document travels inline as base64: receipts are single PDFs of a few
// MB at most, and one request keeps the idempotency story to one key and one answer.

import { DiarisationRequest, EofficeGrading } from './eoffice-gateway.port';
import { findRequestProblems } from './diarisation-request.validation';

export const RECEIPTS_PATH = 'api/receipts';
export const HEALTH_PATH = 'api/health';
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

export interface WireDocument {
  filename: string;
  contentType: string;
  sha256: string;
  contentBase64: string;
}

export interface WireReceiptRequest {
  idempotencyKey: string;
  kind: string;
  subject: string;
  sourceRef: string;
  grading: EofficeGrading;
  intakeChannel?: string;
  receivedAt?: string;
  metadata: Readonly<Record<string, unknown>>;
  document?: WireDocument;
}

/** 2xx answer. `receiptNo` is the e-Office receipt number, e.g. `81829/2023/ARC-DARPG`. */
export interface WireReceiptResponse {
  receiptNo: string;
  idempotencyKey: string;
  createdAt: string;
}

/** Non-2xx answer. `problems` lists what was wrong with the request (400/422). */
export interface WireErrorResponse {
  error: string;
  message: string;
  problems?: string[];
}

export function toWireRequest(request: DiarisationRequest): WireReceiptRequest {
  const { document, ...fields } = request;
  return {
    ...fields,
    ...(document && {
      document: {
        filename: document.filename,
        contentType: document.contentType,
        sha256: document.sha256,
        contentBase64: document.bytes.toString('base64'),
      },
    }),
  };
}

export type WireDecodeResult =
  { ok: true; request: DiarisationRequest } | { ok: false; problems: string[] };

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Server side: turns a parsed JSON body back into a request, or says what is wrong with it. */
export function fromWireRequest(body: unknown): WireDecodeResult {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, problems: ['body must be a JSON object'] };
  }
  const wire = body as Partial<Record<keyof WireReceiptRequest, unknown>>;
  const decoded = decodeDocument(wire.document);
  if (!decoded.ok) return decoded;
  // Only known fields are kept; types are checked by findRequestProblems, hence the casts.
  const request = {
    idempotencyKey: wire.idempotencyKey,
    kind: wire.kind,
    subject: wire.subject,
    sourceRef: wire.sourceRef,
    grading: wire.grading,
    ...(wire.intakeChannel !== undefined && { intakeChannel: wire.intakeChannel }),
    ...(wire.receivedAt !== undefined && { receivedAt: wire.receivedAt }),
    metadata: wire.metadata,
    ...(decoded.document && { document: decoded.document }),
  } as DiarisationRequest;
  const problems = findRequestProblems(request);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, request };
}

function decodeDocument(
  value: unknown,
): { ok: true; document: DiarisationRequest['document'] } | { ok: false; problems: string[] } {
  if (value === undefined || value === null) return { ok: true, document: undefined };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, problems: ['document must be an object'] };
  }
  const wire = value as Partial<Record<keyof WireDocument, unknown>>;
  if (typeof wire.contentBase64 !== 'string' || !BASE64.test(wire.contentBase64)) {
    // Buffer.from(x, 'base64') silently skips junk, so check before decoding.
    return { ok: false, problems: ['document.contentBase64 must be base64'] };
  }
  return {
    ok: true,
    document: {
      filename: wire.filename as string,
      contentType: wire.contentType as string,
      sha256: wire.sha256 as string,
      bytes: Buffer.from(wire.contentBase64, 'base64'),
    },
  };
}
