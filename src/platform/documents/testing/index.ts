// Helpers for specs that check papers (pdftotext, pdftoppm): what a module's specs may import.
export { Poppler } from '../pdf/testing/poppler';
export type { PixelBox } from '../pdf/testing/poppler';
