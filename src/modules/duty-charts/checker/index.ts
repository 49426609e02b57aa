export { checkDutyChart } from './check-chart';
export type { ChartCheck, Violation, ViolatedConstraint } from './check-chart';
export type { FairnessFigures, Spread } from './fairness';
