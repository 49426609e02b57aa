import { CLAIM_LOCK_CLASS } from './instance-liveness';
import type { OutboxItem } from './outbox.entity';

/**
 * The keys of instances alive now: each holds its session advisory lock (CLAIM_LOCK_CLASS,
 * key) in this database while it runs (InstanceLiveness).
 */
const LIVE_CLAIMANTS = `
  SELECT l.objid::bigint AS key FROM pg_locks l
  WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2 AND l.classid::bigint = ${CLAIM_LOCK_CLASS}
    AND l.database = (SELECT d.oid FROM pg_database d WHERE d.datname = current_database())`;

/**
 * A row is free to send when nobody claims it, or its claimant is dead (its lock is gone), or
 * the claim outlived its lease ($lease ms: a live sender gives up long before).
 */
const unclaimed = (o: string, lease: string) => `
  (${o}.claimed_by IS NULL
    OR ${o}.claimed_at < now() - ${lease} * interval '1 millisecond'
    OR ${o}.claimed_by NOT IN (SELECT key FROM live))`;

/**
 * Order per record: a later item of a record (a revision, a decision) never overtakes an
 * earlier one, and a FAILED earlier item holds the record until someone retries or cancels it.
 *
 * Written as a scalar subquery with LIMIT 1, not NOT EXISTS: PostgreSQL turns NOT EXISTS into
 * an anti join, and on a backlog committed since the table was last analysed (the statistics
 * say there is next to nothing pending) it chose a nested loop that read every pending row for
 * each one: 6.6 s for 10,000 rows, and the drain stood still meanwhile. A scalar subquery is
 * never pulled up into a join: it is always one probe of (source_type, source_id, seq) per
 * row, whatever the statistics say (test/eoffice-dispatch-plan.e2e-spec.ts).
 */
const OLDEST_OF_ITS_RECORD = (o: string) => `
  (SELECT 1 FROM eoffice_outbox p
    WHERE p.source_type = ${o}.source_type AND p.source_id = ${o}.source_id
      AND p.seq < ${o}.seq AND p.status IN ('PENDING', 'FAILED')
    LIMIT 1) IS NULL`;

/**
 * Due PENDING rows that are the oldest undelivered item of their record and that no live
 * instance is sending. $1 limit, $2 claim lease in ms.
 */
export const ELIGIBLE_DUE_ROWS = `
  WITH live AS MATERIALIZED (${LIVE_CLAIMANTS})
  SELECT o.id FROM eoffice_outbox o
  WHERE o.status = 'PENDING' AND o.next_attempt_at <= now()
    AND ${unclaimed('o', '$2')}
    AND ${OLDEST_OF_ITS_RECORD('o')}
  ORDER BY o.seq
  LIMIT $1`;

/** What a delivery attempt knows of a row it claimed: CLAIMED_COLUMNS, one for one. */
export type ClaimedItem = Pick<
  OutboxItem,
  'id' | 'seq' | 'sourceType' | 'sourceId' | 'sourceRef' | 'kind' | 'subject' | 'grading' | 'intakeChannel' | 'receivedAt' | 'metadata' | 'documentId' | 'attempts' | 'createdAt'
>;

/** What a delivery attempt reads of a row it claimed (ClaimedItem), named as OutboxItem names it. */
export const CLAIMED_COLUMNS = `o.id, o.seq::text AS seq, o.source_type AS "sourceType", o.source_id AS "sourceId",
  o.source_ref AS "sourceRef", o.kind, o.subject, o.grading, o.intake_channel AS "intakeChannel",
  o.received_at AS "receivedAt", o.metadata, o.document_id AS "documentId", o.attempts, o.created_at AS "createdAt"`;

/**
 * Claims the rows of a delivery batch for sending, under the same rules, in one statement that
 * answers what the attempt needs of them (CLAIMED_COLUMNS): of two instances claiming at once
 * the second finds the rows claimed by a live instance and gets nothing. A later item of a
 * record in the same batch is not claimed while its earlier one is still pending (the
 * statement sees them all before it). $1 row ids, $2 this instance's key, $3 claim lease in ms.
 */
export const CLAIM_DUE_ROWS = `
  WITH live AS MATERIALIZED (${LIVE_CLAIMANTS})
  UPDATE eoffice_outbox o SET claimed_by = $2, claimed_at = now()
  WHERE o.id = ANY($1::uuid[]) AND o.status = 'PENDING' AND o.next_attempt_at <= now()
    AND ${unclaimed('o', '$3')}
    AND ${OLDEST_OF_ITS_RECORD('o')}
  RETURNING ${CLAIMED_COLUMNS}`;

/**
 * While DEGRADED by failing deliveries, a passed health check lets one item try: the oldest
 * waiting one that may go first, made due now whatever its backoff, since it is a test of the
 * channel rather than a retry of the item. $1 claim lease in ms.
 */
export const TRIAL_ROW = `
  WITH live AS MATERIALIZED (${LIVE_CLAIMANTS})
  UPDATE eoffice_outbox SET next_attempt_at = now()
  WHERE id = (
    SELECT o.id FROM eoffice_outbox o
    WHERE o.status = 'PENDING' AND ${unclaimed('o', '$1')} AND ${OLDEST_OF_ITS_RECORD('o')}
    ORDER BY o.next_attempt_at, o.seq
    LIMIT 1)
  RETURNING id`;

/**
 * e-Office is back: items that failed since the outage began failed for the channel, not for
 * themselves, so they are due now rather than after their backoff. $1 when it began.
 */
export const DUE_AFTER_OUTAGE = `
  UPDATE eoffice_outbox SET next_attempt_at = now()
  WHERE status = 'PENDING' AND next_attempt_at > now() AND last_attempt_at >= $1`;
