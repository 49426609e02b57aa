import { RetentionRule } from '../retention/retention-rule';

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
  purge: [`UPDATE notification SET recipient = '', body = '' WHERE id = ANY($1::uuid[])`],
  papers: false,
};
