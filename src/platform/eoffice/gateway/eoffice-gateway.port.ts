// The one way the app talks to NIC e-Office. NIC documents no public API, so what sits behind
// this port is either e-mail diarisation (the documented way in), a REST endpoint (a future or
// state API), or our simulator. The outbox worker only ever sees this interface.

/** Nest injection token, so `@Inject(EOFFICE_GATEWAY)` works without tying adapters to Nest. */
export const EOFFICE_GATEWAY = Symbol('EOFFICE_GATEWAY');

/** Grading of a receipt, as e-Office grades one (BRIEF §2): Normal, Confidential, Secret, Top Secret. */
export const GRADINGS = ['NORMAL', 'CONFIDENTIAL', 'SECRET', 'TOP_SECRET'] as const;
export type Grading = (typeof GRADINGS)[number];
/**
 * The gradings that may leave by wire. Top Secret is deliberately absent: a Top Secret item is
 * kept in our register only (its paper moves by hand), never sent to e-Office's mailbox or API.
 */
export const EOFFICE_GRADINGS = ['NORMAL', 'CONFIDENTIAL', 'SECRET'] as const satisfies readonly Grading[];
export type EofficeGrading = (typeof EOFFICE_GRADINGS)[number];
/** Whether an item of this grading may be sent to e-Office at all. */
export function leavesByWire(grading: Grading): grading is EofficeGrading {
  return (EOFFICE_GRADINGS as readonly string[]).includes(grading);
}

export interface DiarisationDocument {
  readonly filename: string;
  readonly contentType: string;
  readonly bytes: Buffer;
  /** Lower-case hex sha256 of `bytes`, as stored with the issued PDF; adapters check it. */
  readonly sha256: string;
}

export interface DiarisationRequest {
  /** The outbox row id (a UUID). Every resend of the row carries the same key. */
  readonly idempotencyKey: string;
  /** What the item is, e.g. `PROTEST_PERMISSION_ORDER`, `DAK_INWARD`. Owned by the domain module. */
  readonly kind: string;
  /** Hindi and/or English, as it should appear on the receipt. */
  readonly subject: string;
  /** Our own human reference, e.g. `PRT/2026/000123`. */
  readonly sourceRef: string;
  readonly grading: EofficeGrading;
  /** How the original reached us (post, by hand, e-mail...), for dak; free text. */
  readonly intakeChannel?: string;
  /** ISO-8601 instant with offset, e.g. `2026-03-02T10:15:00+05:30`, for dak. */
  readonly receivedAt?: string;
  /** Anything else the receiving section needs; must survive JSON.stringify. */
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly document?: DiarisationDocument;
}

/**
 * DIARISED: e-Office answered with its receipt number (HTTP adapters).
 * SENT_FOR_DIARISATION: handed to the diarisation mailbox; the receipt number arrives later,
 * by a human or a reply, so the worker records `channelRef` (the Message-ID) meanwhile.
 */
export type DiarisationResult =
  | { readonly status: 'DIARISED'; readonly eofficeRef: string }
  | {
      readonly status: 'SENT_FOR_DIARISATION';
      readonly eofficeRef: null;
      readonly channelRef: string;
    };

export type GatewayChannel = 'email' | 'http' | 'simulator';

export interface EofficeGateway {
  readonly channel: GatewayChannel;
  /**
   * Delivers one item. Resolves once the far side has taken responsibility for it.
   * Rejects with TransientGatewayError (retry later, same key) or PermanentGatewayError
   * (this item will never be accepted as it is). Safe to call again with the same key.
   */
  diarise(request: DiarisationRequest): Promise<DiarisationResult>;
  /** Resolves when the far side is reachable; the circuit breaker's half-open check. */
  probe(): Promise<void>;
  /** Releases sockets; for onModuleDestroy. */
  close(): Promise<void>;
}
