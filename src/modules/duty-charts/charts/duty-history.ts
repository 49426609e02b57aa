import { EntityManager } from 'typeorm';
import { isNightDuty } from '../ist';

export interface OfficerHistory {
  dutyHours30d: number;
  nightDuties30d: number;
}

const DAY = 86_400_000;

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
