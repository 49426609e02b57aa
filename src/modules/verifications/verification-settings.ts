import { APP_CONFIG, AppConfig } from '../../config/config';
import { Purpose, PURPOSE_CODES } from './verification-terms';

/** The Lok Seva Guarantee limit in days for a purpose not named in VERIFICATION_LIMIT_DAYS. */
export const DEFAULT_LIMIT_DAYS = 45;

export interface VerificationSettings {
  /** Days from receipt within which an application of each purpose must be decided. */
  readonly limitDays: Readonly<Record<Purpose, number>>;
  /** Near breach this many days or fewer before the limit. */
  readonly warnDaysLeft: number;
}

export const VERIFICATION_SETTINGS = Symbol('VERIFICATION_SETTINGS');

/** `SELF=45,PASSPORT=21` as read from the config (its form is checked at boot, in env.schema.ts). */
export function parseLimitDays(text: string): Record<Purpose, number> {
  const limits = Object.fromEntries(PURPOSE_CODES.map((p) => [p, DEFAULT_LIMIT_DAYS])) as Record<Purpose, number>;
  for (const pair of text.split(',')) {
    const [purpose, days] = pair.split('=').map((s) => s.trim());
    if (purpose && days) limits[purpose as Purpose] = Number(days);
  }
  return limits;
}

export const verificationSettingsProvider = {
  provide: VERIFICATION_SETTINGS,
  inject: [APP_CONFIG],
  useFactory: (c: AppConfig): VerificationSettings => ({ limitDays: parseLimitDays(c.VERIFICATION_LIMIT_DAYS), warnDaysLeft: c.VERIFICATION_WARNING_DAYS_LEFT }),
};
