import type { AppConfig } from '../../config/config';

/**
 * How long one kind of record keeps its personal data, and what purging it means: pure data,
 * declared by the module that owns the table (its `index.ts` exports it), run by
 * `RetentionRun` in the app's scheduled job and in `npm run purge`.
 */
export interface RetentionRule {
  /** The record's table, which is also the `source_type` of its papers and messages. */
  recordType: string;
  /** What a purge removes, in words for the report. */
  what: string;
  /** The setting that holds the days kept. */
  setting: keyof Pick<AppConfig, 'RETENTION_PROTEST_DAYS' | 'RETENTION_VERIFICATION_DAYS' | 'RETENTION_DAK_DAYS' | 'RETENTION_NOTIFICATION_DAYS'>;
  /** SQL over the row `r`: the instant its retention runs from (an event's end, a last decision). */
  since: string;
  /** SQL over the row `r`: only records in these states are purged (default: every record). */
  when?: string;
  /** SQL over the row `r`: the reference named in the report and the audit log (never personal). */
  ref: string;
  /**
   * Statements run, in order, in the purge's transaction for a batch of records: `$1` is
   * their ids as `uuid[]`. They replace or remove the personal data of the record and of its
   * own rows (attachments, visits); `personal_data_purged_at` is set after them.
   */
  purge: readonly string[];
  /** Its papers (issued_document of this source) lose their bytes too. */
  papers: boolean;
  /** Its SMS and e-mail (messages of this source) are emptied with it. */
  messages: boolean;
  /** Keys dropped from the metadata of its e-Office items (the personal data they carried). */
  outboxMetadata?: readonly string[];
}

/** What a replaced name reads as afterwards, in each script. */
export const PURGED_TEXT = { en: 'personal data purged', hi: 'व्यक्तिगत विवरण हटाया गया' } as const;
