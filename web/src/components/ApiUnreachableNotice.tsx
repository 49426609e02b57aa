import { useTranslation } from 'react-i18next';
import { useApiReachable } from '../lib/use-session';

/**
 * Our own server cannot be reached: say so, and what happens to work saved meanwhile (it stays
 * on this device and is sent when the server answers). `offline`: the page itself was opened
 * without the server, from this device's copy of the app.
 */
export function ApiUnreachableNotice({ offline = false }: { offline?: boolean }) {
  const { t } = useTranslation();
  const reachable = useApiReachable();
  if (reachable && !offline) return null;
  return (
    <div className="notice offline" role="alert">
      {t(offline ? 'offline.workingOffline' : 'offline.notice')}
    </div>
  );
}
