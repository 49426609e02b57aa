import type { RuleResult } from './rule-result';

/** Hours from receipt to the event's start, to one decimal; negative if received after it began. */
export function leadTimeHours(receivedAt: Date, startsAt: Date): number {
  return Math.round((startsAt.getTime() - receivedAt.getTime()) / 360_000) / 10;
}

/**
 * Late means received less than the required hours before the start (48 h in Bhopal's
 * order). Exactly the required hours is on time. Decided on the exact instants, not rounded.
 */
export function isLate(receivedAt: Date, startsAt: Date, requiredHours: number): boolean {
  return startsAt.getTime() - receivedAt.getTime() < requiredHours * 3_600_000;
}

export function leadTimeRule(receivedAt: Date, startsAt: Date, requiredHours: number): RuleResult {
  const hours = leadTimeHours(receivedAt, startsAt);
  const late = isLate(receivedAt, startsAt, requiredHours);
  return {
    rule: 'LEAD_TIME',
    ok: !late,
    detail: `received ${hours} h before the start; at least ${requiredHours} h are required${late ? ', so approving needs an override reason' : ''}`,
  };
}
