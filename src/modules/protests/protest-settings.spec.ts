import { ConfigError, loadConfig } from '../../config/config';

const protests = (env: NodeJS.ProcessEnv) => loadConfig(env).protests;

describe('protest settings', () => {
  it('uses the brief\'s numbers when nothing is set', () => {
    expect(protests({})).toEqual({
      leadTimeHours: 48,
      clashDistanceMetres: 500,
      slaHours: 24,
      maxDurationHours: 24,
      quietFromMinute: 22 * 60,
      quietToMinute: 6 * 60,
    });
  });

  it('reads a force\'s own lead time, such as Ashoknagar\'s 3 days', () => {
    expect(protests({ PROTEST_LEAD_TIME_HOURS: '72' }).leadTimeHours).toBe(72);
    expect(protests({ PROTEST_SLA_HOURS: '12.5' }).slaHours).toBe(12.5);
    expect(protests({ PROTEST_LOUDSPEAKER_QUIET_HOURS: '23:00-05:30' })).toMatchObject({ quietFromMinute: 23 * 60, quietToMinute: 5 * 60 + 30 });
  });

  it('names the variable when a value is wrong', () => {
    expect(() => protests({ PROTEST_LEAD_TIME_HOURS: 'two days' })).toThrow(/PROTEST_LEAD_TIME_HOURS/);
    expect(() => protests({ PROTEST_CLASH_DISTANCE_METRES: '0' })).toThrow(/PROTEST_CLASH_DISTANCE_METRES/);
    expect(() => protests({ PROTEST_LOUDSPEAKER_QUIET_HOURS: '10pm-6am' })).toThrow(/PROTEST_LOUDSPEAKER_QUIET_HOURS/);
  });

  it('refuses what the old second parser refused after the main validation had passed (exit 1 instead of 78)', () => {
    for (const [name, value] of [
      ['PROTEST_CLASH_DISTANCE_METRES', '0'],
      ['PROTEST_CLASH_DISTANCE_METRES', '50001'],
      ['PROTEST_LEAD_TIME_HOURS', '0'],
      ['PROTEST_SLA_HOURS', '721'],
      ['PROTEST_MAX_DURATION_HOURS', '0.0'],
      ['PROTEST_LOUDSPEAKER_QUIET_HOURS', '22:00-22:00'],
    ]) {
      const attempt = () => protests({ [name!]: value });
      expect(attempt).toThrow(ConfigError);
      expect(attempt).toThrow(new RegExp(`${name}=${JSON.stringify(value)}`));
    }
  });
});
