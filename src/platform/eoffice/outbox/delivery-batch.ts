/** What a delivery job carries: the ids of a batch of due rows, oldest first (`outboxId`: one row, as queued before batches). */
export type DeliveryJobData = { outboxIds: string[] } | { outboxId: string };

/**
 * The most outbox rows one delivery job carries: at the highest rates a job takes its slot
 * about a second (100 calls of ~10 ms), so the per-job round trips to the queue and the
 * database stay a small part of it (at 25 they held the drain to ~78% of a bare worker's).
 */
export const MAX_DELIVERY_BATCH = 100;

/**
 * How many due rows one delivery job sends, one after another. Each in-flight slot
 * (EOFFICE_CONCURRENCY per instance) takes about a job a second at the full drain rate, so
 * the per-row costs of a job (its queue round trips, the claim, the read, the commit of the
 * marks and their audit) are paid once per batch, while a slow receiver still holds at most
 * one call per slot. A low rate (the real e-Office) keeps batches of one.
 */
export function deliveryBatchSize(perSecond: number, concurrency: number): number {
  return Math.max(1, Math.min(MAX_DELIVERY_BATCH, Math.floor(perSecond / Math.max(1, concurrency))));
}

/**
 * The queue's rate limit in jobs a second, so that jobs × their batch never exceed the
 * configured rows a second (EOFFICE_DRAIN_PER_SECOND), across every instance.
 */
export function deliveryJobsPerSecond(perSecond: number, concurrency: number): number {
  return Math.max(1, Math.floor(perSecond / deliveryBatchSize(perSecond, concurrency)));
}
