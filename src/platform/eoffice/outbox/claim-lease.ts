/**
 * How long a claim on an outbox row holds while its instance still lives. No attempt runs
 * longer than the channel's call deadline, so a claim this old belongs to a process that is
 * stuck or to a host PostgreSQL has not yet noticed is gone; the row may then be sent again.
 */
export function claimLeaseMs(callDeadlineMs: number): number {
  return callDeadlineMs + 30_000;
}
