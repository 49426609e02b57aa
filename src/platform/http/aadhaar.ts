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

/** 12 digits, optionally grouped 4-4-4 by spaces or hyphens, not glued to other digits. */
const CANDIDATE = /(?<![\d])(\d{4})[ -]?(\d{4})[ -]?(\d{4})(?![\d])/g;

/**
 * True if the text holds something that is very likely a full Aadhaar number: 12 digits
 * not starting with 0 or 1 whose Verhoeff checksum holds (Aadhaar Act s.29: never store it).
 */
export function containsAadhaarNumber(text: string): boolean {
  for (const m of text.matchAll(CANDIDATE)) {
    const digits = `${m[1]}${m[2]}${m[3]}`;
    if (/^[2-9]/.test(digits) && verhoeffValid(digits)) return true;
  }
  return false;
}

/** Rejects a free-text field holding a full Aadhaar number; only the last 4 digits may be kept. */
export function NoAadhaarNumber(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'noAadhaarNumber',
      target: target.constructor,
      propertyName,
      options: {
        message: `${propertyName} must not contain a full Aadhaar number; record only its last 4 digits`,
        ...options,
      },
      validator: { validate: (value: unknown) => typeof value !== 'string' || !containsAadhaarNumber(value) },
    });
}
