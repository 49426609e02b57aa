/**
 * A small hand-made bandobast for tests: one sector, a check-point with a morning,
 * an evening and a night shift (crossing midnight), and a handful of officers.
 */
import { istIso, istMidnight } from '../../../platform/time';
import { Assignment, BandobastInstance, DutyChartSolution, Officer, Rank } from '../solver/types';

/** `hour` IST (may pass 24) on 8 November 2026 plus `day`, with the +05:30 offset. */
export const at = (day: number, hour: number): string =>
  istIso(new Date(istMidnight('2026-11-08').getTime() + (day * 24 + hour) * 3_600_000));

export function officer(id: string, rank: Rank, extras: Partial<Officer> = {}): Officer {
  return { id, rank, gender: 'M', unit: 'TT_NAGAR', skills: [], ...extras };
}

/** Check-point D1-S1-P1: A 06-14, B 14-22, C 22-06; each needs 1 HC + 2 constables, 1 woman, 1 armed. */
export function checkPointInstance(): BandobastInstance {
  // A fresh object per shift, so a test can change one shift's needs alone.
  const needs = () => ({
    ranks: { HEAD_CONSTABLE: 1, CONSTABLE: 2 },
    minWomen: 1,
    skills: { armed: 1 },
  });
  return {
    seed: 1,
    rules: { minRestHours: 8, maxHoursPer24h: 12, higherRankMayFillLower: false },
    officers: [
      officer('HC-1', 'HEAD_CONSTABLE', { skills: ['armed'] }),
      officer('HC-2', 'HEAD_CONSTABLE'),
      officer('HC-3', 'HEAD_CONSTABLE'),
      officer('C-1', 'CONSTABLE', { gender: 'F' }),
      officer('C-2', 'CONSTABLE', { skills: ['armed'] }),
      officer('C-3', 'CONSTABLE', { gender: 'F', skills: ['armed'] }),
      officer('C-4', 'CONSTABLE'),
      officer('C-5', 'CONSTABLE', { gender: 'F' }),
      officer('C-6', 'CONSTABLE', {
        unavailable: [{ from: at(0, 0), to: at(0, 12) }],
      }),
      officer('C-7', 'CONSTABLE'),
    ],
    posts: [
      {
        id: 'D1-S1-P1',
        sector: 'D1-S1',
        location: { lat: 23.2345, lng: 77.4 },
        shifts: [
          { id: 'D1-S1-P1-A', start: at(0, 6), end: at(0, 14), require: needs() },
          { id: 'D1-S1-P1-B', start: at(0, 14), end: at(0, 22), require: needs() },
          { id: 'D1-S1-P1-C', start: at(0, 22), end: at(1, 6), require: needs() },
        ],
      },
    ],
  };
}

const duty = (officerId: string, shiftId: string, slotRank: Rank): Assignment => ({
  officerId,
  shiftId,
  slotRank,
});

/** A legal, complete chart for `checkPointInstance`. */
export function legalChart(): DutyChartSolution {
  return {
    status: 'OK',
    assignments: [
      duty('HC-1', 'D1-S1-P1-A', 'HEAD_CONSTABLE'),
      duty('C-1', 'D1-S1-P1-A', 'CONSTABLE'),
      duty('C-4', 'D1-S1-P1-A', 'CONSTABLE'),
      duty('HC-2', 'D1-S1-P1-B', 'HEAD_CONSTABLE'),
      duty('C-2', 'D1-S1-P1-B', 'CONSTABLE'),
      duty('C-5', 'D1-S1-P1-B', 'CONSTABLE'),
      duty('HC-3', 'D1-S1-P1-C', 'HEAD_CONSTABLE'),
      duty('C-3', 'D1-S1-P1-C', 'CONSTABLE'),
      duty('C-6', 'D1-S1-P1-C', 'CONSTABLE'),
    ],
    shortfalls: [],
    stats: { solveMs: 0, dutyHours: { min: 0, max: 8, stddev: 0 } },
  };
}
