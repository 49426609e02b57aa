import { useTranslation } from 'react-i18next';
import { EofficeSyncState } from '../../components/EofficeSyncState';
import { FormMessage } from '../../components/FormMessage';
import { Panel } from '../../components/Panel';
import { currentLanguage } from '../../i18n';
import { personName } from '../../lib/people';
import { formatDateTime } from '../../lib/time';
import { useFile } from '../../lib/use-file';
import { dakReplyBlob, type DakItem, type DakReply } from './dak-api';

/** The outward letters answering the item: each opened or saved, its verify link, and where it stands with e-Office. */
export function DakReplies({ d }: { d: DakItem }) {
  const { t } = useTranslation();
  if (d.replies.length === 0) return null;
  return (
    <Panel title={t('dak.replies.title')} headingId="dak-item-replies">
      <ul className="dak-scans">
        {d.replies.map((r) => (
          <Reply key={r.id} d={d} r={r} />
        ))}
      </ul>
    </Panel>
  );
}

function Reply({ d, r }: { d: DakItem; r: DakReply }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const file = useFile();
  const name = `${r.ref.replace(/\//g, '-')}.pdf`;
  return (
    <li className="dak-scan" data-reply={r.ref}>
      <span className="dak-scan-name">{t('dak.replies.line', { ref: r.ref, recipient: r.recipient })}</span>
      <span>{r.subject}</span>
      <span className="muted">{t('dak.replies.by', { who: personName(r.createdBy, lang), when: formatDateTime(r.createdAt) })}</span>
      <EofficeSyncState status={r.eofficeStatus} eofficeRef={r.eofficeRef} reason={r.eofficeReason} fault={r.eofficeFault} syncedAt={r.eofficeSyncedAt} />
      <span className="dak-scan-actions">
        <button type="button" className="button quiet" onClick={() => void file.run(() => dakReplyBlob(d.id, r.id), { open: true })}>
          {t('dak.replies.open', { ref: r.ref })}
        </button>
        <button type="button" className="button quiet" onClick={() => void file.run(() => dakReplyBlob(d.id, r.id), { save: name })}>
          {t('dak.replies.download', { ref: r.ref })}
        </button>
        <a className="button quiet" href={r.verifyUrl}>
          {t('dak.replies.verify')}
        </a>
      </span>
      <FormMessage error={file.error} />
    </li>
  );
}
