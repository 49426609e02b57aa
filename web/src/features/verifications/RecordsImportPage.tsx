import './records-import.css';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../api/errors';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { Panel } from '../../components/Panel';
import { usePageTitle } from '../../components/usePageTitle';
import { currentLanguage } from '../../i18n';
import { personName, type PersonRef } from '../../lib/people';
import { formatDateKey, formatDateTime } from '../../lib/time';
import {
  ERRORS_KEPT,
  HISTORY_PAGE_SIZE,
  useImport,
  useImportDecision,
  useImportHistory,
  usePreviewUpload,
  type RecordsImport,
  type RecordsImportState,
  type RecordsImportSummary,
  type SampleRow,
} from './records-import-api';

/** What the file picker offers. */
const CSV_FILES = '.csv,text/csv';
const IMPORT_PARAM = 'import';
const PAGE_PARAM = 'page';
const CONFIRM = 'confirm';
const DISCARD = 'discard';
type Decision = typeof CONFIRM | typeof DISCARD;

const who = (p: PersonRef) => personName(p, currentLanguage());

/** The state as a word on its colour (the word carries it). */
function StateTag({ state }: { state: RecordsImportState }) {
  const { t } = useTranslation();
  return <span className={`state-tag import-${state.toLowerCase()}`}>{t(`recordsImport.status.${state}`)}</span>;
}

/**
 * The criminal-records index import (ADMIN): a police station's CSV checked row by row and
 * nothing entered until the admin who previewed it confirms it, within the hour; the history
 * of imports. The import shown is in the address (`?import=<id>`), so a reload keeps it.
 */
export function RecordsImportPage() {
  const { t } = useTranslation();
  usePageTitle(t('recordsImport.title'));
  const [params, setParams] = useSearchParams();
  const selected = params.get(IMPORT_PARAM) ?? undefined;
  const page = Math.max(0, Number(params.get(PAGE_PARAM) ?? 0) || 0);
  const setParam = (name: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next);
  };

  return (
    <div className="page records-import">
      <h1>{t('recordsImport.title')}</h1>
      <p>{t('recordsImport.intro')}</p>
      <UploadPanel onPreviewed={(imp) => setParam(IMPORT_PARAM, imp.id)} />
      {selected ? <ImportPanel key={selected} id={selected} /> : null}
      <HistoryPanel page={page} selected={selected} onPage={(p) => setParam(PAGE_PARAM, p > 0 ? String(p) : undefined)} />
    </div>
  );
}

function UploadPanel({ onPreviewed }: { onPreviewed: (imp: RecordsImport) => void }) {
  const { t } = useTranslation();
  const upload = usePreviewUpload();
  const [file, setFile] = useState<File | undefined>();
  const [done, setDone] = useState<RecordsImport | undefined>();
  const error = upload.error instanceof ApiError ? upload.error : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setDone(undefined);
    upload.mutate(file, {
      onSuccess: (imp) => {
        setDone(imp);
        onPreviewed(imp);
      },
    });
  };
  return (
    <Panel title={t('recordsImport.upload.title')} headingId="records-import-upload">
      <p>{t('recordsImport.upload.columns')}</p>
      <p>{t('recordsImport.upload.aadhaar')}</p>
      <form noValidate onSubmit={submit}>
        <FormMessage error={error?.fieldMessage('file') ? undefined : upload.error} />
        <Field
          label={t('recordsImport.upload.file')}
          hint={t('recordsImport.upload.fileHint')}
          type="file"
          accept={CSV_FILES}
          onChange={(e) => {
            upload.reset();
            setDone(undefined);
            setFile(e.target.files?.[0]);
          }}
          error={error?.fieldMessage('file')}
          errorLang="en"
        />
        <div className="actions">
          <button type="submit" className="button primary" disabled={!file || upload.isPending} aria-busy={upload.isPending || undefined}>
            {t('recordsImport.upload.check')}
          </button>
        </div>
      </form>
      <div aria-live="polite">
        {upload.isPending ? <p className="muted">{t('recordsImport.upload.checking')}</p> : null}
        {done ? (
          <p className="notice info">{t('recordsImport.upload.checked', { count: done.totalRows, good: done.goodRows, bad: done.badRows })}</p>
        ) : null}
      </div>
    </Panel>
  );
}

/** One import: its counts, its first rows as they will be entered, its refused rows, and what may be done now. */
function ImportPanel({ id }: { id: string }) {
  const { t } = useTranslation();
  const found = useImport(id);
  const imp = found.data;
  const notFound = found.error instanceof ApiError && (found.error.status === 404 || found.error.status === 400);
  return (
    <Panel
      title={imp ? t('recordsImport.preview.title', { file: imp.fileName }) : t('recordsImport.preview.titleLoading')}
      headingId="records-import-preview"
      className="records-import-preview"
      loading={found.isPending}
      error={notFound ? undefined : found.error}
    >
      {notFound ? <p className="notice warning">{t('recordsImport.preview.notFound')}</p> : null}
      {imp ? <ImportDetails imp={imp} /> : null}
    </Panel>
  );
}

