/** The file types a scan may be, by their first bytes. Names and Content-Type headers lie. */
const SIGNATURES: ReadonlyArray<{ contentType: string; extension: string; magic: Buffer }> = [
  { contentType: 'application/pdf', extension: 'pdf', magic: Buffer.from('%PDF-', 'latin1') },
  { contentType: 'image/jpeg', extension: 'jpg', magic: Buffer.from([0xff, 0xd8, 0xff]) },
  { contentType: 'image/png', extension: 'png', magic: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
];

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

export function sniffFileType(bytes: Buffer): { contentType: string; extension: string } | null {
  const match = SIGNATURES.find((s) => bytes.length >= s.magic.length && bytes.subarray(0, s.magic.length).equals(s.magic));
  return match ? { contentType: match.contentType, extension: match.extension } : null;
}

/**
 * A name safe to store and to put in a Content-Disposition header: no path, no control or
 * quote characters, at most 120 characters, and the extension of what the file really is.
 */
export function safeFilename(original: string | undefined, extension: string): string {
  const base = (original ?? '').split(/[\\/]/).pop()!.replace(/\.[^.]*$/, '');
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\x00-\x1f\x7f"';]+/g, '').trim().slice(0, 100);
  return `${cleaned || 'attachment'}.${extension}`;
}
