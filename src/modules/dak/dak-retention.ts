import { PURGED_TEXT, RetentionRule } from '../../platform/retention';
import { DAK_SOURCE } from './dak-terms';

/**
 * A dak receipt keeps its sender's personal data for RETENTION_DAK_DAYS after it is closed
 * (a reopened item is not closed, and waits again). Then the sender's name, the clerk's
 * remarks, every scan, the replies' recipient and text (and their papers' bytes), the e-mail's
 * sender address and subject (and those of its duplicates), and the sender and recipient on
 * its e-Office items go. The register entry stays: diary number, subject, the sending office,
 * letter number and date, grading, the movement history and the reason it was closed, which
 * are the office's record of the correspondence, and e-Office holds the letter itself.
 */
export const DAK_RETENTION: RetentionRule = {
  recordType: DAK_SOURCE,
  what: "sender's name, remarks, scans, replies' recipient and text, papers' bytes, the e-mail's sender and subject",
  setting: 'RETENTION_DAK_DAYS',
  since: 'r.updated_at',
  when: `r.status = 'CLOSED'`,
  ref: 'r.ref',
  purge: [
    `UPDATE dak_receipt
        SET sender_name = CASE WHEN language = 'hi' THEN '${PURGED_TEXT.hi}' ELSE '${PURGED_TEXT.en}' END,
            remarks = NULL, version = version + 1, updated_at = now()
      WHERE id = ANY($1::uuid[])`,
    `DELETE FROM dak_scan WHERE receipt_id = ANY($1::uuid[])`,
    `UPDATE dak_reply SET recipient = '${PURGED_TEXT.en}', body = '${PURGED_TEXT.en}' WHERE receipt_id = ANY($1::uuid[])`,
    `UPDATE dak_mail_message SET sender = NULL, subject = NULL, detail = NULL
      WHERE dak_receipt_id = ANY($1::uuid[])
         OR duplicate_of IN (SELECT m.id FROM dak_mail_message m WHERE m.dak_receipt_id = ANY($1::uuid[]))`,
  ],
  outboxMetadata: ['sender', 'recipient'],
  papers: true,
  messages: false,
};
