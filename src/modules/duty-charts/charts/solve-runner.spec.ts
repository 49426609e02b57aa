import { generateBandobast, RollCheck } from '../solver';
import { runSolver, SolveFailure, SolveStopped, startSolver } from './solve-runner';

describe('runSolver', () => {
  const { instance } = generateBandobast({ size: 'tiny', seed: 3 });

  it('gives the same chart in a worker thread as inline, for the same seed', async () => {
    const inline = await runSolver(instance, 5, false);
    const threaded = await runSolver(instance, 5, true);
    expect(threaded.status).toBe('OK');
    expect(threaded.assignments).toEqual(inline.assignments);
  });

  it('passes the field-naming errors of an invalid instance back from the thread', async () => {
    const broken = {
      ...instance,
      officers: [
        { ...instance.officers[0]!, rank: 'CONSTABEL' as never },
        ...instance.officers.slice(1),
      ],
    };
    const failure = await runSolver(broken, 1, true).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SolveFailure);
    expect((failure as SolveFailure).invalid).toBe(true);
    expect((failure as SolveFailure).errors.join('\n')).toContain('officers[0].rank');
  });

  it('reports the roll check from the thread before the chart, and passes the time limit on', async () => {
    const big = generateBandobast({ size: '1500', seed: 2 }).instance;
    const rolls: RollCheck[] = [];
    const run = startSolver(big, {
      seed: 1,
      inThread: true,
      timeLimitMs: 0,
      onRollChecked: (roll) => rolls.push(roll),
    });
    const solution = await run.result;
    expect(rolls).toEqual([solution.stats.roll]);
    expect(rolls[0]).toMatchObject({ lowerBound: 0, message: null });
    expect(solution.stats.cutShort).toBe(true);
  });

  it('ends the thread at once when stopped from outside (a cancel), with no chart', async () => {
    const big = generateBandobast({ size: '5500', seed: 1 }).instance;
    const run = startSolver(big, { seed: 1, inThread: true });
    const started = Date.now();
    setTimeout(() => run.stop('superseded'), 200);
    const outcome = await run.result.catch((e: unknown) => e);
    expect(outcome).toBeInstanceOf(SolveStopped);
    expect((outcome as SolveStopped).reason).toBe('superseded');
    // A full solve of this size takes seconds; the stop does not wait for it.
    expect(Date.now() - started).toBeLessThan(1_500);
  });
});
