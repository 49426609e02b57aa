/** The duty-chart screens: loaded on demand (app/router.tsx), so they stay out of the first load. */
export { DutyChartsLayout } from './DutyChartsLayout';
export { BandobastListPage } from './BandobastListPage';
export { BandobastEditorPage } from './BandobastEditorPage';
export { BandobastPage } from './BandobastPage';
export { ChartPage } from './ChartPage';
export { RollPage } from './RollPage';
