import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QUEUED_FILES_MAX_BYTES } from '../offline';
import type { QueuedSave } from '../offline/use-queued-save';

/** Above an intake form: the item being edited, the one just kept on the device, or attachments too large to keep. */
export function QueuedSaveNotice({ save }: { save: QueuedSave<unknown, unknown> }) {
  const { t } = useTranslation();
  return (
    <>
      {save.editing !== undefined ? (
        <p className="notice" role="status">
          {t('offline.editing', { no: t('offline.localNo', { n: save.editing }) })}
        </p>
      ) : null}
      {save.savedAs !== undefined ? (
        <p className="notice saved-on-device" role="status">
          {t('offline.saved', { no: t('offline.localNo', { n: save.savedAs }) })} <Link to="/device-outbox">{t('offline.banner.open')}</Link>
        </p>
      ) : null}
      {save.tooLarge ? (
        <p className="notice error" role="alert">
          {t('offline.tooLarge', { mb: Math.round(QUEUED_FILES_MAX_BYTES / (1024 * 1024)) })}
        </p>
      ) : null}
    </>
  );
}
