import { PROTEST_STATUSES } from '../protest-workflow';
import { slaAtRisk, slaAtRiskSql } from './sla';

// The last minute of 27 Nov 2026 IST and the first of the 28th (IST midnight is 18:30 UTC).
const beforeMidnight = new Date('2026-11-27T18:29:00Z');
const atMidnight = new Date('2026-11-27T18:30:00Z');
const hours = (at: Date, h: number) => new Date(at.getTime() + h * 3_600_000);

describe('protest SLA', () => {
  it('flags an undecided application whose start is less than the SLA window away', () => {
    expect(
      slaAtRisk({ status: 'RECEIVED', startsAt: hours(atMidnight, 23.99) }, 24, atMidnight),
    ).toBe(true);
    expect(
      slaAtRisk({ status: 'THANA_REPORTED', startsAt: hours(atMidnight, 10) }, 24, atMidnight),
    ).toBe(true);
  });

  it('does not flag it exactly the SLA window before the start, nor earlier', () => {
    expect(slaAtRisk({ status: 'RECEIVED', startsAt: hours(atMidnight, 24) }, 24, atMidnight)).toBe(
      false,
    );
    expect(slaAtRisk({ status: 'RECEIVED', startsAt: hours(atMidnight, 30) }, 24, atMidnight)).toBe(
      false,
    );
  });

  it('keeps flagging once the start has passed undecided', () => {
    expect(
      slaAtRisk(
        { status: 'THANA_REPORT_REQUESTED', startsAt: hours(atMidnight, -2) },
        24,
        atMidnight,
      ),
    ).toBe(true);
  });

  it('never flags a decided application', () => {
    for (const status of ['APPROVED', 'REJECTED', 'WITHDRAWN', 'REVOKED'] as const) {
      expect(slaAtRisk({ status, startsAt: hours(atMidnight, 1) }, 24, atMidnight)).toBe(false);
    }
  });

  it('counts hours, not IST days: the flag turns on across IST midnight a minute at a time', () => {
    // Starts 00:29 IST on the 29th: 24 h after 00:29 IST on the 28th.
    const startsAt = hours(new Date('2026-11-27T18:59:00Z'), 24);
    expect(slaAtRisk({ status: 'RECEIVED', startsAt }, 24.5, beforeMidnight)).toBe(false);
    expect(
      slaAtRisk({ status: 'RECEIVED', startsAt }, 24.5, new Date('2026-11-27T18:29:00.001Z')),
    ).toBe(true);
    expect(slaAtRisk({ status: 'RECEIVED', startsAt }, 24.5, atMidnight)).toBe(true);
  });

  it('passes the same clock and window to SQL, and names every undecided status there', () => {
    const { sql, params } = slaAtRiskSql('p', 24, atMidnight);
    expect(params).toEqual({ slaNow: '2026-11-27T18:30:00.000Z', slaHours: 24 });
    for (const status of PROTEST_STATUSES) {
      expect(sql.includes(`'${status}'`)).toBe(
        slaAtRisk({ status, startsAt: atMidnight }, 1, atMidnight),
      );
    }
  });
});
