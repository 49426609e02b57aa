// Retention: how long personal data is kept, and the purge when it runs out.
export { PURGED_TEXT } from './retention-rule';
export type { RetentionRule } from './retention-rule';
export { RetentionRun } from './retention-run';
export type { RetentionReport, RetentionRuleReport } from './retention-run';
export { RetentionModule } from './retention.module';
