import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../components/Panel';
import { useSystemStatus, useWaitingFor } from '../../components/ModeBanner';
import { usePageTitle } from '../../components/usePageTitle';
import { currentLanguage } from '../../i18n';
import { hasAnyRole, NOTIFICATION_WATCHERS, PROTEST_READERS, VIP_READERS } from '../../lib/roles';
import { formatDate, formatDateKey, formatDateTime, formatTime, istDateKey } from '../../lib/time';
import { useSession } from '../../lib/use-session';
import { twoDays, useBoard, useMapBase, useSlaFlags, useUnsentMessages, useVipMovements, type BoardEvent, type VipMovement } from './api';
import type { MapFeature } from './DashboardMap';

/**
 * The map's code (Leaflet) stays out of the first load. A page opened on the dashboard itself
 * starts fetching it at once, beside the session and the dashboard's data, instead of after them.
 */
const loadMap = () => import('./DashboardMap');
const mapOnOpen = window.location.pathname === '/dashboard' ? loadMap() : undefined;
const DashboardMap = lazy(() => mapOnOpen ?? loadMap());

/** A day's line in the list: an approved event or a VIP leg. */
type DayItem =
  | { kind: 'protest'; key: string; startsAt: string; endsAt: string; event: BoardEvent }
  | { kind: 'vip'; key: string; startsAt: string; endsAt: string; movement: VipMovement };

