import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { BandobastInstance, DutyChartSolution, InvalidInstanceError, solve } from '../solver';

/** The solver refused the input, or failed: the messages name the fields or the cause. */
export class SolveFailure extends Error {
  constructor(
    readonly errors: string[],
    readonly invalid: boolean,
  ) {
    super(errors.join('; '));
    this.name = 'SolveFailure';
  }
}

type WorkerReply =
  { ok: true; solution: DutyChartSolution } | { ok: false; invalid: boolean; errors: string[] };

/**
 * Solves in a worker thread (or inline, when threads are turned off). Under ts-node or jest
 * this file is TypeScript, so the thread registers ts-node before loading its entry.
 */
export function runSolver(
  instance: BandobastInstance,
  seed: number,
  inThread: boolean,
): Promise<DutyChartSolution> {
  if (!inThread) {
    try {
      return Promise.resolve(solve(instance, { seed }));
    } catch (e) {
      const invalid = e instanceof InvalidInstanceError;
      return Promise.reject(new SolveFailure(invalid ? e.errors : [(e as Error).message], invalid));
    }
  }
  const ext = extname(__filename);
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(__dirname, `solve.worker${ext}`), {
      workerData: { instance, options: { seed } },
      execArgv: ext === '.ts' ? ['--require', 'ts-node/register/transpile-only'] : [],
    });
    worker.once('message', (reply: WorkerReply) => {
      if (reply.ok) resolve(reply.solution);
      else reject(new SolveFailure(reply.errors, reply.invalid));
      void worker.terminate();
    });
    worker.once('error', (e) =>
      reject(new SolveFailure([`solver thread crashed: ${e.message}`], false)),
    );
    worker.once(
      'exit',
      (code) =>
        code !== 0 && reject(new SolveFailure([`solver thread exited with code ${code}`], false)),
    );
  });
}
