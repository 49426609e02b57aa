import { useTranslation } from 'react-i18next';
import { Panel } from '../../components/Panel';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime } from '../../lib/time';
import { useNotifications, type Notification } from './api';

/** The messages the app sent or would have sent (the development SMS sink keeps them), as they read. */
export function NotificationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.notifications.title'));
  const messages = useNotifications();
  const list = messages.data ?? [];
  const kept = list.filter((m) => m.status === 'KEPT_IN_SINK').length;
  return (
    <>
      <h1>{t('admin.notifications.title')}</h1>
      <p>{t('admin.notifications.intro')}</p>
      {kept > 0 ? (
        <p className="notice warning" role="note">
          {t('admin.notifications.sink', { count: kept })}
        </p>
      ) : null}
      <Panel title={t('admin.notifications.listTitle')} headingId="notifications-list" loading={messages.isPending} error={messages.error}>
        {messages.data && list.length === 0 ? <p>{t('admin.notifications.none')}</p> : null}
        <ul className="rows">
          {list.map((m) => (
            <MessageRow key={m.id} message={m} />
          ))}
        </ul>
      </Panel>
    </>
  );
}

function MessageRow({ message: m }: { message: Notification }) {
  const { t } = useTranslation();
  const state = m.status.toLowerCase();
  return (
    <li className="row message-row" aria-labelledby={`message-${m.id}`}>
      <div className="message-head">
        <h3 className="row-title" id={`message-${m.id}`}>
          {t(`admin.notifications.channel.${m.channel}`)} · <span lang="en">{m.recipient}</span>
        </h3>
        <p className="muted">
          {formatDateTime(m.createdAt)} · <code lang="en">{m.template}</code> · {t(`admin.notifications.language.${m.language}`)}
          {m.parts !== null ? ` · ${t('admin.notifications.parts', { count: m.parts })}` : ''}
        </p>
        <p>
          <span className={`state-tag ${state === 'kept_in_sink' ? 'pending_sync' : state === 'sent' ? 'diarised' : state === 'failed' ? 'failed' : 'pending_sync'}`}>
            {t(`admin.notifications.status.${m.status}`)}
          </span>
          {m.sentAt ? <span className="muted"> · {t('admin.notifications.sentAt', { when: formatDateTime(m.sentAt) })}</span> : null}
          {m.attempts > 1 ? <span className="muted"> · {t('admin.notifications.attempts', { count: m.attempts })}</span> : null}
        </p>
        {m.failure ? <p className="outbox-error">{t(`admin.notifications.failure.${m.failure}`)}</p> : null}
        {m.lastError && m.status !== 'SENT' ? (
          <p className="muted">
            {t('admin.notifications.lastError')} <span lang="en">{m.lastError}</span>
          </p>
        ) : null}
      </div>
      <pre className="message-body">{m.body}</pre>
    </li>
  );
}
