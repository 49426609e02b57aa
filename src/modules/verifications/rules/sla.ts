import { daysLeft, daysLeftSql } from './days-left';

/** Where an open application stands against its Lok Seva limit. */
export const SLA_STATES = ['ON_TIME', 'NEAR_BREACH', 'BREACHED'] as const;
export type SlaState = (typeof SLA_STATES)[number];

/**
 * BREACHED once its due day has passed (the limit's last day still counts as within it),
 * NEAR_BREACH from `warnDaysLeft` days before it (15: the 30th day of 45), else ON_TIME.
 */
export function slaState(dueOn: string, now: Date, warnDaysLeft: number): SlaState {
  const left = daysLeft(dueOn, now);
  return left < 0 ? 'BREACHED' : left <= warnDaysLeft ? 'NEAR_BREACH' : 'ON_TIME';
}

/** `slaState` in SQL over a `date` column, with the clock's now as `:now` and the warning as `:warnDaysLeft`. */
export function slaStateSql(dueColumn: string): string {
  const left = daysLeftSql(dueColumn);
  return `(CASE WHEN ${left} < 0 THEN 'BREACHED' WHEN ${left} <= CAST(:warnDaysLeft AS integer) THEN 'NEAR_BREACH' ELSE 'ON_TIME' END)`;
}
