import './vip.css';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../api/errors';
import { NotFoundPage } from '../../components/NotFoundPage';
import { Panel } from '../../components/Panel';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime } from '../../lib/time';
import { useAccessLog } from './api';

/** Who saw, checked or downloaded which revision of a programme, and when; and who was refused. For auditors. */
export function AccessLogPage() {
  const { t } = useTranslation();
  usePageTitle(t('vipDesk.accessLog.title'));
  const { id = '' } = useParams();
  const log = useAccessLog(id);
  if (log.error instanceof ApiError && (log.error.status === 404 || log.error.status === 400)) return <NotFoundPage />;
  return (
    <div className="page vip">
      <h1>{t('vipDesk.accessLog.title')}</h1>
      <p className="muted">
        {t('vipDesk.accessLog.intro')} <code className="entity-id">{id}</code>
      </p>
      <Panel title={t('vipDesk.accessLog.entries')} headingId="vip-access-log" loading={log.isPending} error={log.error}>
        {log.data ? <p className="muted">{t('vipDesk.accessLog.count', { count: log.data.length })}</p> : null}
        <ul className="rows vip-access">
          {(log.data ?? []).map((e, i) => (
            <li key={i} className="row vip-access-row" data-action={e.action}>
              <span className="time">{formatDateTime(e.at)}</span>
              <span>{e.username ?? t('vipDesk.accessLog.someone')}</span>
              <span className={e.action === 'vip.refused' ? 'vip-badge bad' : 'vip-badge'}>{t(`vipDesk.accessLog.action.${e.action.replace('vip.', '')}`)}</span>
              <span className="muted">
                {e.revision ? t('vipDesk.accessLog.revision', { n: e.revision }) : ''}
                {e.scope ? ` · ${t(`vipDesk.accessLog.scope.${e.scope === 'unit' ? 'unit' : 'whole'}`)}` : ''}
              </span>
            </li>
          ))}
        </ul>
      </Panel>
    </div>
  );
}
