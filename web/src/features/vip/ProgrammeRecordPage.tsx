import './vip.css';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/errors';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EofficeSyncState } from '../../components/EofficeSyncState';
import { FormMessage } from '../../components/FormMessage';
import { NotFoundPage } from '../../components/NotFoundPage';
import { Panel } from '../../components/Panel';
import { useFile } from '../../lib/use-file';
import { usePageTitle } from '../../components/usePageTitle';
import { currentLanguage } from '../../i18n';
import { personName } from '../../lib/people';
import { hasAnyRole, VIP_ACKNOWLEDGERS, VIP_DESK } from '../../lib/roles';
import { formatDateTime, formatTime } from '../../lib/time';
import { useSession } from '../../lib/use-session';
import { AIR_MODES, programmePdf, useAcknowledge, useMapSettings, useProgramme, useResend, type Leg, type Programme } from './api';
import { ChangeList } from './ChangeList';

const LegsMap = lazy(() => import('./LegsMap'));

/**
 * Screen 5: one programme as this user may see it. The desk sees every leg, the distribution
 * board and every revision; a thana sees its own legs and acknowledges. Anyone the programme
 * does not concern is answered 404 by the API and sees the app's not-found page, as for an
 * address that never existed.
 */
export function ProgrammeRecordPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const asked = Number(search.get('revision')) || undefined;
  const location = useLocation();
  const arrived = (location.state ?? {}) as { issued?: number };
  const record = useProgramme(id, asked);
  const p = record.data;
  usePageTitle(p ? t('vipDesk.record.title', { ref: p.ref }) : t('vipDesk.list.title'));
  if (record.error instanceof ApiError && (record.error.status === 404 || record.error.status === 400)) return <NotFoundPage />;
  if (!p) {
    return (
      <div className="page">
        <Panel title={t('vipDesk.list.title')} headingId="vip-record-loading" loading={record.isPending} error={record.error} />
      </div>
    );
  }
  const r = p.revision;
  return (
    <div className="page vip vip-record">
      <p>
        <Link to="/vip-programmes">{t('vipDesk.record.back')}</Link>
      </p>
      {arrived.issued === r.revisionNo && r.isCurrent ? (
        <div className="notice info" role="status">
          {t('vipDesk.record.issued', { n: r.revisionNo })}
        </div>
      ) : null}
      <Head p={p} />
      <div className="vip-record-grid">
        <div className="vip-record-main">
          <Acknowledge p={p} />
          {r.revisionNo > 1 ? (
            <Panel title={t('vipDesk.record.changes', { n: r.revisionNo - 1 })} headingId="vip-changes">
              <ChangeList changes={r.changes} empty={t('vipDesk.record.noChanges')} />
              {r.reason ? <p>{t('vipDesk.record.reason', { reason: r.reason })}</p> : null}
            </Panel>
          ) : null}
          <Legs p={p} />
          <Board p={p} />
        </div>
        <div className="vip-record-side">
          <MapPanel p={p} />
          <Papers p={p} />
          {p.revisions ? <Revisions p={p} /> : null}
        </div>
      </div>
    </div>
  );
}

