import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../lib/time';
import type { DakSummary } from './dak-api';
import { dueWords, holderName, textLang } from './words';

/** An item's grading, priority and lateness as words on a coloured ground (the words carry it). */
export function DakFlags({ d }: { d: DakSummary }) {
  const { t } = useTranslation();
  return (
    <span className="dak-flags">
      {d.overdue ? <span className="dak-flag overdue">{t('dak.overdue')}</span> : null}
      {d.priority !== 'NORMAL' ? <span className={`dak-flag priority-${d.priority.toLowerCase()}`}>{t(`dak.priority.${d.priority}`)}</span> : null}
      {d.grading !== 'NORMAL' ? <span className="dak-flag graded">{t(`dak.grading.${d.grading}`)}</span> : null}
    </span>
  );
}

/** A list of items: the number, subject and sender, where it stands and with whom. */
export function DakRows({ items, empty }: { items: readonly DakSummary[]; empty: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="rows">
      {items.map((d) => (
        <li key={d.id} className="row dak-row" data-ref={d.ref}>
          <Link className="ref" to={`/dak/${d.id}`}>
            {d.ref}
          </Link>
          <span className="dak-subject" lang={textLang(d.language)}>
            {d.subject}
          </span>
          <DakFlags d={d} />
          <span className="muted">
            {t('dak.row.line', {
              sender: d.senderOffice ? `${d.senderName}, ${d.senderOffice}` : d.senderName,
              status: t(`dak.status.${d.status}`),
              holder: holderName(d.holderUnit, d.holderUser, lang),
              received: formatDateTime(d.receivedAt),
            })}
            {d.dueAt && (d.status === 'MARKED' || d.status === 'RECEIVED') ? ` · ${t('dak.row.due', { due: dueWords(d.dueAt, t) })}` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}
