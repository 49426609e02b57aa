import { APP_CONFIG, AppConfig } from '../../config/config';
import { AppealLevel, Purpose, PURPOSE_CODES } from './verification-terms';

/** The Lok Seva Guarantee limit in days for a purpose not named in VERIFICATION_LIMIT_DAYS. */
export const DEFAULT_LIMIT_DAYS = 45;

export interface VerificationSettings {
  /** Days from receipt within which an application of each purpose must be decided. */
  readonly limitDays: Readonly<Record<Purpose, number>>;
  /** Near breach this many days or fewer before the limit. */
  readonly warnDaysLeft: number;
  /** Calendar months a certificate is valid from its issue. */
  readonly certificateValidMonths: number;
  /** Days from receipt within which each appeal must be decided, and its near-breach warning. */
  readonly appealLimitDays: Readonly<Record<AppealLevel, number>>;
  readonly appealWarnDaysLeft: number;
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
  useFactory: (c: AppConfig): VerificationSettings => ({
    limitDays: parseLimitDays(c.VERIFICATION_LIMIT_DAYS),
    warnDaysLeft: c.VERIFICATION_WARNING_DAYS_LEFT,
    certificateValidMonths: c.VERIFICATION_CERTIFICATE_VALID_MONTHS,
    appealLimitDays: { FIRST: c.VERIFICATION_FIRST_APPEAL_LIMIT_DAYS, SECOND: c.VERIFICATION_SECOND_APPEAL_LIMIT_DAYS },
    appealWarnDaysLeft: c.VERIFICATION_APPEAL_WARNING_DAYS_LEFT,
  }),
};
