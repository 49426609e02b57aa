import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  BandobastInstance,
  DutyChartSolution,
  InvalidInstanceError,
  RollCheck,
  ShortfallShape,
  solve,
} from '../solver';

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

/** The thread was stopped from outside (a cancel, or a solver that overran its limit): no chart. */
export class SolveStopped extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'SolveStopped';
  }
}

export interface SolverRunOptions {
  seed: number;
  inThread: boolean;
  /** The solver's own wall-clock limit: it returns its best chart so far when reached. */
  timeLimitMs?: number;
  shortfalls?: ShortfallShape;
  /** The roll check, as soon as the solver has made it (before the phases run). */
  onRollChecked?: (roll: RollCheck) => void;
}

export interface SolverRun {
  readonly result: Promise<DutyChartSolution>;
  /** Ends the thread at once; `result` rejects with SolveStopped. Inline runs cannot be stopped. */
  stop(reason: string): void;
}

type WorkerReply =
  | { kind: 'roll'; roll: RollCheck }
  | { kind: 'done'; ok: true; solution: DutyChartSolution }
  | { kind: 'done'; ok: false; invalid: boolean; errors: string[] };

/**
 * Solves in a worker thread (or inline, when threads are turned off). Under ts-node or jest
 * this file is TypeScript, so the thread registers ts-node before loading its entry.
 */
export function startSolver(instance: BandobastInstance, options: SolverRunOptions): SolverRun {
  const solverOptions = {
    seed: options.seed,
    timeLimitMs: options.timeLimitMs,
    shortfalls: options.shortfalls,
  };
  if (!options.inThread) {
    try {
      const solution = solve(instance, { ...solverOptions, onRollChecked: options.onRollChecked });
      return { result: Promise.resolve(solution), stop: () => undefined };
    } catch (e) {
      const invalid = e instanceof InvalidInstanceError;
      const failure = new SolveFailure(invalid ? e.errors : [(e as Error).message], invalid);
      return { result: Promise.reject(failure), stop: () => undefined };
    }
  }
  const ext = extname(__filename);
  // The thread takes a moment to start: its limit runs from now, as an absolute deadline.
  const deadline = options.timeLimitMs === undefined ? undefined : Date.now() + options.timeLimitMs;
  const worker = new Worker(join(__dirname, `solve.worker${ext}`), {
    workerData: { instance, options: solverOptions, deadline },
    execArgv: ext === '.ts' ? ['--require', 'ts-node/register/transpile-only'] : [],
  });
  let settle: { resolve: (s: DutyChartSolution) => void; reject: (e: Error) => void };
  let done = false;
  const result = new Promise<DutyChartSolution>(
    (resolve, reject) => (settle = { resolve, reject }),
  );
  const finish = (outcome: DutyChartSolution | Error) => {
    if (done) return;
    done = true;
    if (outcome instanceof Error) settle.reject(outcome);
    else settle.resolve(outcome);
    void worker.terminate();
  };
  worker.on('message', (reply: WorkerReply) => {
    if (reply.kind === 'roll') options.onRollChecked?.(reply.roll);
    else if (reply.ok) finish(reply.solution);
    else finish(new SolveFailure(reply.errors, reply.invalid));
  });
  worker.once('error', (e) =>
    finish(new SolveFailure([`solver thread crashed: ${e.message}`], false)),
  );
  worker.once('exit', (code) =>
    finish(new SolveFailure([`solver thread exited with code ${code}`], false)),
  );
  return { result, stop: (reason) => finish(new SolveStopped(reason)) };
}

/** One solve to its end, with the seed only (the CLI's and the tests' shape). */
export function runSolver(
  instance: BandobastInstance,
  seed: number,
  inThread: boolean,
): Promise<DutyChartSolution> {
  return startSolver(instance, { seed, inThread }).result;
}
