import type { ProtestStatus } from '../protest-workflow';
import { UNDECIDED_STATUSES } from '../protest-workflow';

// PROTEST_SLA_HOURS: "an application still undecided this close to its start is flagged".
// One rule, written twice from this one place: as a function for a record in hand (the record
// view), and as SQL for many rows (the list's filter and flag). rules/sla.spec.ts and
// test/protests-sla.e2e-spec.ts hold them to the same answers.

const HOUR_MS = 3_600_000;

/** Still undecided with the start less than `slaHours` away, or already past. Exactly `slaHours` away is not yet. */
export function slaAtRisk(
  app: { status: ProtestStatus; startsAt: Date },
  slaHours: number,
  now: Date,
): boolean {
  return (
    UNDECIDED_STATUSES.includes(app.status) &&
    app.startsAt.getTime() - now.getTime() < slaHours * HOUR_MS
  );
}

/**
 * `slaAtRisk` as a SQL condition over the `protest_application` row aliased `alias`, with its
 * parameters (`now` is passed in, not the database's now(), so both read the same clock).
 */
export function slaAtRiskSql(
  alias: string,
  slaHours: number,
  now: Date,
): { sql: string; params: Record<string, unknown> } {
  const undecided = UNDECIDED_STATUSES.map((s) => `'${s}'`).join(',');
  return {
    sql: `(${alias}.status IN (${undecided}) AND ${alias}.starts_at - CAST(:slaNow AS timestamptz) < CAST(:slaHours AS double precision) * interval '1 hour')`,
    params: { slaNow: now.toISOString(), slaHours },
  };
}
