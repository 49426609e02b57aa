// Sample items for the gateway and simulator tests.

import { randomUUID } from 'node:crypto';
import { DiarisationRequest } from '../eoffice-gateway.port';
import { sha256Hex } from '../diarisation-request.validation';

/** Not a renderable PDF, but it starts like one and has bytes outside ASCII, like a real one. */
export const SAMPLE_PDF = Buffer.concat([
  Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'),
  Buffer.from('1 0 obj << /Type /Catalog >> endobj\n'),
  Buffer.from([0x00, 0xff, 0x10, 0x80, 0x7f]),
  Buffer.from('\n%%EOF\n'),
]);

export function sampleRequest(overrides: Partial<DiarisationRequest> = {}): DiarisationRequest {
  return {
    idempotencyKey: randomUUID(),
    kind: 'PROTEST_PERMISSION_ORDER',
    subject: 'अम्बेडकर पार्क में धरना की अनुमति / Permission for dharna at Ambedkar Park',
    sourceRef: 'PRT/2026/000123',
    grading: 'NORMAL',
    intakeChannel: 'BY_HAND',
    receivedAt: '2026-03-02T10:15:00+05:30',
    metadata: { thana: 'TT Nagar', expectedNumbers: 400, loudspeaker: true },
    document: {
      filename: 'PRT-2026-000123.pdf',
      contentType: 'application/pdf',
      bytes: SAMPLE_PDF,
      sha256: sha256Hex(SAMPLE_PDF),
    },
    ...overrides,
  };
}
