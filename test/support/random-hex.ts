/**
 * Text without its random hex: UUIDs and digests (a SHA-256), which can hold any run of
 * digits ("1984", "4821") and would trip a test that looks for a year or an ID's digits.
 */
export function withoutRandomHex(text: string): string {
  return text
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>')
    .replace(/\b[0-9a-f]{32,}\b/gi, '<digest>');
}