function Head({ p }: { p: Programme }) {
  const { t } = useTranslation();
  const hi = currentLanguage() === 'hi';
  const state = useSession();
  const desk = state.status === 'signed-in' && hasAnyRole(state.me.roles, VIP_DESK);
  const r = p.revision;
  const pr = p.protectee;
  return (
    <div className="vip-head">
      <div>
        <h1>{t('vipDesk.record.title', { ref: p.ref })}</h1>
        <p className="vip-title">{p.title}</p>
        <p>
          <span className="vip-status" data-status={p.status}>
            {t(`vipDesk.status.${p.status}`)}
          </span>{' '}
          {r.isCurrent ? t('vipDesk.record.revisionCurrent', { n: r.revisionNo }) : t('vipDesk.record.revisionOld', { n: r.revisionNo, current: p.currentRevision })}
          {' · '}
          {t('vipDesk.record.issuedOn', { when: formatDateTime(r.issuedAt), by: personName(r.issuedBy, hi ? 'hi' : 'en') })}
        </p>
        <p>
          {t('vipDesk.record.protectee', { name: hi ? pr.nameHi : pr.nameEn, designation: hi ? pr.designationHi : pr.designationEn, category: pr.category })}
          {pr.callSign ? ` · ${t('vipDesk.record.callSign', { sign: pr.callSign })}` : ''}
        </p>
        {!r.isCurrent ? (
          <p>
            <Link to={`/vip-programmes/${p.id}`}>{t('vipDesk.record.toCurrent', { n: p.currentRevision })}</Link>
          </p>
        ) : null}
      </div>
      {desk && p.status === 'ISSUED' && r.isCurrent ? (
        <Link className="button primary" to={`/vip-programmes/${p.id}/revise`}>
          {t('vipDesk.record.revise', { n: p.currentRevision + 1 })}
        </Link>
      ) : null}
    </div>
  );
}

function legWhen(l: Leg): string {
  return `${formatDateTime(l.start)}–${formatTime(l.end)}`;
}

function Legs({ p }: { p: Programme }) {
  const { t } = useTranslation();
  const hi = currentLanguage() === 'hi';
  const legs = p.revision.legs;
  return (
    <Panel title={t('vipDesk.record.legs', { count: legs.length })} headingId="vip-legs">
      {p.revision.documentId === null ? <p className="muted">{t('vipDesk.record.ownLegs')}</p> : null}
      <ol className="vip-leg-list">
        {legs.map((l) => (
          <li key={l.key} className="vip-leg-item" data-leg={l.key}>
            <p className="vip-leg-when">{legWhen(l)}</p>
            <p className="vip-leg-route">{[l.from, ...l.route, l.to].map((x) => x.name).join(' → ')}</p>
            <p className="muted">
              {t(`vip.mode.${l.mode}`)}
              {l.registration ? ` ${l.registration}` : ''} · {t(`vip.activity.${l.activity}`)}
              {l.venue ? ` · ${t('vipDesk.record.venue', { venue: l.venue })}` : ''}
            </p>
            {l.remarks ? <p>{l.remarks}</p> : null}
            <p className="muted">{t('vipDesk.record.legUnits', { units: l.units.map((u) => (hi ? u.nameHi : u.nameEn)).join(', ') || '—' })}</p>
          </li>
        ))}
      </ol>
    </Panel>
  );
}

function MapPanel({ p }: { p: Programme }) {
  const { t } = useTranslation();
  const settings = useMapSettings();
  const legs = useMemo(
    () => p.revision.legs.map((l, i) => ({ label: `${i + 1}. ${l.from.name} → ${l.to.name}`, points: [l.from, ...l.route, l.to], air: AIR_MODES.includes(l.mode) })),
    [p.revision.legs],
  );
  return (
    <Panel title={t('vipDesk.record.map')} headingId="vip-map">
      {settings.data ? (
        <Suspense fallback={<div className="map placeholder">{t('vipDesk.map.loading')}</div>}>
          <LegsMap label={t('vipDesk.record.mapLabel', { ref: p.ref })} bounds={settings.data.bounds} tileUrl={settings.data.mapTileUrl} tileAttribution={settings.data.mapTileAttribution} legs={legs} />
        </Suspense>
      ) : (
        <div className="map placeholder">{settings.error ? t('errors.panel') : t('vipDesk.map.loading')}</div>
      )}
    </Panel>
  );
}

