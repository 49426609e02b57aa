import type { DakLanguage } from './dak-settings';

/** The source type of the register's outbox items, audit rows and papers. */
export const DAK_SOURCE = 'dak_receipt';

/** What the register sends to e-Office: each item's diarisation, and the replies to it. */
export const DAK_OUTBOX_KINDS = ['DAK_INWARD', 'DAK_REPLY'] as const;
export type DakOutboxKind = (typeof DAK_OUTBOX_KINDS)[number];

/** The diary number's prefix: `DAK/<year>/<6 digits>`. */
export const DAK_REF_PREFIX = 'DAK';

/** What an inward e-mail gives the register (the dak-mail poller builds it from the message). */
export interface MailDiarisation {
  subject: string;
  senderName: string;
  senderOffice: string | null;
  receivedAt: Date;
  language: DakLanguage;
  /** The message's attachments; those that are not a PDF, JPEG or PNG by content are named in the remarks instead. */
  scans: Array<{ filename: string; contentType: string; bytes: Buffer }>;
  remarks: string | null;
}

const DEVANAGARI = /[\u0900-\u097F]/;
const LATIN = /[A-Za-z]/;

/** The language a text is written in, as far as its script tells: Devanagari is Hindi, Latin English. */
export function languageOf(text: string): DakLanguage {
  if (DEVANAGARI.test(text)) return 'hi';
  if (LATIN.test(text)) return 'en';
  return 'other';
}
