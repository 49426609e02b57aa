import { Block, PdfSpec, PdfSpecError } from './types';

function checkBlock(block: Block, index: number): void {
  const where = `block ${index + 1} (${block.kind})`;
  switch (block.kind) {
    case 'table': {
      if (block.columns.length === 0) throw new PdfSpecError(`${where}: a table needs columns`);
      for (const c of block.columns) {
        if (!(c.width > 0))
          throw new PdfSpecError(`${where}: column "${c.header}" needs a width > 0`);
      }
      block.rows.forEach((row, r) => {
        if (!Array.isArray(row)) {
          if (typeof (row as { group?: unknown }).group !== 'string')
            throw new PdfSpecError(`${where}: row ${r + 1} is neither cells nor a group heading`);
          return;
        }
        if (row.length !== block.columns.length) {
          throw new PdfSpecError(
            `${where}: row ${r + 1} has ${row.length} cells but the table has ${block.columns.length} columns`,
          );
        }
      });
      return;
    }
    case 'spacer':
      if (!(block.height >= 0)) throw new PdfSpecError(`${where}: height must be >= 0`);
      return;
    default:
      return;
  }
}

/** Rejects specs that would otherwise render a wrong-looking paper instead of failing loudly. */
export function validateSpec(spec: PdfSpec): void {
  if (!(spec.issuedAt instanceof Date) || Number.isNaN(spec.issuedAt.getTime())) {
    throw new PdfSpecError('issuedAt must be a valid Date');
  }
  if (!spec.documentId.trim()) throw new PdfSpecError('documentId is required');
  if (!spec.letterhead.unitHi.trim() || !spec.letterhead.unitEn.trim()) {
    throw new PdfSpecError('letterhead needs both unitHi and unitEn');
  }
  // A QR is what makes a paper checkable; a draft must never carry one.
  if (spec.draft && spec.qrUrl) throw new PdfSpecError('a draft carries no verify QR');
  spec.blocks.forEach(checkBlock);
}
