/**
 * Worker-thread entry: runs the synchronous solver away from the event loop that serves
 * HTTP requests and queue heartbeats. Input and output are the shared contract types.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { InvalidInstanceError, solve } from '../solver';

const { instance, options } = workerData as { instance: unknown; options: { seed?: number } };
try {
  parentPort!.postMessage({ ok: true, solution: solve(instance, options) });
} catch (e) {
  const errors =
    e instanceof InvalidInstanceError ? e.errors : [e instanceof Error ? e.message : String(e)];
  parentPort!.postMessage({ ok: false, invalid: e instanceof InvalidInstanceError, errors });
}
