import { PURGED_TEXT, RetentionRule } from '../../platform/retention';
import { PROTEST_SOURCE } from './protest-source';

/**
 * A protest application keeps its applicant's personal data for RETENTION_PROTEST_DAYS after
 * the event ends, whatever became of it; then names, address, mobile, ID digits, vehicle
 * details and attachments go. The event itself (type, purpose, venue, times, the decision
 * and its grounds) stays: it is the police's record of what was permitted.
 */
export const PROTEST_RETENTION: RetentionRule = {
  recordType: PROTEST_SOURCE,
  what: "applicant's names, address, mobile, ID digits, vehicle details, attachments, papers' bytes and SMS",
  setting: 'RETENTION_PROTEST_DAYS',
  since: 'r.ends_at',
  ref: 'r.ref',
  purge: [
    `UPDATE protest_application
        SET applicant_name_hi = CASE WHEN applicant_name_hi IS NULL THEN NULL ELSE '${PURGED_TEXT.hi}' END,
            applicant_name_en = CASE WHEN applicant_name_en IS NULL THEN NULL ELSE '${PURGED_TEXT.en}' END,
            address = '', mobile = '', id_last4 = 'XXXX', vehicle_details = NULL,
            version = version + 1, updated_at = now()
      WHERE id = ANY($1::uuid[])`,
    `DELETE FROM protest_attachment WHERE application_id = ANY($1::uuid[])`,
  ],
  papers: true,
  messages: true,
};
