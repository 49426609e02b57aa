import { checkDutyChart } from './check-chart';
import { at, checkPointInstance, legalChart } from './hand-made.fixture';
import { DutyChartSolution } from '../solver/types';

const constraintsOf = (solution: DutyChartSolution, instance = checkPointInstance()) =>
  checkDutyChart(instance, solution).violations.map((violation) => violation.constraint);

/** The legal chart with one duty replaced. */
function withDuty(
  officerId: string,
  shiftId: string,
  replacing: string,
  slotRank: 'CONSTABLE' | 'HEAD_CONSTABLE' | 'SI' = 'CONSTABLE',
): DutyChartSolution {
  const chart = legalChart();
  chart.assignments = chart.assignments.map((assignment) =>
    assignment.officerId === replacing && assignment.shiftId === shiftId
      ? { officerId, shiftId, slotRank }
      : assignment,
  );
  return chart;
}

describe('independent duty-chart checker', () => {
  it('finds no violation in a legal, complete chart', () => {
    expect(constraintsOf(legalChart())).toEqual([]);
  });

  it('catches a shift with fewer officers of a rank than required', () => {
    const chart = legalChart();
    chart.assignments = chart.assignments.filter((a) => a.officerId !== 'C-4');
    expect(constraintsOf(chart)).toContain('rank-count');
  });

  it('catches a shift with more officers of a rank than required', () => {
    const chart = legalChart();
    chart.assignments.push({ officerId: 'C-7', shiftId: 'D1-S1-P1-A', slotRank: 'CONSTABLE' });
    expect(constraintsOf(chart)).toContain('rank-count');
  });

  it('catches an officer filling a slot of another rank', () => {
    expect(constraintsOf(withDuty('C-7', 'D1-S1-P1-A', 'HC-1', 'HEAD_CONSTABLE'))).toContain(
      'slot-rank',
    );
  });

  it('lets a higher rank fill a lower slot only when the rules allow it', () => {
    const instance = checkPointInstance();
    instance.officers.push({ id: 'SI-1', rank: 'SI', gender: 'M', unit: 'TT_NAGAR' });
    const chart = withDuty('SI-1', 'D1-S1-P1-A', 'C-4', 'CONSTABLE');
    expect(constraintsOf(chart, instance)).toContain('slot-rank');
    instance.rules = { ...instance.rules, higherRankMayFillLower: true };
    expect(constraintsOf(chart, instance)).toEqual([]);
  });

  it('catches a shift without the minimum number of women', () => {
    expect(constraintsOf(withDuty('C-7', 'D1-S1-P1-A', 'C-1'))).toContain('min-women');
  });

  it('catches a shift without the minimum number of a skill', () => {
    expect(constraintsOf(withDuty('C-7', 'D1-S1-P1-B', 'C-2'))).toContain('skill');
  });

  it('catches an officer on two shifts at once', () => {
    const instance = checkPointInstance();
    instance.posts.push({
      id: 'D1-S1-P2',
      sector: 'D1-S1',
      shifts: [
        {
          id: 'D1-S1-P2-X',
          start: at(0, 10),
          end: at(0, 16),
          require: { ranks: { CONSTABLE: 1 } },
        },
      ],
    });
    const chart = legalChart();
    chart.assignments.push({ officerId: 'C-1', shiftId: 'D1-S1-P2-X', slotRank: 'CONSTABLE' });
    expect(constraintsOf(chart, instance)).toContain('overlap');
  });

  it('catches the same officer twice on one shift', () => {
    expect(constraintsOf(withDuty('C-1', 'D1-S1-P1-A', 'C-4'))).toContain('duplicate-duty');
  });

  it('catches less than the minimum rest between two duties', () => {
    // C-1 works 06-14 and then the 14-22 shift: no rest at all.
    expect(constraintsOf(withDuty('C-1', 'D1-S1-P1-B', 'C-5'))).toContain('rest');
  });

  it('catches more duty hours than allowed in a 24-hour window even with enough rest', () => {
    // 06-14 and 22-06 leave 8 h rest, but the 24 h from 06:00 hold 16 duty hours.
    const constraints = constraintsOf(withDuty('C-4', 'D1-S1-P1-C', 'C-6'));
    expect(constraints).toContain('max-hours-24h');
    expect(constraints).not.toContain('rest');
  });

  it('catches a duty while the officer is unavailable', () => {
    // C-6 is on leave until 12:00 on the first day.
    expect(constraintsOf(withDuty('C-6', 'D1-S1-P1-A', 'C-4'))).toContain('unavailable');
  });

  it('catches a chart that drops a pinned duty', () => {
    const instance = checkPointInstance();
    instance.pinned = [{ officerId: 'C-7', shiftId: 'D1-S1-P1-A' }];
    expect(constraintsOf(legalChart(), instance)).toContain('pinned-missing');
  });

  it('catches duties of unknown officers and shifts', () => {
    const chart = legalChart();
    chart.assignments.push({ officerId: 'GHOST', shiftId: 'D1-S1-P1-A', slotRank: 'CONSTABLE' });
    chart.assignments.push({ officerId: 'C-7', shiftId: 'NO-SUCH-SHIFT', slotRank: 'CONSTABLE' });
    expect(constraintsOf(chart)).toEqual(
      expect.arrayContaining(['unknown-officer', 'unknown-shift']),
    );
  });

  it('refuses a silently partial chart: an unmet requirement must be declared as a shortfall', () => {
    const chart = legalChart();
    chart.assignments = chart.assignments.filter((a) => a.officerId !== 'C-4');
    chart.status = 'INFEASIBLE';
    expect(constraintsOf(chart)).toEqual(['undeclared-shortfall', 'status']);
    chart.shortfalls = [
      {
        shiftId: 'D1-S1-P1-A',
        requirement: 'rank:CONSTABLE',
        needed: 2,
        assigned: 1,
        reason: 'test',
      },
    ];
    expect(constraintsOf(chart)).toEqual([]);
  });

  it('catches a shortfall listed for a requirement the chart meets', () => {
    const chart = legalChart();
    chart.status = 'INFEASIBLE';
    chart.shortfalls = [
      { shiftId: 'D1-S1-P1-A', requirement: 'women', needed: 1, assigned: 0, reason: 'test' },
    ];
    expect(constraintsOf(chart)).toContain('wrong-shortfall');
  });

  it('counts officers with no duty in the fairness figures', () => {
    const { fairness } = checkDutyChart(checkPointInstance(), legalChart());
    expect(fairness.dutyHoursAll).toMatchObject({ min: 0, max: 8 });
    expect(fairness.eligibleOfficers).toBe(10);
    expect(fairness.nightDuties.max).toBe(1);
  });
});
