import { Inject } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { resolveSecret } from '../../config/secrets';

/**
 * Duty-chart settings, read from the environment here until they join the validated config
 * (src/config/env.schema.ts). A bad value stops the boot, as it would there.
 */
export interface DutyChartSettings {
  /** HMAC key for officers' slip links (≥ 32 chars). Unset: generated into DATA_DIR/secrets. */
  slipLinkSecret: string;
  /** A slip link stays valid this long after the officer's last duty in the bandobast ends. */
  slipLinkGraceHours: number;
  /** Run the solver in a worker thread, so a 5,500-officer solve never stalls the API. */
  solveInThread: boolean;
  /** Language of duty SMS: hi, en or bi (both). */
  smsLanguage: 'hi' | 'en' | 'bi';
}

export const DUTY_CHART_SETTINGS = Symbol('DUTY_CHART_SETTINGS');

export function readDutyChartSettings(
  config: AppConfig,
  env: NodeJS.ProcessEnv = process.env,
): DutyChartSettings {
  const problems: string[] = [];
  const secret = env.DUTY_SLIP_LINK_SECRET;
  if (secret !== undefined && secret.length < 32)
    problems.push('DUTY_SLIP_LINK_SECRET: must be at least 32 characters');
  const grace = Number(env.DUTY_SLIP_LINK_GRACE_HOURS ?? 48);
  if (!Number.isInteger(grace) || grace < 1 || grace > 24 * 90)
    problems.push('DUTY_SLIP_LINK_GRACE_HOURS: must be a whole number of hours from 1 to 2160');
  const thread = env.DUTY_CHART_SOLVE_IN_THREAD ?? 'true';
  if (!['true', 'false'].includes(thread))
    problems.push('DUTY_CHART_SOLVE_IN_THREAD: must be true or false');
  const sms = env.DUTY_SMS_LANGUAGE ?? 'hi';
  if (!['hi', 'en', 'bi'].includes(sms)) problems.push('DUTY_SMS_LANGUAGE: must be hi, en or bi');
  if (problems.length > 0)
    throw new Error(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  return {
    slipLinkSecret: resolveSecret('duty-slip-link-secret', secret, config.DATA_DIR),
    slipLinkGraceHours: grace,
    solveInThread: thread === 'true',
    smsLanguage: sms as DutyChartSettings['smsLanguage'],
  };
}

export const dutyChartSettingsProvider = {
  provide: DUTY_CHART_SETTINGS,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => readDutyChartSettings(config),
};

/** Injects the settings: `constructor(@InjectSettings() settings: DutyChartSettings)`. */
export const InjectSettings = () => Inject(DUTY_CHART_SETTINGS);
