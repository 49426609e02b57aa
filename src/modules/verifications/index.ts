// Character verification's public face. So far its records check: the name key that matches
// names across Hindi and English, the scoring of an applicant against a record, and the
// search of the criminal-records index.
export { VerificationsModule } from './verifications.module';
export { VERIFICATION_RETENTION } from './verification-retention';
export { CriminalRecordsIndex, WORD_SIMILARITY_THRESHOLD } from './records/criminal-records.index';
export type { RecordCandidate } from './records/criminal-records.index';
export type { CriminalRecordEntry, IndexedRecord } from './records/indexed-record';
export { KEY_VERSION, latinSpelling, nameKey, parseRelative } from './matching/name-key';
export type { Relation } from './matching/name-key';
export type { Birth } from './matching/birth';
export {
  keyParticulars,
  POSSIBLE_AT,
  scoreMatch,
  scoreParticulars,
  STRONG_AT,
} from './matching/score';
export type {
  KeyedParticulars,
  MatchBand,
  MatchEffect,
  MatchField,
  MatchReason,
  MatchScore,
  Particulars,
  ReasonCode,
} from './matching/score';
