import { isLate, leadTimeHours, leadTimeRule } from './lead-time';

const start = new Date('2026-11-27T05:30:00Z');
const hoursBefore = (h: number) => new Date(start.getTime() - h * 3_600_000);

describe('lead time', () => {
  it('is on time when received exactly 48 hours before the start', () => {
    expect(isLate(hoursBefore(48), start, 48)).toBe(false);
  });

  it('is late when received a minute less than 48 hours before the start', () => {
    expect(isLate(new Date(hoursBefore(48).getTime() + 60_000), start, 48)).toBe(true);
  });

  it('honours a force\'s longer lead time', () => {
    expect(isLate(hoursBefore(60), start, 72)).toBe(true);
  });

  it('reports the hours it measured and says an override is needed when late', () => {
    expect(leadTimeHours(hoursBefore(30.25), start)).toBe(30.3);
    expect(leadTimeRule(hoursBefore(30), start, 48)).toEqual({
      rule: 'LEAD_TIME',
      ok: false,
      detail: 'received 30 h before the start; at least 48 h are required, so approving needs an override reason',
    });
  });
});
