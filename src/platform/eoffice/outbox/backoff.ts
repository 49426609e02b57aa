/**
 * Delay before retry number `attempt` (1-based): exponential from `baseMs`, capped at
 * `maxMs`, with "full jitter" so a backlog of failures does not retry in lock-step.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random, baseMs = 2_000, maxMs = 15 * 60_000): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
