import './duty-charts.css';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';

const SECTIONS = [
  { to: '/duty-charts', label: 'dutyCharts.nav.bandobasts', end: true },
  { to: '/duty-charts/roll', label: 'dutyCharts.nav.roll', end: false },
] as const;

/** Duty charts (bandobast): the events and their charts, and the officer roll they draw on. */
export function DutyChartsLayout() {
  const { t } = useTranslation();
  return (
    <div className="page duty-charts">
      <nav aria-label={t('dutyCharts.nav.label')}>
        <ul className="sub-nav">
          {SECTIONS.map((s) => (
            <li key={s.to}>
              <NavLink to={s.to} end={s.end}>
                {t(s.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
