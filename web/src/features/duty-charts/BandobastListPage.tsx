import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Panel } from '../../components/Panel';
import { usePageTitle } from '../../components/usePageTitle';
import { DUTY_CHART_PREPARERS, hasAnyRole } from '../../lib/roles';
import { formatDateTime } from '../../lib/time';
import { useSession } from '../../lib/use-session';
import { useBandobasts } from './api';
import { nameOf } from './words';

/** The bandobasts of the user's unit, newest first, each with its charts. */
export function BandobastListPage() {
  const { t } = useTranslation();
  usePageTitle(t('dutyCharts.list.title'));
  const state = useSession();
  const canPrepare =
    state.status === 'signed-in' && hasAnyRole(state.me.roles, DUTY_CHART_PREPARERS);
  const list = useBandobasts();
  const items = list.data?.items ?? [];
  return (
    <>
      <div className="page-head">
        <h1>{t('dutyCharts.list.title')}</h1>
        {canPrepare ? (
          <Link className="button primary" to="/duty-charts/new">
            {t('dutyCharts.editor.title')}
          </Link>
        ) : null}
      </div>
      <p>{t('dutyCharts.list.intro')}</p>
      <Panel
        title={t('dutyCharts.list.events')}
        headingId="bandobast-list"
        loading={list.isPending}
        error={list.error}
      >
        {items.length === 0 ? <p className="muted">{t('dutyCharts.list.none')}</p> : null}
        <ul className="rows">
          {items.map((b) => (
            <li key={b.id} className="row">
              <div>
                <h3 className="row-title">
                  <Link to={`/duty-charts/${b.id}`}>{nameOf(b)}</Link>
                </h3>
                <p className="muted">
                  <code>{b.ref}</code> · {t(`dutyCharts.kind.${b.kind}`)} ·{' '}
                  {t('dutyCharts.list.created', { when: formatDateTime(b.createdAt) })}
                </p>
              </div>
            </li>
          ))}
        </ul>
      </Panel>
    </>
  );
}
