import { addDays, istDateKey, istMidnight } from '../../../platform/time';

/**
 * The Lok Seva Guarantee day by which an application must be decided: the IST day it was
 * received plus the limit for its purpose (45 days for character, tenant and domestic-help
 * verification). Kept with the application, as at receipt.
 */
export function dueOn(receivedAt: Date, limitDays: number): string {
  return istDateKey(addDays(istMidnight(istDateKey(receivedAt)), limitDays));
}

/** Whole IST days from today (by the app's clock) to the due day: 0 on it, negative past it. */
export function daysLeft(due: string, now: Date): number {
  return Math.round((istMidnight(due).getTime() - istMidnight(istDateKey(now)).getTime()) / 86_400_000);
}

/**
 * `daysLeft` in SQL over a `date` column, with the app clock's now as the parameter `param`
 * (a timestamptz): the same IST days, so the queue's order and the record's counter agree.
 */
export function daysLeftSql(dueColumn: string, param = ':now'): string {
  return `(${dueColumn} - (CAST(${param} AS timestamptz) AT TIME ZONE 'Asia/Kolkata')::date)`;
}
