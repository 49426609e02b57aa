import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../lib/time';
import { cachedReads } from '../offline/cached-read';

/** Beside a list shown from the device while the server is away: how old it is. */
export function CachedCopyNote({ name }: { name: string }) {
  const { t } = useTranslation();
  const at = useSyncExternalStore(cachedReads.subscribe, () => cachedReads.servedAt(name));
  if (at === undefined) return null;
  const minutes = Math.max(0, Math.round((Date.now() - at) / 60_000));
  return (
    <p className="notice cached-copy" role="status">
      {t('offline.cachedCopy', { at: formatDateTime(at), age: minutes < 60 ? t('offline.minutes', { count: minutes }) : t('offline.hours', { count: Math.round(minutes / 60) }) })}
    </p>
  );
}
