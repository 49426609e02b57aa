/** The duty-chart screens: loaded on demand (app/router.tsx), so they stay out of the first load. */
export { DutyChartsLayout } from './DutyChartsLayout';
export { BandobastListPage } from './BandobastListPage';
export { RollPage } from './RollPage';
