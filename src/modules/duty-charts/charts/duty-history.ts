import { EntityManager } from 'typeorm';
import { IST_OFFSET_MINUTES } from '../../../platform/time';
import { isNightDuty as isNightShift } from '../solver/time';

export interface OfficerHistory {
  dutyHours30d: number;
  nightDuties30d: number;
}

const DAY = 86_400_000;

/** A night duty on the IST clock, by the solver's own definition (README: half or more between 22:00 and 06:00). */
export function isNightDuty(from: Date, to: Date): boolean {
  return isNightShift(from.getTime() / 60_000, to.getTime() / 60_000, IST_OFFSET_MINUTES);
}

/**
 * Duty hours and nights over the 30 days before a bandobast, from the published charts of
 * other bandobasts: what the solver's fairness goal balances against.
 */
export async function historyOf(
  em: EntityManager,
  bandobastId: string,
  start: Date,
): Promise<Map<string, OfficerHistory>> {
  const windowStart = new Date(start.getTime() - 30 * DAY);
  const rows: Array<{ officer_id: string; f: Date; t: Date }> = await em.query(
    `SELECT a.officer_id, lower(a.during) AS f, upper(a.during) AS t
       FROM duty_assignment a JOIN duty_chart c ON c.id = a.chart_id
      WHERE c.status = 'PUBLISHED' AND a.bandobast_id <> $1 AND a.during && tstzrange($2, $3)`,
    [bandobastId, windowStart, start],
  );
  const history = new Map<string, OfficerHistory>();
  for (const r of rows) {
    const h = history.get(r.officer_id) ?? { dutyHours30d: 0, nightDuties30d: 0 };
    const from = Math.max(r.f.getTime(), windowStart.getTime());
    const to = Math.min(r.t.getTime(), start.getTime());
    h.dutyHours30d += Math.max(0, to - from) / 3600_000;
    if (isNightDuty(r.f, r.t)) h.nightDuties30d += 1;
    history.set(r.officer_id, h);
  }
  return history;
}
