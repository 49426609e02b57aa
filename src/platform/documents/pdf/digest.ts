import { createHash } from 'node:crypto';

/** JSON with sorted keys and Dates as ISO strings: the same spec always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)) {
      const sorted: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
      return sorted;
    }
    return v;
  });
}

export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * The PDF trailer /ID (16 bytes) derived from the spec instead of pdfkit's default, so that
 * the file identifier is stable for a given document and differs between documents.
 */
export function fileIdFor(specJson: string): Buffer {
  return createHash('sha256')
    .update('police-ops/pdf-id/v1\n')
    .update(specJson)
    .digest()
    .subarray(0, 16);
}
