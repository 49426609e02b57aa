import './dak.css';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/errors';
import { NotFoundPage } from '../../components/NotFoundPage';
import { Panel } from '../../components/Panel';
import { usePageTitle } from '../../components/usePageTitle';
import { currentLanguage } from '../../i18n';
import { personName } from '../../lib/people';
import { formatDateTime } from '../../lib/time';
import { useDakFile, useDakFiles } from './dak-api';
import { DakRows } from './DakRows';
import { unitName } from './words';

/** The local files of the user's unit and those below it, newest first. */
export function DakFilesPage() {
  const { t } = useTranslation();
  usePageTitle(t('dak.files.title'));
  const lang = currentLanguage();
  const files = useDakFiles();
  const items = files.data?.items ?? [];
  return (
    <div className="page dak-page">
      <h1>{t('dak.files.title')}</h1>
      <Panel title={t('dak.files.count', { count: files.data?.total ?? 0 })} headingId="dak-files" loading={files.isPending} error={files.error}>
        {items.length === 0 ? <p className="muted">{t('dak.files.empty')}</p> : null}
        <ul className="rows">
          {items.map((f) => (
            <li key={f.id} className="row dak-row" data-ref={f.ref}>
              <Link className="ref" to={`/dak/files/${f.id}`}>
                {f.ref}
              </Link>
              <span className="dak-subject">{f.subjectHead}</span>
              <span />
              <span className="muted">{t('dak.files.line', { unit: unitName(f.unit, lang), who: personName(f.createdBy, lang), when: formatDateTime(f.createdAt) })}</span>
            </li>
          ))}
        </ul>
      </Panel>
    </div>
  );
}

/** One file: its subject head, whose it is, and the receipts in it that this user may see. */
export function DakFilePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const lang = currentLanguage();
  const file = useDakFile(id);
  const f = file.data;
  usePageTitle(f ? t('dak.file.title', { ref: f.ref }) : t('dak.files.title'));
  if (file.error instanceof ApiError && (file.error.status === 404 || file.error.status === 400)) return <NotFoundPage />;
  if (!f) {
    return (
      <div className="page">
        <Panel title={t('dak.files.title')} headingId="dak-file-loading" loading={file.isPending} error={file.error} />
      </div>
    );
  }
  return (
    <div className="page dak-page dak-item">
      <p>
        <Link to="/dak/files">{t('dak.file.back')}</Link>
      </p>
      <h1>{t('dak.file.title', { ref: f.ref })}</h1>
      <Panel title={t('dak.file.facts')} headingId="dak-file-facts">
        <dl className="facts">
          <dt>{t('dak.file.head')}</dt>
          <dd>{f.subjectHead}</dd>
          <dt>{t('dak.file.unit')}</dt>
          <dd>{unitName(f.unit, lang)}</dd>
          <dt>{t('dak.file.opened')}</dt>
          <dd>{t('dak.file.openedLine', { who: personName(f.createdBy, lang), when: formatDateTime(f.createdAt) })}</dd>
        </dl>
      </Panel>
      <Panel title={t('dak.file.receipts', { count: f.receipts.length })} headingId="dak-file-receipts">
        <DakRows items={f.receipts} empty={t('dak.file.empty')} />
      </Panel>
    </div>
  );
}
