import { writeCsv } from '../../../platform/csv';
import { formatIstDate, formatIstDateTime, istMidnight } from '../../../platform/time';
import type { VerificationSummary } from './verification-list.service';

const HEADER = ['Reference / क्रमांक', 'Status', 'Purpose', 'Name (Hindi)', 'Name (English)', 'Mobile', 'ID document', 'Thana', 'Verifier', 'Received (IST)', 'Due', 'Days left', 'Lok Seva', 'Outcome'];

/**
 * The list as a CSV file for Excel (UTF-8 with a BOM, CRLF): the mobile masked to its last 4
 * digits and the ID document by its type alone, as the lists show them (BRIEF §6).
 */
export function verificationsCsv(items: readonly VerificationSummary[]): string {
  const rows = items.map((i) => [
    i.ref,
    i.status,
    i.purpose,
    i.nameHi,
    i.nameEn,
    i.mobileMasked,
    i.idDocumentType,
    `${i.thana.nameEn} / ${i.thana.nameHi}`,
    i.assignedTo ? `${i.assignedTo.nameEn} (${i.assignedTo.username})` : '',
    formatIstDateTime(i.receivedAt),
    formatIstDate(istMidnight(i.dueOn)),
    i.daysLeft,
    i.sla,
    i.outcome,
  ]);
  return writeCsv(HEADER, rows);
}
