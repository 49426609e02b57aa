import type { UseMutationResult } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { ApiError } from '../api/errors';
import type { SheetOutcome, SheetRowReport } from '../lib/sheet-import';
import { Field } from './Field';
import { FormMessage } from './FormMessage';
import { Panel } from './Panel';

type Report = { rows: SheetRowReport[]; imported: number; rejected: number };

/** What the panel says, in the screen's language (the caller's own keys). */
export interface SheetImportTexts<R extends Report> {
  title: string;
  intro: ReactNode;
  file: string;
  fileHint: string;
  check: string;
  /** The header of the column that names each row (unit code, belt no.). */
  key: string;
  imported: (report: R) => string;
  leftOut: (count: number) => string;
  refused: (count: number, total: number) => string;
  rowErrors: string;
  row: string;
  column: string;
  problem: string;
  importGood: (count: number) => string;
  nothingGood: string;
}

export interface SheetImportPanelProps<R extends Report> {
  headingId: string;
  accept: string;
  texts: SheetImportTexts<R>;
  upload: UseMutationResult<SheetOutcome<R>, Error, { file: File; confirmPartial: boolean }>;
  /** The value that names a row (its unit code, its belt no.), if the row has one. */
  keyOf: (row: R['rows'][number]) => string | null | undefined;
}

/**
 * A sheet import (units, the officer roll): the file is checked first; one with bad rows
 * imports nothing, shows each bad cell by row and column, and its good rows go in only when
 * the user confirms them. The API's messages are English and are shown as such.
 */
export function SheetImportPanel<R extends Report>({ headingId, accept, texts, upload, keyOf }: SheetImportPanelProps<R>) {
  const [file, setFile] = useState<File | undefined>();
  const [outcome, setOutcome] = useState<SheetOutcome<R> | undefined>();
  const error = upload.error instanceof ApiError ? upload.error : undefined;
  const send = (confirmPartial: boolean) => {
    if (!file) return;
    upload.mutate({ file, confirmPartial }, { onSuccess: setOutcome });
  };
  return (
    <Panel title={texts.title} headingId={headingId}>
      <p>{texts.intro}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setOutcome(undefined);
          send(false);
        }}
      >
        <FormMessage error={error && error.fieldMessage('file') ? undefined : upload.error} />
        <Field
          label={texts.file}
          hint={texts.fileHint}
          type="file"
          accept={accept}
          onChange={(e) => {
            setOutcome(undefined);
            upload.reset();
            setFile(e.target.files?.[0]);
          }}
          error={error?.fieldMessage('file')}
          errorLang="en"
        />
        <div className="actions">
          <button type="submit" className="button primary" disabled={!file || upload.isPending}>
            {texts.check}
          </button>
        </div>
      </form>
      <div aria-live="polite">
        {outcome?.imported ? (
          <p className="notice info">
            {texts.imported(outcome.report)}
            {outcome.report.rejected > 0 ? ` ${texts.leftOut(outcome.report.rejected)}` : ''}
          </p>
        ) : null}
        {outcome && !outcome.imported ? (
          <div className="import-preview">
            <p className="notice warning">{texts.refused(outcome.refused.rejected, outcome.refused.total)}</p>
            <table className="import-rows">
              <caption>{texts.rowErrors}</caption>
              <thead>
                <tr>
                  <th scope="col">{texts.row}</th>
                  <th scope="col">{texts.key}</th>
                  <th scope="col">{texts.column}</th>
                  <th scope="col">{texts.problem}</th>
                </tr>
              </thead>
              <tbody>
                {outcome.refused.rows.flatMap((r) =>
                  r.errors.map((e, i) => (
                    <tr key={`${r.row}-${i}`}>
                      <td>{r.row}</td>
                      <td>{keyOf(r) ?? '—'}</td>
                      <td>
                        <code>{e.column}</code>
                      </td>
                      <td lang="en">{e.message}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
            {outcome.refused.importable > 0 ? (
              <div className="actions">
                <button type="button" className="button primary" disabled={upload.isPending} onClick={() => send(true)}>
                  {texts.importGood(outcome.refused.importable)}
                </button>
              </div>
            ) : (
              <p>{texts.nothingGood}</p>
            )}
          </div>
        ) : null}
      </div>
    </Panel>
  );
}
