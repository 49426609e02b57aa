/**
 * Due PENDING rows that are the oldest undelivered item of their record: a later item of a
 * record (a revision, a decision) never overtakes an earlier one, and a FAILED earlier item
 * holds the record until someone retries or cancels it.
 */
export const ELIGIBLE_DUE_ROWS = `
  SELECT o.id FROM eoffice_outbox o
  WHERE o.status = 'PENDING' AND o.next_attempt_at <= now()
    AND NOT EXISTS (
      SELECT 1 FROM eoffice_outbox p
      WHERE p.source_type = o.source_type AND p.source_id = o.source_id
        AND p.seq < o.seq AND p.status IN ('PENDING', 'FAILED'))
  ORDER BY o.seq
  LIMIT $1`;
