import './dak.css';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { ApiError } from '../../api/errors';
import { EofficeSyncState } from '../../components/EofficeSyncState';
import { NotFoundPage } from '../../components/NotFoundPage';
import { Panel } from '../../components/Panel';
import { Timeline, type TimelineStage } from '../../components/Timeline';
import { usePageTitle } from '../../components/usePageTitle';
import { currentLanguage } from '../../i18n';
import { personName } from '../../lib/people';
import { DAK_HOLDERS, hasAnyRole } from '../../lib/roles';
import { formatDateKey, formatDateTime } from '../../lib/time';
import { useSession } from '../../lib/use-session';
import { useDakItem, type DakItem } from './dak-api';
import { DakActions } from './DakActions';
import { DakFlags } from './DakRows';
import { DakReplies } from './DakReplies';
import { DakScans } from './DakScans';
import { dueWords, holderName, textLang, unitName } from './words';

/** One item: its facts, scans, e-Office state, the movement history, and what this user may do with it now. */
export function DakItemPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const arrived = (location.state ?? {}) as { diarised?: string; scansFailed?: string[] };
  const session = useSession();
  const holderRole = session.status === 'signed-in' && hasAnyRole(session.me.roles, DAK_HOLDERS);
  const item = useDakItem(id);
  const d = item.data;
  usePageTitle(d ? t('dak.item.title', { ref: d.ref }) : t('dak.register.title'));
  // Need-to-know: an item this user may not read is one that does not exist.
  if (item.error instanceof ApiError && (item.error.status === 404 || item.error.status === 400)) return <NotFoundPage />;
  if (!d) {
    return (
      <div className="page">
        <Panel title={t('dak.register.title')} headingId="dak-loading" loading={item.isPending} error={item.error} />
      </div>
    );
  }
  return (
    <div className="page dak-page dak-item">
      <p>
        <Link to="/dak">{t('dak.item.back')}</Link>
      </p>
      {arrived.diarised === d.ref ? (
        <div className="notice info" role="status">
          {t('dak.item.diarised', { ref: d.ref })}
          {arrived.scansFailed && arrived.scansFailed.length > 0 ? ` ${t('dak.item.scansFailed', { names: arrived.scansFailed.join(', ') })}` : ''}
        </div>
      ) : null}
      <h1>{t('dak.item.title', { ref: d.ref })}</h1>
      <p className="dak-status-line">
        <strong data-status={d.status}>{t(`dak.status.${d.status}`)}</strong> · <span lang={textLang(d.language)}>{d.subject}</span> <DakFlags d={d} />
      </p>
      <div className="dak-grid">
        <div className="dak-main">
          <DakActions d={d} />
          <Facts d={d} />
          <DakReplies d={d} />
          <DakScans d={d} canAdd={holderRole && d.status !== 'CLOSED'} />
        </div>
        <div className="dak-side">
          <Panel title={t('dak.item.eoffice')} headingId="dak-item-eoffice">
            <EofficeSyncState status={d.eofficeStatus} eofficeRef={d.eofficeRef} reason={d.eofficeReason} fault={d.eofficeFault} syncedAt={d.eofficeSyncedAt} />
            {d.grading === 'TOP_SECRET' ? <p className="hint">{t('dak.item.topSecret')}</p> : null}
          </Panel>
          <Movements d={d} />
        </div>
      </div>
    </div>
  );
}

function Facts({ d }: { d: DakItem }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <Panel title={t('dak.item.facts')} headingId="dak-item-facts">
      <dl className="facts">
        <dt>{t('dak.form.subject')}</dt>
        <dd lang={textLang(d.language)}>{d.subject}</dd>
        <dt>{t('dak.item.sender')}</dt>
        <dd>{d.senderOffice ? `${d.senderName}, ${d.senderOffice}` : d.senderName}</dd>
        <dt>{t('dak.item.letter')}</dt>
        <dd>{d.letterNo || d.letterDate ? t('dak.item.letterLine', { no: d.letterNo ?? '—', date: d.letterDate ? formatDateKey(d.letterDate) : '—' }) : '—'}</dd>
        <dt>{t('dak.form.language')}</dt>
        <dd>{t(`dak.language.${d.language}`)}</dd>
        <dt>{t('dak.form.channel')}</dt>
        <dd>{t(`dak.channel.${d.intakeChannel}`)}</dd>
        <dt>{t('dak.form.receivedAt')}</dt>
        <dd>{formatDateTime(d.receivedAt)}</dd>
        <dt>{t('dak.form.grading')}</dt>
        <dd>{t(`dak.grading.${d.grading}`)}</dd>
        <dt>{t('dak.form.priority')}</dt>
        <dd>{t(`dak.priority.${d.priority}`)}</dd>
        <dt>{t('dak.item.diarisedBy')}</dt>
        <dd>{t('dak.item.diarisedLine', { unit: unitName(d.unit, lang), who: d.createdBy ? personName(d.createdBy, lang) : t('dak.item.byMail'), when: formatDateTime(d.createdAt) })}</dd>
        <dt>{t('dak.item.holder')}</dt>
        <dd data-holder>{holderName(d.holderUnit, d.holderUser, lang)}</dd>
        {d.dueAt ? (
          <>
            <dt>{t('dak.item.due')}</dt>
            <dd>
              {dueWords(d.dueAt, t)}
              {d.overdue ? <span className="dak-flag overdue">{t('dak.overdue')}</span> : null}
            </dd>
          </>
        ) : null}
        {d.file ? (
          <>
            <dt>{t('dak.item.file')}</dt>
            <dd>
              <Link to={`/dak/files/${d.file.id}`}>{t('dak.item.fileLine', { ref: d.file.ref, head: d.file.subjectHead })}</Link>
            </dd>
          </>
        ) : null}
        {d.closedReason && d.status === 'CLOSED' ? (
          <>
            <dt>{t('dak.item.closedReason')}</dt>
            <dd>{d.closedReason}</dd>
          </>
        ) : null}
        {d.remarks ? (
          <>
            <dt>{t('dak.form.remarks')}</dt>
            <dd>{d.remarks}</dd>
          </>
        ) : null}
      </dl>
    </Panel>
  );
}

/** The movement history, oldest first, as the API keeps it (append-only). */
function Movements({ d }: { d: DakItem }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const stages: TimelineStage[] = [...d.movements]
    .sort((a, b) => a.seq - b.seq)
    .map((m) => ({
      key: `${m.seq}-${m.action}`,
      at: m.at,
      title: t(`dak.timeline.action.${m.action}`, { to: holderName(m.toUnit, m.toUser, lang) }),
      by: m.actor,
      detail: [
        m.actor ? null : t('dak.timeline.byApp'),
        m.instruction ? t('dak.timeline.instruction', { instruction: m.instruction }) : null,
        m.dueAt ? t('dak.timeline.due', { due: dueWords(m.dueAt, t) }) : null,
        m.note,
      ]
        .filter((x): x is string => !!x)
        .join(' · ') || undefined,
    }));
  return <Timeline title={t('dak.timeline.title')} headingId="dak-item-timeline" stages={stages} />;
}
