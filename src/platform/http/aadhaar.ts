import { registerDecorator, ValidationOptions } from 'class-validator';

// Verhoeff tables: the checksum every Aadhaar number carries in its last digit.
const D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 7, 2], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

export function verhoeffValid(digits: string): boolean {
  let c = 0;
  const reversed = digits.split('').reverse();
  for (let i = 0; i < reversed.length; i++) c = D[c]![P[i % 8]![Number(reversed[i])]!]!;
  return c === 0;
}

const DECIMAL_DIGIT = /\p{Nd}/u;
const digitValues = new Map<string, string>();

/**
 * The ASCII digit for any Unicode decimal digit (Devanagari २, Bengali, Arabic-Indic, …).
 * Unicode keeps each script's digits 0-9 as one contiguous run, so the value is the distance
 * from the start of the run, modulo 10 (a few blocks hold several runs back to back).
 */
function asciiDigit(ch: string): string {
  if (ch >= '0' && ch <= '9') return ch;
  const known = digitValues.get(ch);
  if (known) return known;
  let start = ch.codePointAt(0)!;
  while (start > 0 && DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--;
  const value = String((ch.codePointAt(0)! - start) % 10);
  digitValues.set(ch, value);
  return value;
}

/** Characters people (or a pasted document) put between digit groups: spaces of every kind, line breaks, dashes, dots, slashes, combining marks. */
const SEPARATOR = /[\s\p{Pd}\u2212._/\\\u00B7\u2022\u2024\u2027\u2044\u2215\u2219\u22C5\u30FB\p{Mn}\p{Me}]/u;
/** Invisible format characters (zero-width space and joiners, soft hyphen, BOM, direction marks): dropped before anything else. */
const FORMAT = /\p{Cf}/gu;
/** Ids that are not numbers: a UUID's hex groups may look like 4-4-4 digits. */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** A chain glued to a Latin letter is part of a code or hash; after `+` it is an international phone number. */
const GLUE = /[A-Za-z+]/;
/** How an Aadhaar number is written: 12 digits at once, 4-4-4 (as on the card) or 3-3-3-3. */
const GROUPINGS = [[12], [4, 4, 4], [3, 3, 3, 3]];

/**
 * The text as the Aadhaar check reads it: NFKC (full-width and other compatibility digits
 * become ASCII), every Unicode decimal digit as ASCII, format characters removed.
 * Only for reading; the stored text is never changed.
 */
export function normaliseForAadhaar(text: string): string {
  const nfkc = text.normalize('NFKC').replace(FORMAT, '');
  let out = '';
  for (const ch of nfkc) out += DECIMAL_DIGIT.test(ch) ? asciiDigit(ch) : ch;
  return out.replace(UUID, ' ');
}

interface Chain {
  start: number;
  end: number;
  groups: string[];
}

/** Runs of digit groups joined by separators (`2341 2341 2346`, `234.123.412.346`, `2341\n2341–2346`). */
function digitChains(text: string): Chain[] {
  const chains: Chain[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isDigit(text[i]!)) {
      i++;
      continue;
    }
    const start = i;
    const groups: string[] = [];
    let end = i;
    for (;;) {
      let j = end;
      while (j < text.length && isDigit(text[j]!)) j++;
      groups.push(text.slice(end, j));
      end = j;
      let k = j;
      while (k < text.length && SEPARATOR.test(text[k]!)) k++;
      if (k > j && k < text.length && isDigit(text[k]!)) end = k;
      else break;
    }
    chains.push({ start, end, groups });
    i = end;
  }
  return chains;
}

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

/**
 * Candidate 12-digit numbers in one chain: consecutive groups written as an Aadhaar number is
 * (12, 4-4-4, 3-3-3-3). Not any 12 digits of the chain: `91 98765 43210` is a phone number and
 * `PRT/2026/000123` followed by a count on the next line is no number at all.
 */
function candidates(chain: Chain): string[] {
  const out: string[] = [];
  for (const grouping of GROUPINGS) {
    for (let at = 0; at + grouping.length <= chain.groups.length; at++) {
      if (grouping.every((len, k) => chain.groups[at + k]!.length === len)) out.push(chain.groups.slice(at, at + grouping.length).join(''));
    }
  }
  return out;
}

/**
 * Every substring of the normalised text that is very likely a full Aadhaar number: 12 digits
 * not starting with 0 or 1 whose Verhoeff checksum holds, written plainly or grouped with any
 * separators, not glued to other digits, to a Latin letter (a code, a hash) or after `+`.
 * With `anyChecksum`, every number of that shape, its check digit valid or not: for imported
 * data (a records index), where a mistyped Aadhaar number is still most of one.
 */
export function findAadhaarNumbers(text: string, { anyChecksum = false }: { anyChecksum?: boolean } = {}): string[] {
  const normal = normaliseForAadhaar(text);
  const found: string[] = [];
  for (const chain of digitChains(normal)) {
    if (GLUE.test(normal[chain.start - 1] ?? '') || GLUE.test(normal[chain.end] ?? '')) continue;
    for (const digits of new Set(candidates(chain))) {
      if (/^[2-9]/.test(digits) && (anyChecksum || verhoeffValid(digits))) found.push(digits);
    }
  }
  return found;
}

/**
 * The stricter reading some forms need (character verification, where applicants copy their
 * Aadhaar card onto the form): any 12-digit number written as an Aadhaar number is (whole,
 * 4-4-4 or 3-3-3-3, starting 2-9, in any script of digits), whether or not its Verhoeff check
 * digit holds, since a mistyped Aadhaar number is still most of one.
 */
export function containsAadhaarShapedNumber(text: string): boolean {
  return findAadhaarNumbers(text, { anyChecksum: true }).length > 0;
}

export function aadhaarShapedMessage(field: string): string {
  return `${field} must not contain a 12-digit number written like an Aadhaar number; record only the last 4 digits of an ID`;
}

/** True if the text holds something that is very likely a full Aadhaar number (Aadhaar Act s.29: never store it). */
export function containsAadhaarNumber(text: string): boolean {
  return findAadhaarNumbers(text).length > 0;
}

/**
 * For logs: text holding an Aadhaar number comes back normalised with every digit masked
 * (a URL is read decoded, so `%20` or `+` between groups does not hide one); other text as is.
 */
export function withoutAadhaarNumbers(text: string, { url = false } = {}): string {
  let read = text;
  if (url) {
    try {
      read = decodeURIComponent(text.replace(/\+/g, ' '));
    } catch {
      read = text;
    }
  }
  return containsAadhaarNumber(read) ? normaliseForAadhaar(read).replace(/[0-9]/g, 'X') : text;
}

export function aadhaarMessage(field: string): string {
  return `${field} must not contain a full Aadhaar number; record only its last 4 digits`;
}

/**
 * The same check as a field validator. Every string of every body, query and path is already
 * checked by the validation pipe (`input-guard.ts`), so DTOs need not use it; kept as an
 * alias for code that validates objects outside a request.
 */
export function NoAadhaarNumber(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'noAadhaarNumber',
      target: target.constructor,
      propertyName,
      options: { message: aadhaarMessage(propertyName), ...options },
      validator: { validate: (value: unknown) => typeof value !== 'string' || !containsAadhaarNumber(value) },
    });
}
