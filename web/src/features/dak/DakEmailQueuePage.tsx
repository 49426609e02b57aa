import './dak.css';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Panel } from '../../components/Panel';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime } from '../../lib/time';
import { useDakList, type DakSummary } from './dak-api';
import { Confirm } from './DakActions';
import { textLang } from './words';

const CONFIRM = 'confirm' as const;

/** The e-mail intake queue: items the mailbox diarised, each waiting for the dak clerk to confirm its grading and mark it. */
export function DakEmailQueuePage() {
  const { t } = useTranslation();
  usePageTitle(t('dak.email.title'));
  const list = useDakList({ status: 'AWAITING_CONFIRMATION', limit: 100, offset: 0 });
  const items = list.data?.items ?? [];
  return (
    <div className="page dak-page">
      <h1>{t('dak.email.title')}</h1>
      <p className="hint">{t('dak.email.hint')}</p>
      <Panel title={t('dak.email.count', { count: list.data?.total ?? 0 })} headingId="dak-email" loading={list.isPending} error={list.error}>
        {items.length === 0 ? <p className="muted">{t('dak.email.empty')}</p> : null}
        <ul className="rows">
          {items.map((d) => (
            <Waiting key={d.id} d={d} />
          ))}
        </ul>
      </Panel>
    </div>
  );
}

function Waiting({ d }: { d: DakSummary }) {
  const { t } = useTranslation();
  const confirmable = d.allowedActions.includes(CONFIRM);
  return (
    <li className="row dak-mail" data-ref={d.ref}>
      <p>
        <Link className="ref" to={`/dak/${d.id}`}>
          {d.ref}
        </Link>{' '}
        · <span lang={textLang(d.language)}>{d.subject}</span>
      </p>
      <p className="muted">{t('dak.email.line', { sender: d.senderOffice ? `${d.senderName}, ${d.senderOffice}` : d.senderName, when: formatDateTime(d.receivedAt) })}</p>
      {confirmable ? <Confirm d={d} /> : null}
    </li>
  );
}