function ImportDetails({ imp }: { imp: RecordsImport }) {
  const { t } = useTranslation();
  const decision = useImportDecision();
  const [asking, setAsking] = useState<Decision | undefined>();
  const ask = (d: Decision) => {
    decision.reset();
    setAsking(d);
  };
  const decide = () => {
    if (asking) decision.mutate({ id: imp.id, action: asking }, { onSuccess: () => setAsking(undefined) });
  };
  const mayConfirm = imp.allowedActions.includes(CONFIRM);
  const mayDiscard = imp.allowedActions.includes(DISCARD);
  const previewed = imp.status === 'PREVIEWED';

  return (
    <>
      <dl className="facts">
        <dt>{t('recordsImport.preview.state')}</dt>
        <dd>
          <StateTag state={imp.status} />
        </dd>
        <dt>{t('recordsImport.preview.previewedBy')}</dt>
        <dd>{t('recordsImport.byOn', { who: who(imp.previewedBy), when: formatDateTime(imp.previewedAt) })}</dd>
        <dt>{t('recordsImport.preview.rows')}</dt>
        <dd>{t('recordsImport.counts', { count: imp.totalRows, good: imp.goodRows, bad: imp.badRows })}</dd>
        <dt>{t('recordsImport.preview.encoding')}</dt>
        <dd lang="en">{imp.encoding}</dd>
        {imp.ignoredColumns.length > 0 ? (
          <>
            <dt>{t('recordsImport.preview.ignored')}</dt>
            <dd>
              {imp.ignoredColumns.map((c, i) => (
                <span key={c}>
                  {i > 0 ? ', ' : ''}
                  <code>{c}</code>
                </span>
              ))}
            </dd>
          </>
        ) : null}
        {previewed ? (
          <>
            <dt>{t('recordsImport.preview.until')}</dt>
            <dd>{formatDateTime(imp.expiresAt)}</dd>
          </>
        ) : null}
      </dl>

      <StateNotice imp={imp} />

      {previewed && imp.sample && imp.sample.length > 0 ? <Sample rows={imp.sample} total={imp.goodRows} /> : null}
      {imp.errors.length > 0 ? <RowErrors imp={imp} /> : null}

      {mayConfirm || mayDiscard ? (
        <div className="actions">
          {mayConfirm ? (
            <button type="button" className="button primary" onClick={() => ask(CONFIRM)}>
              {t('recordsImport.confirm.start', { count: imp.goodRows })}
            </button>
          ) : null}
          {mayDiscard ? (
            <button type="button" className="button quiet" onClick={() => ask(DISCARD)}>
              {t('recordsImport.discard.start')}
            </button>
          ) : null}
        </div>
      ) : null}

      <ConfirmDialog
        open={asking === CONFIRM}
        title={t('recordsImport.confirm.title', { count: imp.goodRows })}
        confirmLabel={t('recordsImport.confirm.yes')}
        cancelLabel={t('recordsImport.confirm.no')}
        busy={decision.isPending}
        onConfirm={decide}
        onClose={() => setAsking(undefined)}
      >
        <p>{t('recordsImport.confirm.body')}</p>
        <FormMessage error={decision.error} />
      </ConfirmDialog>
      <ConfirmDialog
        open={asking === DISCARD}
        danger
        title={t('recordsImport.discard.title')}
        confirmLabel={t('recordsImport.discard.yes')}
        cancelLabel={t('recordsImport.discard.no')}
        busy={decision.isPending}
        onConfirm={decide}
        onClose={() => setAsking(undefined)}
      >
        <p>{t('recordsImport.discard.body')}</p>
        <FormMessage error={decision.error} />
      </ConfirmDialog>
    </>
  );
}

/** What the state means for the admin: what was entered, or what is left to do. */
function StateNotice({ imp }: { imp: RecordsImport }) {
  const { t } = useTranslation();
  switch (imp.status) {
    case 'PREVIEWED':
      if (imp.goodRows === 0) return <p className="notice warning">{t('recordsImport.notice.noneGood')}</p>;
      if (!imp.allowedActions.includes(CONFIRM)) return <p className="notice info">{t('recordsImport.notice.notYours')}</p>;
      return <p className="notice info">{t('recordsImport.notice.previewed', { until: formatDateTime(imp.expiresAt) })}</p>;
    case 'EXPIRED':
      return <p className="notice warning">{t('recordsImport.notice.expired', { when: formatDateTime(imp.expiresAt) })}</p>;
    case 'APPLIED':
      return (
        <p className="notice info">
          {t('recordsImport.notice.applied', {
            count: imp.appliedRows ?? 0,
            who: imp.decidedBy ? who(imp.decidedBy) : '—',
            when: imp.decidedAt ? formatDateTime(imp.decidedAt) : '—',
          })}
        </p>
      );
    case 'DISCARDED':
      return (
        <p className="notice info">
          {t('recordsImport.notice.discarded', {
            who: imp.decidedBy ? who(imp.decidedBy) : '—',
            when: imp.decidedAt ? formatDateTime(imp.decidedAt) : '—',
          })}
        </p>
      );
  }
}

