// What the simulated e-Office has diarised, and how often each key knocked. Tests and benches
// read it to prove "exactly once": many arrivals of a key, one receipt.

import { istYear } from '../../time';
import { DiarisationRequest, EofficeGrading } from '../gateway/eoffice-gateway.port';

export interface LedgerReceipt {
  receiptNo: string;
  idempotencyKey: string;
  /** Every POST /api/receipts with this key, whatever it was answered (500s and lost acks too). */
  timesReceived: number;
  createdAt: string;
  kind: string;
  sourceRef: string;
  subject: string;
  grading: EofficeGrading;
  documentSha256: string | null;
}

export interface SimulatorLedger {
  receipts: LedgerReceipt[];
  /** Arrivals per key, including keys that never got a receipt (all 500s, timeouts). */
  received: Record<string, number>;
}

const SECTION = 'POLICE-BPL';

export class ReceiptLedger {
  private readonly receipts = new Map<string, Omit<LedgerReceipt, 'timesReceived'>>();
  private readonly received = new Map<string, number>();
  private readonly nextSerialByYear = new Map<number, number>();

  constructor(
    private readonly now: () => Date,
    private readonly firstSerial: number,
  ) {}

  /** Counts an arrival; call for every receipt request that carried a key. */
  noteArrival(idempotencyKey: string): void {
    this.received.set(idempotencyKey, (this.received.get(idempotencyKey) ?? 0) + 1);
  }

  find(idempotencyKey: string): Omit<LedgerReceipt, 'timesReceived'> | undefined {
    return this.receipts.get(idempotencyKey);
  }

  /** Issues the next receipt number, e.g. `1/2026/POLICE-BPL`; numbering restarts each IST year. */
  create(request: DiarisationRequest): Omit<LedgerReceipt, 'timesReceived'> {
    const createdAt = this.now();
    const year = istYear(createdAt);
    const serial = this.nextSerialByYear.get(year) ?? this.firstSerial;
    this.nextSerialByYear.set(year, serial + 1);
    const receipt = {
      receiptNo: `${serial}/${year}/${SECTION}`,
      idempotencyKey: request.idempotencyKey,
      createdAt: createdAt.toISOString(),
      kind: request.kind,
      sourceRef: request.sourceRef,
      subject: request.subject,
      grading: request.grading,
      documentSha256: request.document?.sha256 ?? null,
    };
    this.receipts.set(request.idempotencyKey, receipt);
    return receipt;
  }

  snapshot(): SimulatorLedger {
    return {
      receipts: [...this.receipts.values()].map((r) => ({
        ...r,
        timesReceived: this.received.get(r.idempotencyKey) ?? 0,
      })),
      received: Object.fromEntries(this.received),
    };
  }

  reset(): void {
    this.receipts.clear();
    this.received.clear();
    this.nextSerialByYear.clear();
  }
}
