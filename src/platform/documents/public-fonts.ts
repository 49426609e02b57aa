import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { Response } from 'express';
import { Public } from '../auth';

/**
 * Noto Sans Devanagari for the pages the app serves outside the browser app (the officer's duty
 * slip at /s, the public verify page at /verify), for a browser without a Devanagari font of its
 * own: the same files the papers are drawn with, from our own origin (the CSP allows no other).
 */
const FONT_FILES: ReadonlyMap<string, string> = new Map([
  ['noto-sans-devanagari-400.ttf', '@expo-google-fonts/noto-sans-devanagari/400Regular/NotoSansDevanagari_400Regular.ttf'],
  ['noto-sans-devanagari-700.ttf', '@expo-google-fonts/noto-sans-devanagari/700Bold/NotoSansDevanagari_700Bold.ttf'],
]);

/** Where the files are served, outside /api/v1 (see app.ts) and outside the browser app's routes. */
export const PUBLIC_FONTS_PATH = '/fonts';

const DEVANAGARI_RANGE = 'U+0900-097F,U+1CD0-1CFF,U+200C-200D,U+20B9,U+25CC,U+A830-A83F,U+A8E0-A8FF';

/**
 * `@font-face` rules naming `family` for the Devanagari letters only: the device's own Noto Sans
 * Devanagari when it has one (Android and iOS do), else our file. Latin text stays in the
 * device's own face, so a page read in English loads nothing.
 */
export function devanagariFontFaces(family: string, options: { sizeAdjust?: string } = {}): string {
  const faces: Array<[400 | 700, 'Regular' | 'Bold']> = [
    [400, 'Regular'],
    [700, 'Bold'],
  ];
  const adjust = options.sizeAdjust ? `size-adjust:${options.sizeAdjust};` : '';
  return faces
    .map(
      ([weight, style]) =>
        `@font-face{font-family:'${family}';font-style:normal;font-weight:${weight};font-display:swap;${adjust}src:local('Noto Sans Devanagari ${style}'),local('NotoSansDevanagari-${style}'),url(${PUBLIC_FONTS_PATH}/noto-sans-devanagari-${weight}.ttf) format('truetype');unicode-range:${DEVANAGARI_RANGE}}`,
    )
    .join('\n');
}

@Controller(PUBLIC_FONTS_PATH.slice(1))
export class PublicFontsController {
  /**
   * A fixed file of the app, cached by the device, not an API. Not throttled: a station's
   * officers behind one address all fetch it at shift change, and it says nothing about anyone.
   */
  @Get(':file')
  @Public()
  @SkipThrottle()
  @ApiExcludeEndpoint()
  font(@Param('file') file: string, @Res() res: Response): void {
    const path = FONT_FILES.get(file);
    if (!path) throw new NotFoundException(`No font ${file.slice(0, 60)}`);
    res.setHeader('Cache-Control', 'public, max-age=604800');
    res.type('font/ttf').sendFile(require.resolve(path));
  }
}
