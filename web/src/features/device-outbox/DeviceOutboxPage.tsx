import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDateTime } from '../../lib/time';
import { outbox, queuedKind, QUEUED_FILES_MAX_BYTES, unsent, useOutboxState, type OutboxEntry } from '../../offline';
import { kindLabel, localNumber, stateText } from '../../components/queued-words';

const MB = Math.round(QUEUED_FILES_MAX_BYTES / (1024 * 1024));

/**
 * Everything this user saved on this device: what waits and why, what the server refused (with
 * its field errors, to fix in the item's own form), and what was sent with its reference.
 * Says plainly what stays on the device.
 */
export function DeviceOutboxPage() {
  const { t } = useTranslation();
  usePageTitle(t('offline.page.title'));
  const { items, loaded } = useOutboxState();
  const [discarding, setDiscarding] = useState<OutboxEntry | null>(null);
  const waiting = unsent(items);
  return (
    <div className="page device-outbox">
      <h1>{t('offline.page.title')}</h1>
      <p>{t('offline.page.intro', { mb: MB })}</p>
      {waiting.length > 0 ? (
        <p>
          <button type="button" className="button" onClick={() => outbox.retryNow()}>
            {t('offline.action.retry')}
          </button>
        </p>
      ) : null}
      {!loaded ? null : items.length === 0 ? (
        <p className="muted">{t('offline.page.empty')}</p>
      ) : (
        <ol className="device-outbox-list">
          {items.map((i) => {
            const kind = queuedKind(i.kind);
            const fields = Object.entries(i.problem?.fields ?? {});
            return (
              <li key={i.localNo} className={`panel queued-item state-${i.state}`} data-local-no={i.localNo}>
                <h2>
                  {localNumber(t, i)} · {kindLabel(t, i)}
                </h2>
                {i.summary ? <p className="queued-summary">{i.summary}</p> : null}
                <p className="queued-state">{stateText(t, i)}</p>
                <p className="muted">{t('offline.savedAt', { at: formatDateTime(i.savedAt) })}</p>
                {i.state === 'refused' && i.problem ? (
                  <div className="field-errors" role="alert">
                    {i.problem.message && fields.length === 0 ? <p lang="en">{i.problem.message}</p> : null}
                    {fields.length > 0 ? (
                      <ul>
                        {fields.map(([field, message]) => (
                          <li key={field} lang="en">
                            {message}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </div>
                ) : null}
                {i.problem?.reason === 'attachment-refused' ? <p lang="en">{t('offline.reason.attachment-refused', { names: (i.problem.files ?? []).join(', ') })}</p> : null}
                <div className="actions">
                  {i.state === 'sent' && i.result && kind ? <Link to={kind.recordPath(i.result)}>{t('offline.action.open', { ref: i.result.ref })}</Link> : null}
                  {i.editTo ? <Link to={i.editTo}>{t('offline.action.edit', { no: localNumber(t, i) })}</Link> : null}
                  {i.editable || i.locked || i.state === 'sent' ? (
                    <button type="button" className="button quiet" onClick={() => setDiscarding(i)}>
                      {i.state === 'sent' ? t('offline.action.forget', { no: localNumber(t, i) }) : t('offline.action.discard', { no: localNumber(t, i) })}
                    </button>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <ConfirmDialog
        open={discarding !== null}
        title={discarding ? t(discarding.state === 'sent' ? 'offline.forgetTitle' : 'offline.discardTitle', { no: localNumber(t, discarding) }) : ''}
        confirmLabel={discarding?.state === 'sent' ? t('offline.action.forgetConfirm') : t('offline.action.discardConfirm')}
        cancelLabel={t('offline.action.keep')}
        danger={discarding?.state !== 'sent'}
        onConfirm={() => {
          if (discarding) void outbox.discard(discarding.localNo);
          setDiscarding(null);
        }}
        onClose={() => setDiscarding(null)}
      >
        <p>{discarding?.state === 'sent' ? t('offline.forgetBody') : t('offline.discardBody')}</p>
      </ConfirmDialog>
    </div>
  );
}
