// Reading CSV files (the encoding check and the one parser the roll, the unit tree and the demo
// share) and writing them for Excel.
export {
  CsvError,
  SAVE_AS_CSV_UTF8,
  csvRecords,
  decodeText,
  detectDelimiter,
  findReplacementCharacter,
  lostToQuestionMarks,
  parseCsvText,
  readCsv,
} from './csv';
export type { CsvEncoding, CsvTable } from './csv';
export { streamCsv } from './csv-stream';
export type { CsvRow, CsvStreamOptions } from './csv-stream';
export { writeCsv } from './csv-write';
export type { CsvCell } from './csv-write';
