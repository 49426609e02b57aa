/**
 * PDF text string as UTF-16BE hex with a byte-order mark. Hex avoids any escaping of
 * parentheses or backslashes and is what ISO 32000 requires for non-Latin-1 text strings.
 */
export function utf16beHex(text: string): string {
  let hex = '<FEFF';
  for (let i = 0; i < text.length; i++) {
    hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  }
  return hex + '>';
}