/** A thana user acknowledges the current revision for its unit, from here. */
function Acknowledge({ p }: { p: Programme }) {
  const { t } = useTranslation();
  const hi = currentLanguage() === 'hi';
  const state = useSession();
  const ack = useAcknowledge(p);
  const unitUser = state.status === 'signed-in' && hasAnyRole(state.me.roles, VIP_ACKNOWLEDGERS) && !hasAnyRole(state.me.roles, VIP_DESK);
  if (!unitUser) return null;
  const r = p.revision;
  const mine = r.distribution;
  const waiting = mine.filter((d) => !d.acknowledgedAt);
  return (
    <Panel title={t('vipDesk.ack.title')} headingId="vip-ack" className="vip-ack">
      {mine.map((d) => (
        <p key={d.unit.id} className={d.acknowledgedAt ? 'vip-acked' : 'vip-waiting'}>
          {d.acknowledgedAt
            ? t('vipDesk.ack.done', { unit: hi ? d.unit.nameHi : d.unit.nameEn, n: r.revisionNo, when: formatDateTime(d.acknowledgedAt), by: d.acknowledgedBy ? personName(d.acknowledgedBy, hi ? 'hi' : 'en') : '—' })
            : t('vipDesk.ack.pending', { unit: hi ? d.unit.nameHi : d.unit.nameEn, n: r.revisionNo })}
        </p>
      ))}
      <FormMessage error={ack.error} />
      {ack.data?.outcome === 'queued' ? (
        <p className="notice saved-on-device" role="status">
          {t('offline.saved', { no: t('offline.localNo', { n: ack.data.localNo }) })}
        </p>
      ) : null}
      {waiting.length > 0 && r.isCurrent && p.status === 'ISSUED' ? (
        <div className="actions">
          <button type="button" className="button primary" disabled={ack.isPending || ack.data?.outcome === 'queued'} onClick={() => ack.mutate(r.revisionNo)}>
            {t('vipDesk.ack.submit', { n: r.revisionNo })}
          </button>
        </div>
      ) : null}
      {!r.isCurrent ? <p className="muted">{t('vipDesk.ack.superseded', { n: p.currentRevision })}</p> : null}
    </Panel>
  );
}

/** Who received the revision, who acknowledged it and when; the desk re-sends it to those who have not. */
function Board({ p }: { p: Programme }) {
  const { t } = useTranslation();
  const hi = currentLanguage() === 'hi';
  const lang = hi ? 'hi' : 'en';
  const state = useSession();
  const desk = state.status === 'signed-in' && hasAnyRole(state.me.roles, VIP_DESK);
  const resend = useResend(p.id);
  const [asking, setAsking] = useState(false);
  const r = p.revision;
  if (!desk) return null;
  const laggards = r.distribution.filter((d) => !d.acknowledgedAt);
  const unitName = (u: { nameHi: string; nameEn: string }) => (hi ? u.nameHi : u.nameEn);
  return (
    <Panel title={t('vipDesk.board.title', { n: r.revisionNo })} headingId="vip-board">
      <p className="muted">{t('vipDesk.board.summary', { acked: r.distribution.length - laggards.length, total: r.distribution.length })}</p>
      <ul className="rows vip-board">
        {r.distribution.map((d) => (
          <li key={d.unit.id} className="row vip-board-row" data-unit={d.unit.code} data-acknowledged={d.acknowledgedAt ? 'yes' : 'no'}>
            <span className="vip-board-unit">{unitName(d.unit)}</span>
            <span className={`vip-badge ${d.acknowledgedAt ? 'ok' : 'waiting'}`}>{t(d.acknowledgedAt ? 'vipDesk.board.acknowledged' : 'vipDesk.board.notYet')}</span>
            <span className="muted">{t('vipDesk.board.sent', { count: d.sentCount, when: formatDateTime(d.lastSentAt) })}</span>
            <span className="muted">{d.acknowledgedAt ? t('vipDesk.board.ackedBy', { when: formatDateTime(d.acknowledgedAt), by: d.acknowledgedBy ? personName(d.acknowledgedBy, lang) : '—' }) : ''}</span>
          </li>
        ))}
      </ul>
      {resend.isSuccess && !asking ? (
        <p className="notice info" role="status">
          {t('vipDesk.board.resent')}
        </p>
      ) : null}
      {laggards.length > 0 && r.isCurrent && p.status === 'ISSUED' ? (
        <div className="actions">
          <button type="button" className="button" onClick={() => setAsking(true)}>
            {t('vipDesk.board.resend', { count: laggards.length })}
          </button>
        </div>
      ) : null}
      <ConfirmDialog
        open={asking}
        title={t('vipDesk.board.resendTitle', { n: r.revisionNo })}
        confirmLabel={t('vipDesk.board.resendConfirm')}
        cancelLabel={t('vipDesk.board.cancel')}
        busy={resend.isPending}
        onClose={() => setAsking(false)}
        onConfirm={() => resend.mutate(r.revisionNo, { onSuccess: () => setAsking(false) })}
      >
        <p>{t('vipDesk.board.resendBody', { units: laggards.map((d) => unitName(d.unit)).join(', ') })}</p>
        <FormMessage error={resend.error} />
      </ConfirmDialog>
    </Panel>
  );
}

