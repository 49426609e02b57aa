import { api } from '../api/client';
import { unwrap } from '../api/http';

/** One refused row of a sheet import: its number, its key (belt no., unit code) and what is wrong. */
export interface SheetRowReport {
  row: number;
  errors: Array<{ column: string; message: string }>;
}

/**
 * A sheet (CSV, XLSX) import's answer, the same for every sheet the API takes: a file with bad
 * rows is refused (422) with its per-row report and imports nothing; sent again with
 * confirmPartial, its good rows go in. Either way a report.
 */
export interface RefusedSheet<Row extends SheetRowReport> {
  total: number;
  rejected: number;
  /** Rows that would go in once confirmed. */
  importable: number;
  rows: Row[];
  message: string;
}
export type SheetOutcome<Report extends { rows: SheetRowReport[]; imported: number; rejected: number }> =
  | { imported: true; report: Report }
  | { imported: false; refused: RefusedSheet<Report['rows'][number]> };

function isRefused(body: unknown): body is RefusedSheet<SheetRowReport> {
  return !!body && typeof body === 'object' && Array.isArray((body as { rows?: unknown }).rows) && typeof (body as { importable?: unknown }).importable === 'number';
}

/** Sends the file to a sheet import route (`/api/v1/units/import`, `/api/v1/officers/import`). */
export async function importSheet<Report extends { rows: SheetRowReport[]; imported: number; rejected: number }>(
  path: '/api/v1/units/import' | '/api/v1/officers/import',
  file: File,
  confirmPartial: boolean,
): Promise<SheetOutcome<Report>> {
  const { data, error, response } = await api.POST(path, {
    params: { query: { confirmPartial: confirmPartial ? 'true' : 'false' } },
    body: { file } as never,
    bodySerializer: () => {
      const form = new FormData();
      form.append('file', file);
      return form;
    },
  });
  if (response.ok) return { imported: true, report: data as unknown as Report };
  if (response.status === 422 && isRefused(error)) return { imported: false, refused: error as RefusedSheet<Report['rows'][number]> };
  return unwrap({ data, error, response } as never) as never;
}
