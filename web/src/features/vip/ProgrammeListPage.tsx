import './vip.css';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EofficeSyncState } from '../../components/EofficeSyncState';
import { Panel } from '../../components/Panel';
import { usePageTitle } from '../../components/usePageTitle';
import { hasAnyRole, VIP_DESK } from '../../lib/roles';
import { formatDateKey } from '../../lib/time';
import { useSession } from '../../lib/use-session';
import { useProgrammes } from './api';
import { NEW_DRAFT, useDrafts } from './entry';

/** Screen 5: the programmes this user is concerned with (the API decides), the latest days first. */
export function ProgrammeListPage() {
  const { t } = useTranslation();
  usePageTitle(t('vipDesk.list.title'));
  const state = useSession();
  const desk = state.status === 'signed-in' && hasAnyRole(state.me.roles, VIP_DESK);
  const list = useProgrammes();
  const draft = useDrafts().get(NEW_DRAFT);
  const days = (first: string, last: string) => (first === last ? formatDateKey(first) : t('vipDesk.list.days', { from: formatDateKey(first), to: formatDateKey(last) }));
  return (
    <div className="page vip">
      <div className="vip-page-head">
        <h1>{t('vipDesk.list.title')}</h1>
        {desk ? (
          <Link className="button primary" to="/vip-programmes/new">
            {draft ? t('vipDesk.list.continueDraft') : t('vipDesk.editor.newTitle')}
          </Link>
        ) : null}
      </div>
      <p className="muted">{t(desk ? 'vipDesk.list.introDesk' : 'vipDesk.list.introUnit')}</p>
      <Panel title={t('vipDesk.list.programmes')} headingId="vip-list" loading={list.isPending} error={list.error}>
        {list.data ? <p className="muted">{t('vipDesk.list.count', { count: list.data.length })}</p> : null}
        <ul className="rows vip-rows">
          {(list.data ?? []).map((p) => (
            <li key={p.id} className="row vip-row">
              <Link to={`/vip-programmes/${p.id}`} className="ref">
                {p.ref}
              </Link>
              <span className="vip-status" data-status={p.status}>
                {t(`vipDesk.status.${p.status}`)}
              </span>
              <span>{p.title}</span>
              <span className="muted">{days(p.firstDay, p.lastDay)}</span>
              <span className="muted">{t('vipDesk.list.revision', { n: p.currentRevision })}</span>
              {desk ? <EofficeSyncState status={p.eofficeStatus} /> : null}
            </li>
          ))}
        </ul>
      </Panel>
    </div>
  );
}
