import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { appUpdate } from '../offline/service-worker';

/** A newer version of the app is ready: reload when it suits (nothing reloads by itself mid-form). */
export function UpdateNotice() {
  const { t } = useTranslation();
  const waiting = useSyncExternalStore(appUpdate.subscribe, appUpdate.isWaiting);
  if (!waiting) return null;
  return (
    <div className="notice" role="status">
      {t('offline.update.ready')}{' '}
      <button type="button" className="button quiet" onClick={appUpdate.apply}>
        {t('offline.update.reload')}
      </button>
    </div>
  );
}
