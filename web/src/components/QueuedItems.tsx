import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../lib/time';
import { queuedKind, useOutbox } from '../offline';
import { localNumber, stateText } from './queued-words';

/**
 * On a list screen (protests, dak register): this kind's items saved on this device and not
 * yet sent, above the server's records, each with its local number, why it waits, and a way to
 * open it; sent ones with the reference the server gave them, for the day.
 */
export function QueuedItems({ kind }: { kind: string }) {
  const { t } = useTranslation();
  const items = useOutbox().filter((i) => i.kind === kind && !i.locked);
  if (items.length === 0) return null;
  const def = queuedKind(kind);
  return (
    <section className="panel queued-items" aria-labelledby={`queued-${kind}`}>
      <h2 id={`queued-${kind}`}>{t('offline.queuedHere')}</h2>
      <ul className="queued-list">
        {items.map((i) => (
          <li key={i.localNo} className={`queued-item state-${i.state}`} data-local-no={i.localNo}>
            <span className="queued-no">{localNumber(t, i)}</span> <span className="queued-summary">{i.summary}</span>{' '}
            <span className="queued-state">{stateText(t, i)}</span> <span className="muted">{t('offline.savedAt', { at: formatDateTime(i.savedAt) })}</span>{' '}
            {i.state === 'sent' && i.result && def ? (
              <Link to={def.recordPath(i.result)}>{i.result.ref}</Link>
            ) : i.editTo ? (
              <Link to={i.editTo}>{t('offline.action.edit', { no: localNumber(t, i) })}</Link>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
