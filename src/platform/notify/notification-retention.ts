import { EntityManager } from 'typeorm';
import { RetentionRule } from '../retention/retention-rule';

/** What purging a message leaves: the row without its number or address and its text. */
const EMPTIED = `recipient = '', body = ''`;

/**
 * An SMS or e-mail keeps its number or address and its text for RETENTION_NOTIFICATION_DAYS
 * once sent or given up; the row (what was sent about which record, when, how it went) stays.
 * Messages of a record whose own retention runs out first are emptied with it.
 */
export const NOTIFICATION_RETENTION: RetentionRule = {
  recordType: 'notification',
  what: 'mobile number or e-mail address and text of SMS and e-mail',
  setting: 'RETENTION_NOTIFICATION_DAYS',
  since: 'coalesce(r.sent_at, r.created_at)',
  when: `r.status IN ('SENT', 'FAILED', 'KEPT_IN_SINK')`,
  ref: `r.template || ' ' || r.source_type || ' ' || r.source_id`,
  purge: [`UPDATE notification SET ${EMPTIED} WHERE id = ANY($1::uuid[])`],
  papers: false,
  messages: false,
};

/** The messages about these records, emptied with them (a rule with `messages`), in the caller's transaction. */
export async function purgeMessagesOf(em: EntityManager, sourceType: string, sourceIds: readonly string[]): Promise<void> {
  await em.query(
    `UPDATE notification SET ${EMPTIED}, personal_data_purged_at = now()
      WHERE source_type = $1 AND source_id = ANY($2::text[]) AND personal_data_purged_at IS NULL`,
    [sourceType, sourceIds],
  );
}
