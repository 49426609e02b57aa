// One definition of a well-formed DiarisationRequest, shared by the e-mail adapter (which has
// no server to tell it so) and the simulator (which answers 422 with these same problems).
// Limits are sanity bounds, not e-Office rules: NIC publishes none.

import { createHash } from 'node:crypto';
import { DiarisationRequest, EOFFICE_GRADINGS } from './eoffice-gateway.port';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Visible ASCII without spaces: the reference travels in mail headers and URLs.
const REFERENCE = /^[\x21-\x7e]{1,64}$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;
const CONTENT_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
// A path separator or control character in a filename is never a real document name.
// eslint-disable-next-line no-control-regex
const BAD_FILENAME_CHARS = /[\x00-\x1f\x7f/\\]/;

const MAX_SUBJECT_CHARS = 2000;
const MAX_KIND_CHARS = 64;
const MAX_CHANNEL_CHARS = 64;
const MAX_FILENAME_CHARS = 255;

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Returns every problem found, in field order; an empty list means the request is fine. */
export function findRequestProblems(request: DiarisationRequest): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string): void => {
    if (!ok) problems.push(problem);
  };

  check(
    isString(request.idempotencyKey) && UUID.test(request.idempotencyKey),
    'idempotencyKey must be a UUID',
  );
  check(isText(request.kind, MAX_KIND_CHARS), `kind must be 1-${MAX_KIND_CHARS} characters`);
  check(
    isText(request.subject, MAX_SUBJECT_CHARS),
    `subject must be 1-${MAX_SUBJECT_CHARS} characters`,
  );
  check(
    isString(request.sourceRef) && REFERENCE.test(request.sourceRef),
    'sourceRef must be 1-64 visible ASCII characters',
  );
  check(
    (EOFFICE_GRADINGS as readonly unknown[]).includes(request.grading),
    `grading must be one of ${EOFFICE_GRADINGS.join(', ')}`,
  );
  if (request.intakeChannel !== undefined) {
    check(
      isText(request.intakeChannel, MAX_CHANNEL_CHARS),
      `intakeChannel must be 1-${MAX_CHANNEL_CHARS} characters`,
    );
  }
  if (request.receivedAt !== undefined) {
    check(isInstant(request.receivedAt), 'receivedAt must be an ISO-8601 instant with an offset');
  }
  check(isJsonObject(request.metadata), 'metadata must be a JSON object');
  if (request.document !== undefined) problems.push(...findDocumentProblems(request.document));
  return problems;
}

function findDocumentProblems(document: NonNullable<DiarisationRequest['document']>): string[] {
  const problems: string[] = [];
  const { filename, contentType, bytes, sha256 } = document;
  if (!isText(filename, MAX_FILENAME_CHARS) || BAD_FILENAME_CHARS.test(filename)) {
    problems.push('document.filename must be a plain file name');
  }
  if (!isString(contentType) || !CONTENT_TYPE.test(contentType)) {
    problems.push('document.contentType must be a MIME type');
  }
  if (!Buffer.isBuffer(bytes) || bytes.length === 0) {
    problems.push('document.bytes must not be empty');
  } else if (!isString(sha256) || !SHA256_HEX.test(sha256)) {
    problems.push('document.sha256 must be 64 lower-case hex digits');
  } else if (sha256Hex(bytes) !== sha256) {
    // The bytes changed between issue and delivery: sending them would diarise the wrong thing.
    problems.push('document.sha256 does not match the document bytes');
  }
  return problems;
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function isText(value: unknown, maxChars: number): value is string {
  return isString(value) && value.trim().length > 0 && value.length <= maxChars;
}

function isInstant(value: unknown): boolean {
  return isString(value) && ISO_INSTANT.test(value) && Number.isFinite(Date.parse(value));
}

function isJsonObject(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  try {
    JSON.stringify(value); // throws on BigInt and cycles
    return true;
  } catch {
    return false;
  }
}