/** The control room's dashboard: e-Office's state, today's and tomorrow's events and VIP movements, what is late, what has not gone out. */
export function DashboardPage() {
  const { t } = useTranslation();
  usePageTitle(t('dashboard.title'));
  const state = useSession();
  const roles = state.status === 'signed-in' ? state.me.roles : [];
  const hi = currentLanguage() === 'hi';

  const board = useBoard(roles);
  const vip = useVipMovements(roles);
  const sla = useSlaFlags(roles);
  const unsent = useUnsentMessages(roles);
  const base = useMapBase(roles);
  const seesProtests = hasAnyRole(roles, PROTEST_READERS);
  const seesVip = hasAnyRole(roles, VIP_READERS);

  const days = useMemo(() => {
    const { today, tomorrow } = twoDays();
    const keys = board.data?.days.map((d) => d.date) ?? [today, tomorrow];
    return keys.map((date) => {
      const dayStart = new Date(`${date}T00:00:00+05:30`).getTime();
      const dayEnd = dayStart + 24 * 3600 * 1000;
      const overlaps = (s: string, e: string) => new Date(s).getTime() < dayEnd && new Date(e).getTime() > dayStart;
      const items: DayItem[] = [
        ...(board.data?.days.find((d) => d.date === date)?.events ?? []).map(
          (event): DayItem => ({ kind: 'protest', key: `p-${event.id}`, startsAt: event.startsAt, endsAt: event.endsAt, event }),
        ),
        ...(vip.data ?? [])
          .filter((m) => overlaps(m.leg.start, m.leg.end))
          .map((movement): DayItem => ({ kind: 'vip', key: `v-${movement.programmeId}-${movement.leg.key}`, startsAt: movement.leg.start, endsAt: movement.leg.end, movement })),
      ].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
      return { date, items };
    });
  }, [board.data, vip.data]);

  const features = useMemo((): MapFeature[] => {
    const out: MapFeature[] = [];
    for (const u of base.units.data ?? []) {
      if (u.kind === 'THANA' && u.isActive && u.lat !== null && u.lng !== null) out.push({ kind: 'thana', label: hi ? u.nameHi : u.nameEn, points: [[u.lat, u.lng]] });
    }
    const { from, to } = twoDays();
    for (const r of base.restrictions.data ?? []) {
      if (!r.isActive || new Date(r.startsAt) >= to || new Date(r.endsAt) <= from) continue;
      const label = t('dashboard.map.restriction', { ref: r.orderRef });
      if (r.centreLat !== null && r.centreLng !== null && r.radiusMetres !== null) {
        out.push({ kind: 'restriction', label, points: [[r.centreLat, r.centreLng]], radiusMetres: r.radiusMetres });
      } else if (r.polygon) {
        out.push({ kind: 'restriction', label, points: r.polygon.map((p) => [p.lat, p.lng]) });
      }
    }
    for (const day of days) {
      for (const item of day.items) {
        if (item.kind === 'protest') {
          const e = item.event;
          const points: Array<[number, number]> = e.location.route?.length
            ? e.location.route.map((p) => [p.lat, p.lng])
            : e.location.venue
              ? [[e.location.venue.lat, e.location.venue.lng]]
              : [];
          out.push({ kind: 'protest', label: `${e.ref} · ${formatTime(e.startsAt)} · ${e.place}`, points });
        } else {
          const { leg, ref } = item.movement;
          const points: Array<[number, number]> = leg.route.length > 1 ? leg.route.map((p) => [p.lat, p.lng]) : [[leg.from.lat, leg.from.lng], [leg.to.lat, leg.to.lng]];
          out.push({ kind: 'vip', label: `${ref} · ${formatTime(leg.start)} · ${leg.from.name} → ${leg.to.name}`, points });
        }
      }
    }
    return out;
  }, [base.units.data, base.restrictions.data, days, hi, t]);

  const mapReady = base.settings.data && !base.units.isPending;

  return (
    <div className="page dashboard">
      <h1>{t('dashboard.title')}</h1>
      <div className="dashboard-figures">
        <EofficePanel />
        {seesProtests ? (
          <Panel title={t('dashboard.sla.title')} headingId="dash-sla" loading={sla.isPending} error={sla.error}>
            {sla.data && sla.data.items.length === 0 ? <p className="muted">{t('dashboard.sla.none')}</p> : null}
            <p className="figure">
              {sla.data ? t('dashboard.sla.count', { count: sla.data.total }) : null}
            </p>
            <ul className="rows compact">
              {(sla.data?.items ?? []).slice(0, 8).map((p) => (
                <li key={p.id} className="row flagged">
                  <span className="ref">{p.ref}</span>
                  <span>{t('dashboard.sla.starts', { date: formatDate(p.startsAt), time: formatTime(p.startsAt) })}</span>
                  <span>{p.place}</span>
                  <span className="muted">{t(`protest.status.${p.status}`)}</span>
                </li>
              ))}
            </ul>
          </Panel>
        ) : null}
        {hasAnyRole(roles, NOTIFICATION_WATCHERS) ? (
          <Panel title={t('dashboard.unsent.title')} headingId="dash-unsent" loading={unsent.isPending} error={unsent.error}>
            {unsent.data ? (
              <>
                <p className="figure">{t('dashboard.unsent.count', { count: unsent.data.pending + unsent.data.failed })}</p>
                <p>{t('dashboard.unsent.detail', { pending: unsent.data.pending, failed: unsent.data.failed })}</p>
                {unsent.data.oldestPendingAt ? <p className="muted">{t('dashboard.unsent.oldest', { when: formatDateTime(unsent.data.oldestPendingAt) })}</p> : null}
                {unsent.data.keptInSink > 0 ? <p className="muted">{t('dashboard.unsent.sink', { count: unsent.data.keptInSink })}</p> : null}
              </>
            ) : null}
          </Panel>
        ) : null}
      </div>

      {seesProtests || seesVip ? (
        <div className="dashboard-days">
          <section className="panel map-panel" aria-labelledby="dash-map">
            <h2 id="dash-map">{t('dashboard.map.title')}</h2>
            <MapLegend />
            {mapReady ? (
              <Suspense fallback={<div className="map placeholder">{t('dashboard.map.loading')}</div>}>
                <DashboardMap
                  label={t('dashboard.map.label')}
                  bounds={base.settings.data!.bounds}
                  tileUrl={base.settings.data!.mapTileUrl}
                  tileAttribution={base.settings.data!.mapTileAttribution}
                  features={features}
                />
              </Suspense>
            ) : (
              <div className="map placeholder">{base.settings.error ? t('errors.panel') : t('dashboard.map.loading')}</div>
            )}
          </section>
          <Panel
            title={t('dashboard.days.title')}
            headingId="dash-days"
            className="days-panel"
            loading={(seesProtests && board.isPending) || (seesVip && vip.isPending)}
            error={board.error ?? vip.error}
          >
            {days.map((day, i) => (
              <section key={day.date} className="day" aria-labelledby={`day-${day.date}`}>
                <h3 id={`day-${day.date}`}>{t(i === 0 ? 'dashboard.days.today' : 'dashboard.days.tomorrow', { date: formatDateKey(day.date) })}</h3>
                {day.items.length === 0 ? <p className="muted">{t('dashboard.days.nothing')}</p> : null}
                <ul className="rows">
                  {day.items.map((item) => (item.kind === 'protest' ? <ProtestRow key={item.key} event={item.event} day={day.date} /> : <VipRow key={item.key} movement={item.movement} day={day.date} />))}
                </ul>
              </section>
            ))}
          </Panel>
        </div>
      ) : null}
    </div>
  );
}

