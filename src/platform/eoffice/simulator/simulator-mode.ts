// The failure modes the simulator can play, each one a way e-Office (or the network to it)
// has failed or could fail, so the outbox, breaker and worker can be tested against them.

/** What a caller asks for; omitted numbers take the defaults below. */
export type SimulatorModeInput =
  | { mode: 'up' }
  /** Listener closed: new connections get ECONNREFUSED, open ones are reset. */
  | { mode: 'down' }
  /** Every /api answer is delayed by `delayMs`. */
  | { mode: 'slow'; delayMs?: number }
  /** `percent` of receipt requests get a 500 without any work done. */
  | { mode: 'flaky'; percent?: number; seed?: number }
  /** /api requests are read and never answered. */
  | { mode: 'timeout' }
  /** `percent` of receipt requests are diarised, then the socket is destroyed before the answer. */
  | { mode: 'ack-lost'; percent?: number; seed?: number }
  /** Reachable but failing: every /api request, health check too, is answered `status` (a 4xx or 5xx) without any work done. */
  | { mode: 'error'; status?: number };

/** The mode in force, every number filled in (the seed too, so a run can be replayed). */
export type SimulatorMode =
  | { mode: 'up' }
  | { mode: 'down' }
  | { mode: 'slow'; delayMs: number }
  | { mode: 'flaky'; percent: number; seed: number }
  | { mode: 'timeout' }
  | { mode: 'ack-lost'; percent: number; seed: number }
  | { mode: 'error'; status: number };

export type SimulatorModeName = SimulatorMode['mode'];

export const MODE_NAMES: readonly SimulatorModeName[] = [
  'up',
  'down',
  'slow',
  'flaky',
  'timeout',
  'ack-lost',
  'error',
];
const DEFAULT_DELAY_MS = 2000;
const DEFAULT_ERROR_STATUS = 500;
const DEFAULT_PERCENT = 50;

/** Fills in defaults; a missing seed is drawn at random and then reported by GET /admin/mode. */
export function resolveMode(input: SimulatorModeInput): SimulatorMode {
  switch (input.mode) {
    case 'slow':
      return { mode: 'slow', delayMs: input.delayMs ?? DEFAULT_DELAY_MS };
    case 'flaky':
    case 'ack-lost':
      return {
        mode: input.mode,
        percent: input.percent ?? DEFAULT_PERCENT,
        seed: input.seed ?? Math.floor(Math.random() * 2 ** 31),
      };
    case 'error':
      return { mode: 'error', status: input.status ?? DEFAULT_ERROR_STATUS };
    default:
      return { mode: input.mode };
  }
}

/** Checks an untrusted body (PUT /admin/mode); returns the problems or the input. */
export function parseModeInput(
  body: unknown,
): { ok: true; input: SimulatorModeInput } | { ok: false; problems: string[] } {
  if (typeof body !== 'object' || body === null)
    return { ok: false, problems: ['body must be a JSON object'] };
  const { mode, delayMs, percent, seed, status } = body as Record<string, unknown>;
  const problems: string[] = [];
  if (!MODE_NAMES.includes(mode as SimulatorModeName))
    problems.push(`mode must be one of ${MODE_NAMES.join(', ')}`);
  if (delayMs !== undefined && !isIntegerIn(delayMs, 0, 600_000))
    problems.push('delayMs must be an integer 0-600000');
  if (percent !== undefined && !isIntegerIn(percent, 0, 100))
    problems.push('percent must be an integer 0-100');
  if (seed !== undefined && !isIntegerIn(seed, 0, 2 ** 32 - 1))
    problems.push('seed must be an integer 0-4294967295');
  if (status !== undefined && !isIntegerIn(status, 400, 599))
    problems.push('status must be an integer 400-599');
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, input: body as SimulatorModeInput };
}

/**
 * Deterministic coin for flaky and ack-lost: the same seed gives the same sequence of
 * outcomes for the same sequence of requests. mulberry32, small and good enough for tests.
 */
export function seededChance(seed: number, percent: number): () => boolean {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const unit = ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
    return unit * 100 < percent;
  };
}

function isIntegerIn(value: unknown, min: number, max: number): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}
