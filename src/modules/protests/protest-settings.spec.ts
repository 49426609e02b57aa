import { loadProtestSettings } from './protest-settings';

describe('protest settings', () => {
  it('uses the brief\'s numbers when nothing is set', () => {
    expect(loadProtestSettings({})).toEqual({
      leadTimeHours: 48,
      clashDistanceMetres: 500,
      slaHours: 24,
      maxDurationHours: 24,
      quietFromMinute: 22 * 60,
      quietToMinute: 6 * 60,
    });
  });

  it('reads a force\'s own lead time, such as Ashoknagar\'s 3 days', () => {
    expect(loadProtestSettings({ PROTEST_LEAD_TIME_HOURS: '72' }).leadTimeHours).toBe(72);
  });

  it('names the variable when a value is wrong', () => {
    expect(() => loadProtestSettings({ PROTEST_LEAD_TIME_HOURS: 'two days' })).toThrow(/PROTEST_LEAD_TIME_HOURS/);
    expect(() => loadProtestSettings({ PROTEST_CLASH_DISTANCE_METRES: '0' })).toThrow(/PROTEST_CLASH_DISTANCE_METRES/);
    expect(() => loadProtestSettings({ PROTEST_LOUDSPEAKER_QUIET_HOURS: '10pm-6am' })).toThrow(/PROTEST_LOUDSPEAKER_QUIET_HOURS/);
  });
});
