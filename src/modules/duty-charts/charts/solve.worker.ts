/**
 * Worker-thread entry: runs the synchronous solver away from the event loop that serves
 * HTTP requests and queue heartbeats. Input and output are the shared contract types; the
 * roll check is sent as soon as it is made, before the solve proper.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { InvalidInstanceError, solve, SolveOptions } from '../solver';

const { instance, options, deadline } = workerData as {
  instance: unknown;
  options: SolveOptions;
  /** Epoch ms: the time limit counts from when the job asked, not from when this thread started. */
  deadline?: number;
};
try {
  const solution = solve(instance, {
    ...options,
    timeLimitMs: deadline === undefined ? undefined : Math.max(0, deadline - Date.now()),
    onRollChecked: (roll) => parentPort!.postMessage({ kind: 'roll', roll }),
  });
  parentPort!.postMessage({ kind: 'done', ok: true, solution });
} catch (e) {
  const errors =
    e instanceof InvalidInstanceError ? e.errors : [e instanceof Error ? e.message : String(e)];
  parentPort!.postMessage({
    kind: 'done',
    ok: false,
    invalid: e instanceof InvalidInstanceError,
    errors,
  });
}