/** The desk's programme PDF or the unit's movement sheet, and the revision's standing in e-Office. */
function Papers({ p }: { p: Programme }) {
  const { t } = useTranslation();
  const file = useFile();
  const r = p.revision;
  const sheet = r.documentId === null;
  const filename = `${p.ref.replace(/\//g, '-')}-R${r.revisionNo}.pdf`;
  return (
    <Panel title={t('vipDesk.papers.title')} headingId="vip-papers">
      <p>{t(sheet ? 'vipDesk.papers.sheet' : 'vipDesk.papers.programme', { n: r.revisionNo })}</p>
      <div className="actions">
        <button type="button" className="button" onClick={() => void file.run(() => programmePdf(p.id, r.revisionNo), { open: true })}>
          {t('vipDesk.papers.open')}
        </button>
        <button type="button" className="button primary" onClick={() => void file.run(() => programmePdf(p.id, r.revisionNo), { save: filename })}>
          {t('vipDesk.papers.download')}
        </button>
      </div>
      <FormMessage error={file.error} />
      {!sheet ? (
        <>
          <h3>{t('vipDesk.papers.eoffice')}</h3>
          <EofficeSyncState status={r.eofficeStatus} eofficeRef={r.eofficeRef} reason={r.eofficeReason} fault={r.eofficeFault} syncedAt={r.eofficeSyncedAt} />
        </>
      ) : null}
    </Panel>
  );
}

function Revisions({ p }: { p: Programme }) {
  const { t } = useTranslation();
  const hi = currentLanguage() === 'hi';
  return (
    <Panel title={t('vipDesk.revisions.title')} headingId="vip-revisions">
      <ol className="rows vip-revisions" reversed>
        {[...(p.revisions ?? [])].reverse().map((rev) => (
          <li key={rev.revisionNo} className="row vip-revision" data-revision={rev.revisionNo}>
            {rev.revisionNo === p.revision.revisionNo ? (
              <strong>{t('vipDesk.revisions.shown', { n: rev.revisionNo })}</strong>
            ) : (
              <Link to={rev.isCurrent ? `/vip-programmes/${p.id}` : `/vip-programmes/${p.id}?revision=${rev.revisionNo}`}>{t('vipDesk.revisions.open', { n: rev.revisionNo })}</Link>
            )}
            <span className="muted">{t('vipDesk.record.issuedOn', { when: formatDateTime(rev.issuedAt), by: personName(rev.issuedBy, hi ? 'hi' : 'en') })}</span>
            <EofficeSyncState status={rev.eofficeStatus} eofficeRef={rev.eofficeRef} reason={rev.eofficeReason} fault={rev.eofficeFault} syncedAt={rev.eofficeSyncedAt} />
          </li>
        ))}
      </ol>
    </Panel>
  );
}
