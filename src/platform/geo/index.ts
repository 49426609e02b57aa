// Places: haversine, route densifying and its cap, the commissionerate's bounds and the one
// coordinate validator (@InCommissionerate), shared by protests, VIP programmes and duty charts.
export * from './geo';
export * from './bounds';
export { InCommissionerate, commissionerateBounds, useCommissionerateBounds } from './in-commissionerate';
export type { InCommissionerateOptions } from './in-commissionerate';
export { GeoModule, GEO_SETTINGS } from './geo.module';
