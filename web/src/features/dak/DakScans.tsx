import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { Panel } from '../../components/Panel';
import { currentLanguage } from '../../i18n';
import { personName } from '../../lib/people';
import { formatDateTime } from '../../lib/time';
import { useFile } from '../../lib/use-file';
import { dakScanBlob, SCAN_TYPES, uploadDakScan, useSetDakItem, type DakItem, type DakScan } from './dak-api';
import { ScanPreview } from './ScanPreview';

const KB = 1024;

/** The item's scans: each seen (an image drawn here, a PDF in the browser's viewer) or saved; more added while it is open. */
export function DakScans({ d, canAdd }: { d: DakItem; canAdd: boolean }) {
  const { t } = useTranslation();
  const setItem = useSetDakItem();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const apiError = error instanceof ApiError ? error : undefined;
  return (
    <Panel title={t('dak.scans.title')} headingId="dak-item-scans">
      {d.scans.length === 0 ? <p className="muted">{t('dak.scans.none')}</p> : null}
      <ul className="dak-scans">
        {d.scans.map((s) => (
          <Scan key={s.id} d={d} s={s} />
        ))}
      </ul>
      {canAdd ? (
        <>
          <FormMessage error={error} explain={(e) => (Object.keys(e.fields).length > 0 ? t('dak.form.refused') : undefined)} />
          <Field
            label={t('dak.scans.add')}
            hint={t('dak.scans.hint')}
            type="file"
            accept={SCAN_TYPES}
            disabled={busy}
            error={apiError?.fieldMessage('file')}
            errorLang="en"
            onChange={(e) => {
              const chosen = e.target.files?.[0];
              e.target.value = '';
              if (!chosen) return;
              setBusy(true);
              setError(null);
              uploadDakScan(d.id, chosen)
                .then(setItem, setError)
                .finally(() => setBusy(false));
            }}
          />
        </>
      ) : null}
    </Panel>
  );
}

function Scan({ d, s }: { d: DakItem; s: DakScan }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const file = useFile();
  const [shown, setShown] = useState<Blob | null>(null);
  const [error, setError] = useState<unknown>(null);
  const image = s.contentType !== 'application/pdf';
  return (
    <li className="dak-scan" data-scan={s.filename}>
      <span className="dak-scan-name">{s.filename}</span>
      <span className="muted">
        {t('dak.scans.line', { size: Math.max(1, Math.round(s.sizeBytes / KB)), when: formatDateTime(s.createdAt), who: s.uploadedBy ? personName(s.uploadedBy, lang) : t('dak.scans.fromMail') })}
      </span>
      <span className="dak-scan-actions">
        {image ? (
          <button
            type="button"
            className="button quiet"
            aria-expanded={shown !== null}
            onClick={() => {
              if (shown) return setShown(null);
              setError(null);
              dakScanBlob(d.id, s.id).then(setShown, setError);
            }}
          >
            {shown ? t('dak.scans.hide', { name: s.filename }) : t('dak.scans.show', { name: s.filename })}
          </button>
        ) : (
          <button type="button" className="button quiet" onClick={() => void file.run(() => dakScanBlob(d.id, s.id), { open: true })}>
            {t('dak.scans.open', { name: s.filename })}
          </button>
        )}
        <button type="button" className="button quiet" onClick={() => void file.run(() => dakScanBlob(d.id, s.id), { save: s.filename })}>
          {t('dak.scans.download', { name: s.filename })}
        </button>
      </span>
      {shown ? <ScanPreview blob={shown} name={s.filename} /> : null}
      <FormMessage error={error ?? file.error} />
    </li>
  );
}
