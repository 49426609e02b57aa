import { generateBandobast } from '../solver';
import { runSolver, SolveFailure } from './solve-runner';

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
});
