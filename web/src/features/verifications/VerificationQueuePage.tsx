import './verifications.css';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Panel } from '../../components/Panel';
import { QueuedItems } from '../../components/QueuedItems';
import { usePageTitle } from '../../components/usePageTitle';
import { currentLanguage } from '../../i18n';
import { personName } from '../../lib/people';
import { hasAnyRole, VERIFICATION_INTAKE } from '../../lib/roles';
import { formatDateKey } from '../../lib/time';
import { useSession } from '../../lib/use-session';
import { QUEUED_VERIFICATION } from './queued';
import { useMyQueue, useSlaBoard, useVerificationList, type AppealAtRisk, type VerificationSummary } from './verification-api';

/** aria-current of the view shown. */
const CURRENT = 'page' as const;

type View = 'mine' | 'thana' | 'board' | 'appeals';

/** Days left against the Lok Seva limit, flagged near breach or breached. */
export function DaysLeft({ daysLeft, sla }: { daysLeft: number; sla: VerificationSummary['sla'] }) {
  const { t } = useTranslation();
  if (sla === null) return null;
  const words = daysLeft < 0 ? t('verification.daysLeft.over', { count: -daysLeft }) : t('verification.daysLeft.left', { count: daysLeft });
  return <span className={`days-left sla-${sla.toLowerCase()}`}>{sla === 'ON_TIME' ? words : `${t(`verification.sla.${sla}`)} · ${words}`}</span>;
}

function Rows({ items, empty }: { items: readonly VerificationSummary[]; empty: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="rows">
      {items.map((v) => (
        <li key={v.id} className="row verif-row" data-ref={v.ref}>
          <Link className="ref" to={`/verifications/${v.id}`}>
            {v.ref}
          </Link>
          <span>
            {lang === 'hi' ? v.nameHi : v.nameEn} · {t(`verification.purpose.${v.purpose}`)}
          </span>
          <DaysLeft daysLeft={v.daysLeft} sla={v.sla} />
          <span className="muted">
            {t('verification.queue.line', {
              status: t(`verification.status.${v.status}`),
              thana: lang === 'hi' ? v.thana.nameHi : v.thana.nameEn,
              who: v.assignedTo ? personName(v.assignedTo, lang) : t('verification.queue.unassigned'),
              due: formatDateKey(v.dueOn),
            })}
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * The verification queue: a verifier's own (fewest days left first), the applications of the
 * user's thanas, and the Lok Seva board (near breach and breached, per thana).
 */
export function VerificationQueuePage() {
  const { t } = useTranslation();
  usePageTitle(t('verification.queue.title'));
  const session = useSession();
  const roles = session.status === 'signed-in' ? session.me.roles : [];
  const verifier = hasAnyRole(roles, VERIFICATION_INTAKE);
  const [params] = useSearchParams();
  const asked = params.get('view') as View | null;
  const view: View = asked === 'thana' || asked === 'board' || asked === 'appeals' || (asked === 'mine' && verifier) ? asked : verifier ? 'mine' : 'thana';
  const views: View[] = verifier ? ['mine', 'thana', 'board', 'appeals'] : ['thana', 'board', 'appeals'];
  return (
    <div className="page">
      <div className="verif-head">
        <h1>{t('verification.queue.title')}</h1>
        {verifier ? (
          <Link className="button primary" to="/verifications/new">
            {t('verification.intake.title')}
          </Link>
        ) : null}
      </div>
      <QueuedItems kind={QUEUED_VERIFICATION} />
      <nav aria-label={t('verification.queue.views')}>
        <ul className="verif-views">
          {views.map((v) => (
            <li key={v}>
              <Link to={`/verifications?view=${v}`} aria-current={v === view ? CURRENT : undefined}>
                {t(`verification.queue.view.${v}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {view === 'mine' ? <Mine /> : view === 'thana' ? <Thanas /> : view === 'board' ? <Board /> : <AppealsDesk />}
    </div>
  );
}

function Mine() {
  const { t } = useTranslation();
  const q = useMyQueue(true);
  return (
    <Panel title={t('verification.queue.view.mine')} headingId="verif-mine" loading={q.isPending} error={q.error}>
      <Rows items={q.data?.items ?? []} empty={t('verification.queue.emptyMine')} />
    </Panel>
  );
}

function Thanas() {
  const { t } = useTranslation();
  const q = useVerificationList({ limit: 100 });
  return (
    <Panel title={t('verification.queue.view.thana')} headingId="verif-thana" loading={q.isPending} error={q.error}>
      <Rows items={q.data?.items ?? []} empty={t('verification.queue.empty')} />
    </Panel>
  );
}

function Board() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const q = useSlaBoard();
  return (
    <Panel title={t('verification.board.title')} headingId="verif-board" loading={q.isPending} error={q.error}>
      <p className="hint">{t('verification.board.hint')}</p>
      {q.data && q.data.thanas.length === 0 ? <p className="muted">{t('verification.board.empty')}</p> : null}
      {(q.data?.thanas ?? []).map((th) => (
        <section key={th.thana.id} aria-labelledby={`board-${th.thana.id}`}>
          <h3 id={`board-${th.thana.id}`}>{lang === 'hi' ? th.thana.nameHi : th.thana.nameEn}</h3>
          <h4>{t('verification.board.breached', { count: th.breached.length })}</h4>
          <Rows items={th.breached} empty={t('verification.board.none')} />
          <h4>{t('verification.board.nearBreach', { count: th.nearBreach.length })}</h4>
          <Rows items={th.nearBreach} empty={t('verification.board.none')} />
          {th.appealsBreached.length > 0 || th.appealsNearBreach.length > 0 ? (
            <>
              <h4>{t('verification.board.appeals', { count: th.appealsBreached.length + th.appealsNearBreach.length })}</h4>
              <AppealRows items={[...th.appealsBreached, ...th.appealsNearBreach]} />
            </>
          ) : null}
        </section>
      ))}
    </Panel>
  );
}

function AppealRows({ items }: { items: readonly AppealAtRisk[] }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  if (items.length === 0) return <p className="muted">{t('verification.board.none')}</p>;
  return (
    <ul className="rows">
      {items.map((a) => (
        <li key={a.id} className="row verif-row" data-ref={a.ref}>
          <Link className="ref" to={`/verifications/${a.applicationId}`}>
            {a.ref}
          </Link>
          <span>
            {t(`verification.appeals.level.${a.level}`)} · {lang === 'hi' ? a.thana.nameHi : a.thana.nameEn}
          </span>
          <DaysLeft daysLeft={a.daysLeft} sla={a.sla} />
        </li>
      ))}
    </ul>
  );
}

/** The appeals desk: applications in first or second appeal, and the appeals near or past their own limit. */
function AppealsDesk() {
  const { t } = useTranslation();
  const first = useVerificationList({ status: 'IN_FIRST_APPEAL', limit: 100 });
  const second = useVerificationList({ status: 'IN_SECOND_APPEAL', limit: 100 });
  return (
    <>
      <Panel title={t('verification.appeals.inFirst')} headingId="verif-appeals-first" loading={first.isPending} error={first.error}>
        <Rows items={first.data?.items ?? []} empty={t('verification.board.none')} />
      </Panel>
      <Panel title={t('verification.appeals.inSecond')} headingId="verif-appeals-second" loading={second.isPending} error={second.error}>
        <Rows items={second.data?.items ?? []} empty={t('verification.board.none')} />
      </Panel>
    </>
  );
}
