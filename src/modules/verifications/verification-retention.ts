import { PURGED_TEXT, RetentionRule } from '../../platform/retention';
import { VERIFICATION_SOURCE } from './verification-terms';

/**
 * A character verification keeps its applicant's personal data for
 * RETENTION_VERIFICATION_DAYS after its last change, once it is decided (signed off, appeal
 * decided, certificate withdrawn) and no appeal is open. Then the names, the relative's name,
 * the addresses, mobile, ID digits, the requesting party, the neighbours' statements and
 * notes of the field visits, the appeal's grounds and every attachment go; the date of birth
 * keeps its year only. The outcome, its grounds and the records cited (police records, not the
 * applicant's) stay.
 */
export const VERIFICATION_RETENTION: RetentionRule = {
  recordType: VERIFICATION_SOURCE,
  what: "applicant's names, relative, addresses, mobile, ID digits, date of birth (year kept), requesting party, visit statements, appeal grounds, attachments, papers' bytes and SMS",
  setting: 'RETENTION_VERIFICATION_DAYS',
  since: 'r.updated_at',
  when: `r.status IN ('SIGNED_OFF', 'FIRST_APPEAL_DECIDED', 'SECOND_APPEAL_DECIDED', 'CERTIFICATE_WITHDRAWN')
         AND NOT EXISTS (SELECT 1 FROM verification_appeal a WHERE a.application_id = r.id AND a.decision IS NULL)`,
  ref: 'r.ref',
  purge: [
    `UPDATE verification_application
        SET name_hi = '${PURGED_TEXT.hi}', name_en = '${PURGED_TEXT.en}', relative_name = '${PURGED_TEXT.en}',
            dob = date_trunc('year', dob)::date, present_address = '', permanent_address = NULL,
            mobile = '', id_last4 = 'XXXX', requesting_party_name = NULL, requesting_party_address = NULL,
            updated_at = now()
      WHERE id = ANY($1::uuid[])`,
    `UPDATE verification_field_visit SET neighbours = '[]', note = NULL WHERE application_id = ANY($1::uuid[])`,
    `UPDATE verification_appeal SET grounds = '${PURGED_TEXT.en}' WHERE application_id = ANY($1::uuid[])`,
    `DELETE FROM verification_attachment WHERE application_id = ANY($1::uuid[])`,
  ],
  papers: true,
  messages: true,
};