/** The first accepted rows as the index will keep them, with the key the search matches on. */
function Sample({ rows, total }: { rows: readonly SampleRow[]; total: number }) {
  const { t } = useTranslation();
  const birth = (r: SampleRow) =>
    r.dob
      ? t('recordsImport.sample.dob', { date: formatDateKey(r.dob) })
      : r.age
        ? t('recordsImport.sample.age', { years: r.age.years, date: formatDateKey(r.age.on) })
        : t('recordsImport.sample.noBirth');
  return (
    <section className="import-preview" aria-labelledby="records-import-sample">
      <h3 id="records-import-sample">
        {rows.length >= total ? t('recordsImport.sample.all', { count: rows.length }) : t('recordsImport.sample.title', { count: rows.length, total })}
      </h3>
      <ul className="rows sample-rows">
        {rows.map((r) => (
          <li key={r.row} className="row sample-row">
            <p className="row-title">
              <span className="muted">{t('recordsImport.sample.row', { row: r.row })}</span> {r.name}
              {r.relativeName ? <span className="muted"> · {r.relativeName}</span> : null}
            </p>
            <p className="muted">
              {birth(r)} · {t('recordsImport.sample.fir', { fir: r.firRef, station: r.policeStation })}
              {r.sections ? ` · ${t('recordsImport.sample.sections', { sections: r.sections })}` : ''}
            </p>
            <p className="muted">
              {t('recordsImport.sample.key')} <code lang="en">{r.nameKey}</code>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Each refused row with its column and reason; the API's reasons are English sentences, marked so. */
function RowErrors({ imp }: { imp: RecordsImport }) {
  const { t } = useTranslation();
  return (
    <div className="import-preview">
      <table className="import-rows">
        <caption>{t('recordsImport.errors.title', { count: imp.badRows })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('recordsImport.errors.row')}</th>
            <th scope="col">{t('recordsImport.errors.column')}</th>
            <th scope="col">{t('recordsImport.errors.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {imp.errors.map((e, i) => (
            <tr key={`${e.row}-${e.column}-${i}`}>
              <td>{e.row}</td>
              <td>
                <code>{e.column}</code>
              </td>
              <td lang="en">{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {currentLanguage() === 'en' ? null : <p className="muted">{t('recordsImport.errors.english')}</p>}
      {imp.errors.length >= ERRORS_KEPT ? <p className="muted">{t('recordsImport.errors.firstOnly', { limit: ERRORS_KEPT })}</p> : null}
    </div>
  );
}

/** Every import, newest first: who previewed it and when, its counts, and where it ended. */
function HistoryPanel({ page, selected, onPage }: { page: number; selected?: string; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const history = useImportHistory(page);
  const items = history.data?.items ?? [];
  const pages = Math.ceil((history.data?.total ?? 0) / HISTORY_PAGE_SIZE);
  return (
    <Panel title={t('recordsImport.history.title')} headingId="records-import-history" loading={history.isPending} error={history.error}>
      {items.length === 0 ? <p className="muted">{t('recordsImport.history.none')}</p> : null}
      <ul className="rows">
        {items.map((imp) => (
          <HistoryRow key={imp.id} imp={imp} current={imp.id === selected} />
        ))}
      </ul>
      {pages > 1 ? (
        <nav className="pager" aria-label={t('recordsImport.history.pages')}>
          <button type="button" className="button" disabled={page === 0} onClick={() => onPage(page - 1)}>
            {t('recordsImport.history.newer')}
          </button>
          <span>{t('recordsImport.history.page', { page: page + 1, pages })}</span>
          <button type="button" className="button" disabled={page + 1 >= pages} onClick={() => onPage(page + 1)}>
            {t('recordsImport.history.older')}
          </button>
        </nav>
      ) : null}
    </Panel>
  );
}

function HistoryRow({ imp, current }: { imp: RecordsImportSummary; current: boolean }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const open = new URLSearchParams(params);
  open.set(IMPORT_PARAM, imp.id);
  const decided =
    imp.decidedBy && imp.decidedAt
      ? imp.status === 'APPLIED'
        ? t('recordsImport.history.applied', { count: imp.appliedRows ?? 0, who: who(imp.decidedBy), when: formatDateTime(imp.decidedAt) })
        : t('recordsImport.history.discarded', { who: who(imp.decidedBy), when: formatDateTime(imp.decidedAt) })
      : imp.status === 'EXPIRED'
        ? t('recordsImport.history.expired', { when: formatDateTime(imp.expiresAt) })
        : undefined;
  return (
    <li className="row import-row" aria-labelledby={`import-${imp.id}`}>
      <div>
        <h3 className="row-title" id={`import-${imp.id}`}>
          <Link to={{ search: open.toString() }} aria-current={current || undefined}>
            {imp.fileName}
          </Link>{' '}
          <StateTag state={imp.status} />
        </h3>
        <p className="muted">{t('recordsImport.history.previewed', { who: who(imp.previewedBy), when: formatDateTime(imp.previewedAt) })}</p>
        <p className="muted">{t('recordsImport.counts', { count: imp.totalRows, good: imp.goodRows, bad: imp.badRows })}</p>
        {decided ? <p className="muted">{decided}</p> : null}
      </div>
    </li>
  );
}
