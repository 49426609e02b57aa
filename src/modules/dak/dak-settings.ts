import { APP_CONFIG, AppConfig } from '../../config/config';
import { addDays, istStartOfDay } from '../../platform/time';

export const DAK_PRIORITIES = ['NORMAL', 'URGENT', 'IMMEDIATE'] as const;
export type DakPriority = (typeof DAK_PRIORITIES)[number];

export const DAK_LANGUAGES = ['hi', 'en', 'other'] as const;
export type DakLanguage = (typeof DAK_LANGUAGES)[number];

export interface DakSettings {
  /**
   * The unit code of the dak clerks' desk, which holds items diarised from e-mail until they are
   * confirmed and marked; null: the commissionerate itself (the root of the unit tree).
   */
  readonly clerkUnitCode: string | null;
  /** Days a holder has to act on an item of each priority (local defaults; no public source gives them). */
  readonly dueDays: Readonly<Record<DakPriority, number>>;
}

export const DAK_SETTINGS = Symbol('DAK_SETTINGS');

/** `IMMEDIATE=1,URGENT=3,NORMAL=7` as read from the config (its form is checked at boot, in env.schema.ts). */
export function parseDueDays(text: string): Record<DakPriority, number> {
  const days: Record<DakPriority, number> = { IMMEDIATE: 1, URGENT: 3, NORMAL: 7 };
  for (const pair of text.split(',')) {
    const [priority, n] = pair.split('=').map((s) => s.trim());
    if (priority && n) days[priority as DakPriority] = Number(n);
  }
  return days;
}

export const dakSettingsProvider = {
  provide: DAK_SETTINGS,
  inject: [APP_CONFIG],
  useFactory: (c: AppConfig): DakSettings => ({ clerkUnitCode: c.DAK_CLERK_UNIT ?? null, dueDays: parseDueDays(c.DAK_DUE_DAYS) }),
};

/**
 * When an item marked at `markedAt` is due: at the end of the N-th IST day after the day of
 * marking (00:00 IST after it), N by its priority. Marked on Monday at 16:00 IMMEDIATE (1 day),
 * it is due by the end of Tuesday, overdue from 00:00 IST on Wednesday.
 */
export function dakDueAt(markedAt: Date, priority: DakPriority, settings: Pick<DakSettings, 'dueDays'>): Date {
  return addDays(istStartOfDay(markedAt), settings.dueDays[priority] + 1);
}

/** Whether an item is overdue at `now`: it waits on a holder (MARKED or RECEIVED) past its due time. */
export function dakOverdue(d: { status: string; dueAt: Date | null }, now: Date): boolean {
  return (d.status === 'MARKED' || d.status === 'RECEIVED') && d.dueAt !== null && d.dueAt.getTime() <= now.getTime();
}

/** `dakOverdue` in SQL, over the receipt's alias and a parameter holding now. */
export function dakOverdueSql(alias: string, nowParam: string): string {
  return `(${alias}.status IN ('MARKED', 'RECEIVED') AND ${alias}.due_at IS NOT NULL AND ${alias}.due_at <= :${nowParam})`;
}
