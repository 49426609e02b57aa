// What domain modules may use of the documents engine: issuing, reading, and the PDF and template vocabulary.
export * from './documents.service';
export * from './issued-document.entity';
export * from './pdf';
export { devanagariFontFaces, PUBLIC_FONTS_PATH } from './public-fonts';
export * from './templates';
export { formatValidUntil, validUntilAfterMonths } from './validity';
