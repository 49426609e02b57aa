import { withinVenueHours } from './venue-hours';
import { parseIstDateTime } from '../../../platform/time';

const ist = parseIstDateTime;

describe('venue hours', () => {
  it('accepts an event inside 10:00–17:00, including one that uses the whole window', () => {
    expect(withinVenueHours(ist('2026-11-27T11:00'), ist('2026-11-27T14:00'), '10:00', '17:00')).toBe(true);
    expect(withinVenueHours(ist('2026-11-27T10:00'), ist('2026-11-27T17:00'), '10:00', '17:00')).toBe(true);
  });

  it('refuses an event that starts before opening or ends after closing', () => {
    expect(withinVenueHours(ist('2026-11-27T09:30'), ist('2026-11-27T12:00'), '10:00', '17:00')).toBe(false);
    expect(withinVenueHours(ist('2026-11-27T15:00'), ist('2026-11-27T17:01'), '10:00', '17:00')).toBe(false);
  });

  it('refuses an event that runs into the next day even if the clock times fit', () => {
    expect(withinVenueHours(ist('2026-11-27T11:00'), ist('2026-11-28T12:00'), '10:00', '17:00')).toBe(false);
  });
});
