import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { unsent, useOutbox } from '../offline';

/**
 * Above every signed-in screen while anything of this user's waits on the device: how many,
 * how many the server refused (they need the user), and how far sending has got.
 */
export function OutboxBanner() {
  const { t } = useTranslation();
  const items = useOutbox();
  const waiting = unsent(items);
  if (waiting.length === 0) return null;
  const refused = waiting.filter((i) => i.state === 'refused').length;
  const locked = waiting.filter((i) => i.locked).length;
  const sending = waiting.some((i) => i.state === 'sending' || i.state === 'attaching');
  const sentToday = items.length - waiting.length;
  return (
    <div className={`notice outbox-banner${refused > 0 ? ' refused' : ''}`} role="status" aria-live="polite">
      <span>{t('offline.banner.unsent', { count: waiting.length })}</span>
      {refused > 0 ? <strong> {t('offline.banner.refused', { count: refused })}</strong> : null}
      {locked > 0 ? <span> {t('offline.banner.locked', { count: locked })}</span> : null}
      {sending ? <span> {t('offline.banner.sending', { done: sentToday, total: items.length })}</span> : null}{' '}
      <Link to="/device-outbox">{t('offline.banner.open')}</Link>
    </div>
  );
}
