import { create } from 'qrcode';
import { PdfCanvas } from '../pdf-canvas';

/** Quiet-zone modules around the symbol; the page margin around it adds the rest. */
const QUIET = 2;

/**
 * Draws a QR code as vector squares: sharp at any zoom or print resolution, survives
 * WhatsApp's image recompression better than an embedded bitmap, and is byte-deterministic.
 */
export function drawQr(canvas: PdfCanvas, url: string, x: number, y: number, size: number): void {
  // Level M tolerates a crease or smudge on a printed paper while keeping modules large.
  const { modules } = create(url, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const cell = size / (n + 2 * QUIET);
  const rects: [number, number, number, number][] = [];
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!modules.data[row * n + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && modules.data[row * n + col]) col++;
      // Horizontal runs become one rectangle each; a hair of overlap hides seams in viewers.
      rects.push([
        x + (QUIET + start) * cell,
        y + (QUIET + row) * cell,
        (col - start) * cell,
        cell + 0.02,
      ]);
    }
  }
  canvas.fillRect(x, y, size, size, 1);
  canvas.fillRects(rects, 0);
}