/** "09:00–13:00", or with the date when the item starts or ends on another day. */
function useSpan() {
  return (startsAt: string, endsAt: string, day: string) => {
    const start = istDateKey(startsAt) === day ? formatTime(startsAt) : formatDateTime(startsAt);
    const end = istDateKey(endsAt) === day ? formatTime(endsAt) : formatDateTime(endsAt);
    return `${start}–${end}`;
  };
}

function ProtestRow({ event, day }: { event: BoardEvent; day: string }) {
  const { t } = useTranslation();
  const span = useSpan();
  const hi = currentLanguage() === 'hi';
  return (
    <li className="row item protest">
      <span className="time">{span(event.startsAt, event.endsAt, day)}</span>
      <span className="what">
        <span className="tag protest">{hi ? event.eventTypeLabel.hi : event.eventTypeLabel.en}</span> {event.place}
      </span>
      <span className="muted">
        {t('dashboard.days.protestDetail', {
          ref: event.ref,
          who: event.organisation ?? event.applicantName ?? '—',
          count: event.expectedParticipants,
          thana: hi ? event.thana.nameHi : event.thana.nameEn,
        })}
      </span>
    </li>
  );
}

function VipRow({ movement, day }: { movement: VipMovement; day: string }) {
  const { t } = useTranslation();
  const span = useSpan();
  const { leg } = movement;
  return (
    <li className="row item vip">
      <span className="time">{span(leg.start, leg.end, day)}</span>
      <span className="what">
        <span className="tag vip">{t('dashboard.days.vip')}</span> {leg.from.name} → {leg.to.name}
      </span>
      <span className="muted">
        {t('dashboard.days.vipDetail', { ref: movement.ref, title: movement.title, mode: t(`vip.mode.${leg.mode}`), activity: t(`vip.activity.${leg.activity}`) })}
      </span>
    </li>
  );
}

function MapLegend() {
  const { t } = useTranslation();
  return (
    <ul className="legend" aria-label={t('dashboard.map.legend')}>
      <li>
        <span className="swatch protest" aria-hidden="true" /> {t('dashboard.map.protests')}
      </li>
      <li>
        <span className="swatch vip" aria-hidden="true" /> {t('dashboard.map.vip')}
      </li>
      <li>
        <span className="swatch thana" aria-hidden="true" /> {t('dashboard.map.thanas')}
      </li>
      <li>
        <span className="swatch restriction" aria-hidden="true" /> {t('dashboard.map.restrictions')}
      </li>
    </ul>
  );
}

/** e-Office's state in full: the banner's line, with the figures behind it. */
function EofficePanel() {
  const { t } = useTranslation();
  const status = useSystemStatus();
  const waitingFor = useWaitingFor();
  const s = status.data;
  return (
    <Panel title={t('dashboard.eoffice.title')} headingId="dash-eoffice" loading={status.isPending} error={status.error}>
      {s ? (
        <>
          <p className={`figure mode-${s.mode.toLowerCase()}`}>{t(s.mode === 'DEGRADED' ? 'dashboard.eoffice.degraded' : 'dashboard.eoffice.online')}</p>
          <dl className="facts">
            <dt>{t('dashboard.eoffice.since')}</dt>
            <dd>{formatDateTime(s.since)}</dd>
            <dt>{t('dashboard.eoffice.backlog')}</dt>
            <dd>{s.backlog}</dd>
            <dt>{t('dashboard.eoffice.oldest')}</dt>
            <dd>{s.oldestPendingAgeSeconds === null ? t('mode.none') : waitingFor(s.oldestPendingAgeSeconds)}</dd>
            <dt>{t('dashboard.eoffice.delivered')}</dt>
            <dd>{s.deliveredLastHour}</dd>
            <dt>{t('dashboard.eoffice.failed')}</dt>
            <dd>{s.failed}</dd>
          </dl>
        </>
      ) : null}
    </Panel>
  );
}
