import { readTimeOfDay } from '../../platform/time';

/**
 * The numbers the domain brief says vary between forces (Bhopal's press note says 48 h lead
 * time, Ashoknagar uses 3 days), read once from the environment. A bad value stops the boot
 * with the variable's name, like the platform's own config.
 */
export interface ProtestSettings {
  /** Minimum hours between receipt and the event's start; less makes the application late. */
  readonly leadTimeHours: number;
  /** Other events within this distance (metres) of the venue or route are shown as clashes. */
  readonly clashDistanceMetres: number;
  /** An application still undecided this many hours before its start is flagged. */
  readonly slaHours: number;
  /** Standing Order L&O/48/2022: no programme runs longer than this continuously. */
  readonly maxDurationHours: number;
  /** Noise Rules 2000 r.5: no loudspeaker in this window (IST minutes of the day). */
  readonly quietFromMinute: number;
  readonly quietToMinute: number;
}

export const PROTEST_SETTINGS = Symbol('PROTEST_SETTINGS');

export const PROTEST_SETTING_DEFAULTS = {
  PROTEST_LEAD_TIME_HOURS: '48',
  PROTEST_CLASH_DISTANCE_METRES: '500',
  PROTEST_SLA_HOURS: '24',
  PROTEST_MAX_DURATION_HOURS: '24',
  PROTEST_LOUDSPEAKER_QUIET_HOURS: '22:00-06:00',
} as const;

type SettingName = keyof typeof PROTEST_SETTING_DEFAULTS;

export class ProtestSettingsError extends Error {
  override readonly name = 'ProtestSettingsError';
}

function positive(env: NodeJS.ProcessEnv, name: SettingName, max: number): number {
  const raw = env[name] ?? PROTEST_SETTING_DEFAULTS[name];
  const value = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw.trim()) || value <= 0 || value > max) {
    throw new ProtestSettingsError(`${name} must be a number above 0 and at most ${max}, not "${raw}"`);
  }
  return value;
}

function quietHours(env: NodeJS.ProcessEnv): [number, number] {
  const name: SettingName = 'PROTEST_LOUDSPEAKER_QUIET_HOURS';
  const raw = env[name] ?? PROTEST_SETTING_DEFAULTS[name];
  const [from, to] = raw.split('-').map((s) => readTimeOfDay(s.trim()));
  if (from == null || to == null || from === to) {
    throw new ProtestSettingsError(`${name} must look like 22:00-06:00 (IST, from-to), not "${raw}"`);
  }
  return [from, to];
}

export function loadProtestSettings(env: NodeJS.ProcessEnv = process.env): ProtestSettings {
  const [quietFromMinute, quietToMinute] = quietHours(env);
  return {
    leadTimeHours: positive(env, 'PROTEST_LEAD_TIME_HOURS', 24 * 30),
    clashDistanceMetres: positive(env, 'PROTEST_CLASH_DISTANCE_METRES', 50_000),
    slaHours: positive(env, 'PROTEST_SLA_HOURS', 24 * 30),
    maxDurationHours: positive(env, 'PROTEST_MAX_DURATION_HOURS', 24 * 30),
    quietFromMinute,
    quietToMinute,
  };
}
