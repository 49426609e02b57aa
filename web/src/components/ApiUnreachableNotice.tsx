import { useTranslation } from 'react-i18next';
import { useApiReachable } from '../lib/use-session';

/** Our own server cannot be reached: say so, and that what is typed on screen is kept. */
export function ApiUnreachableNotice() {
  const { t } = useTranslation();
  const reachable = useApiReachable();
  if (reachable) return null;
  return (
    <div className="notice offline" role="alert">
      {t('offline.notice')}
    </div>
  );
}
