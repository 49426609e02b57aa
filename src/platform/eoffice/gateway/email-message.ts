// What the diarisation mailbox receives. A clerk at the e-Office end reads the body; a rule or
// script can read `metadata.json` or the delimited block in the body. Nothing in it varies
// between resends of the same outbox row, so a duplicate is recognisable by its Message-ID,
// by the `[PO:<key>]` tag in its subject, and by identical metadata.

import type { SendMailOptions } from 'nodemailer';
import { DiarisationRequest, EofficeGrading } from './eoffice-gateway.port';

/** Fixed on purpose: duplicate detection depends on it never changing between deploys. */
export const MESSAGE_ID_DOMAIN = 'police-ops.bhopal';
export const METADATA_FORMAT = 'police-ops.eoffice-diarisation/1';
export const METADATA_FILENAME = 'metadata.json';
export const METADATA_BEGIN = '----- BEGIN POLICE-OPS DIARISATION METADATA -----';
export const METADATA_END = '----- END POLICE-OPS DIARISATION METADATA -----';

export interface DiarisationMailMetadata {
  format: typeof METADATA_FORMAT;
  idempotencyKey: string;
  messageId: string;
  kind: string;
  subject: string;
  sourceRef: string;
  grading: EofficeGrading;
  intakeChannel: string | null;
  receivedAt: string | null;
  document: { filename: string; contentType: string; sha256: string; sizeBytes: number } | null;
  metadata: Readonly<Record<string, unknown>>;
}

export interface MailAddressing {
  readonly from: string;
  readonly to: string;
}

export function messageIdFor(idempotencyKey: string): string {
  return `<${idempotencyKey}@${MESSAGE_ID_DOMAIN}>`;
}

export function subjectTagFor(idempotencyKey: string): string {
  return `[PO:${idempotencyKey}]`;
}

export function buildDiarisationMail(
  request: DiarisationRequest,
  addressing: MailAddressing,
): SendMailOptions {
  const metadata = buildMetadata(request);
  const metadataJson = JSON.stringify(metadata, null, 2);
  const { document } = request;
  return {
    from: addressing.from,
    to: addressing.to,
    messageId: metadata.messageId,
    subject: `${subjectTagFor(request.idempotencyKey)} ${request.sourceRef} ${request.subject}`,
    // Plain-ASCII headers for mailbox rules: they cannot read attachments, and a non-ASCII
    // subject is RFC 2047-encoded as a whole, the [PO:] tag included.
    headers: {
      'X-PoliceOps-Idempotency-Key': request.idempotencyKey,
      'X-PoliceOps-Source-Ref': request.sourceRef,
      'X-PoliceOps-Grading': request.grading,
    },
    xMailer: 'police-ops eoffice-gateway',
    text: buildBody(metadata, metadataJson),
    attachments: [
      ...(document
        ? [
            {
              filename: document.filename,
              contentType: document.contentType,
              content: document.bytes,
            },
          ]
        : []),
      {
        filename: METADATA_FILENAME,
        contentType: 'application/json; charset=utf-8',
        content: metadataJson,
      },
    ],
  };
}

export function buildMetadata(request: DiarisationRequest): DiarisationMailMetadata {
  const { document } = request;
  return {
    format: METADATA_FORMAT,
    idempotencyKey: request.idempotencyKey,
    messageId: messageIdFor(request.idempotencyKey),
    kind: request.kind,
    subject: request.subject,
    sourceRef: request.sourceRef,
    grading: request.grading,
    intakeChannel: request.intakeChannel ?? null,
    receivedAt: request.receivedAt ?? null,
    document: document
      ? {
          filename: document.filename,
          contentType: document.contentType,
          sha256: document.sha256,
          sizeBytes: document.bytes.length,
        }
      : null,
    metadata: request.metadata,
  };
}

/** Reads the block back out of a mail body; null when there is none or it is not valid JSON. */
export function parseMetadataBlock(body: string): DiarisationMailMetadata | null {
  const begin = body.indexOf(METADATA_BEGIN);
  const end = body.indexOf(METADATA_END, begin);
  if (begin < 0 || end < 0) return null;
  try {
    return JSON.parse(body.slice(begin + METADATA_BEGIN.length, end)) as DiarisationMailMetadata;
  } catch {
    return null;
  }
}

function buildBody(metadata: DiarisationMailMetadata, metadataJson: string): string {
  const { document } = metadata;
  const lines = [
    'Item for e-mail diarisation, sent by police-ops (Bhopal Police Commissionerate).',
    `If an item with Message-ID ${metadata.messageId} or the tag ${subjectTagFor(metadata.idempotencyKey)}`,
    'in its subject has already been diarised, this is a resend of it: please do not diarise it again.',
    '',
    `Subject:          ${metadata.subject}`,
    `Our reference:    ${metadata.sourceRef}`,
    `Kind:             ${metadata.kind}`,
    `Grading:          ${metadata.grading}`,
    ...(metadata.receivedAt ? [`Received:         ${metadata.receivedAt}`] : []),
    ...(metadata.intakeChannel ? [`Intake channel:   ${metadata.intakeChannel}`] : []),
    document
      ? `Document:         ${document.filename} (${document.sizeBytes} bytes, sha256 ${document.sha256})`
      : 'Document:         none attached',
    '',
    METADATA_BEGIN,
    metadataJson,
    METADATA_END,
    '',
  ];
  return lines.join('\n');
}
