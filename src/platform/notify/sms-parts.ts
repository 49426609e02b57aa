/**
 * How many SMS parts a text takes, as the network counts them (3GPP TS 23.038 and 23.040).
 *
 * - GSM-7: every character of the default alphabet is one septet, one of its extension table
 *   (`^ { } \ [ ~ ] | €` and form feed) two (an escape and the character). 160 septets fit one
 *   SMS; a longer text is sent concatenated, 153 septets a part (the rest is the header that
 *   joins them), and an escape pair is never split between parts.
 * - UCS-2, as soon as one character is outside that alphabet (any Devanagari): 70 UTF-16 code
 *   units in one SMS, 67 a part when concatenated. Characters outside the Basic Multilingual
 *   Plane (emoji) take two code units, a surrogate pair that is never split between parts.
 *
 * A Hindi SMS is therefore UCS-2 whatever it holds: 134 code units for two parts.
 */

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsSize {
  readonly encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  readonly units: number;
  readonly parts: number;
  /** Units one part holds: 160 or 153 (GSM-7), 70 or 67 (UCS-2). */
  readonly perPart: number;
  /** Units that could still be added without taking another part. */
  readonly spare: number;
}

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '\f^{}\\[~]|€';

const SEPTETS = new Map<string, 1 | 2>([
  ...Array.from(GSM_BASIC, (c) => [c, 1] as const),
  ...Array.from(GSM_EXTENSION, (c) => [c, 2] as const),
]);

export const SMS_LIMITS = {
  'GSM-7': { single: 160, part: 153 },
  'UCS-2': { single: 70, part: 67 },
} as const satisfies Record<SmsEncoding, { single: number; part: number }>;

/** True when every character is in the GSM-7 alphabet (default or extension table). */
export function isGsm7(text: string): boolean {
  for (const c of text) if (!SEPTETS.has(c)) return false;
  return true;
}

/** What one character costs in the given encoding. */
export function unitCost(char: string, encoding: SmsEncoding): number {
  return encoding === 'GSM-7' ? (SEPTETS.get(char) ?? 2) : char.length;
}

/** What a text costs in the given encoding: septets, or UTF-16 code units. */
export function unitsOf(text: string, encoding: SmsEncoding): number {
  if (encoding === 'UCS-2') return text.length;
  let n = 0;
  for (const c of text) n += unitCost(c, encoding);
  return n;
}

/** The encoding a gateway must use for the text: GSM-7 when it can, else UCS-2. */
export function encodingOf(text: string): SmsEncoding {
  return isGsm7(text) ? 'GSM-7' : 'UCS-2';
}

/** The parts and units of a text as it would be sent. */
export function smsSize(text: string, encoding: SmsEncoding = encodingOf(text)): SmsSize {
  const limit = SMS_LIMITS[encoding];
  const units = unitsOf(text, encoding);
  if (units <= limit.single)
    return { encoding, units, parts: 1, perPart: limit.single, spare: limit.single - units };
  // Filled part by part: a character whose units would straddle two parts starts the next one.
  let parts = 1;
  let used = 0;
  for (const c of text) {
    const cost = unitCost(c, encoding);
    if (used + cost > limit.part) {
      parts++;
      used = 0;
    }
    used += cost;
  }
  return { encoding, units, parts, perPart: limit.part, spare: limit.part - used };
}

/** The most units `parts` parts can carry (ignoring the few lost to unsplittable pairs). */
export function capacityOf(parts: number, encoding: SmsEncoding): number {
  const limit = SMS_LIMITS[encoding];
  return parts <= 1 ? limit.single : parts * limit.part;
}
