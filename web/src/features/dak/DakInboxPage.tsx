import './dak.css';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../components/Panel';
import { usePageTitle } from '../../components/usePageTitle';
import { useDakInbox } from './dak-api';
import { DakRows } from './DakRows';

/** A holder's inbox: what waits on them or their unit, most urgent then oldest first (the API's order), overdue flagged. */
export function DakInboxPage() {
  const { t } = useTranslation();
  usePageTitle(t('dak.inbox.title'));
  const inbox = useDakInbox();
  const items = inbox.data?.items ?? [];
  const overdue = items.filter((d) => d.overdue).length;
  return (
    <div className="page dak-page">
      <h1>{t('dak.inbox.title')}</h1>
      <p className="hint">{t('dak.inbox.hint')}</p>
      <Panel title={t('dak.inbox.count', { count: inbox.data?.total ?? 0 })} headingId="dak-inbox" loading={inbox.isPending} error={inbox.error}>
        {overdue > 0 ? (
          <p className="notice warning" role="status">
            {t('dak.inbox.overdue', { count: overdue })}
          </p>
        ) : null}
        <DakRows items={items} empty={t('dak.inbox.empty')} />
      </Panel>
    </div>
  );
}
