function isAsciiDigit(cp: number): boolean {
  return cp >= 0x30 && cp <= 0x39;
}

/**
 * Splits a Latin run around ASCII digits so numbers are shaped digit by digit from a cache.
 * A 5,000-row duty chart has thousands of distinct serial, badge and phone numbers, and
 * fontkit needs ~0.1 ms per call; digits repeat constantly. shaping.ts verifies every
 * boundary pair (Noto Sans never kerns digits, but a future font might) before trusting it.
 *
 * Devanagari runs are not split: fontkit's whole-word result is what matches HarfBuzz, and
 * Noto Sans Devanagari Bold does kern across syllables (ङ before a half form), so per-syllable
 * caching would need a pair check per syllable boundary, which costs more than it saves.
 */
export function latinSegments(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  let prevDigit = false;
  for (let i = 0; i < text.length; i++) {
    const digit = isAsciiDigit(text.charCodeAt(i));
    if (i > start && (digit || prevDigit)) {
      pieces.push(text.slice(start, i));
      start = i;
    }
    prevDigit = digit;
  }
  if (start < text.length) pieces.push(text.slice(start));
  return pieces;
}
