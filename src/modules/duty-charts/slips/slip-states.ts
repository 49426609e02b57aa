import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DutySlip } from './duty-slip.entity';

/** What a link's PDF needs to know of its slip: whether it is in force, and its paper. */
export type SlipState = Pick<DutySlip, 'status' | 'documentId'>;

/**
 * How often the states in use are read again, all in one statement. A publication on this
 * instance forgets them at once; one on another instance reaches their links within this time.
 */
export const SLIP_STATE_REFRESH_MS = 1_000;
/** Most slips whose state is kept; past it, a slip's state is read for each request until the next refresh drops the unused. */
const MAX_STATES = 50_000;

interface Known {
  state: SlipState | undefined;
  /** Read by a request since the last refresh. */
  used: boolean;
}

interface StateRow {
  id: string;
  status: DutySlip['status'];
  document_id: string | null;
}

const stateOf = (row: StateRow | undefined): SlipState | undefined =>
  row && { status: row.status, documentId: row.document_id };

/**
 * The states of the slips whose links are being opened, so that a shift-change rush reads each
 * slip's state once, and then once a second for all of them together, instead of once a request.
 * A slip nobody opened since the last refresh is forgotten by it. A read that started before a
 * publication forgot the states is not kept (`generation`), so a request after the publication
 * never sees the state before it.
 */
@Injectable()
export class SlipStates implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SlipStates');
  private readonly known = new Map<string, Known>();
  private generation = 0;
  private timer?: NodeJS.Timeout;
  private refreshing?: Promise<void>;
  /** The slips to read at the end of this event-loop turn (`read`). */
  private reading?: { ids: Set<string>; rows: Promise<Map<string, StateRow>> };

  constructor(private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.refresh(), SLIP_STATE_REFRESH_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.refreshing;
  }

  /** The slip's status and paper, as last read; undefined when there is no such slip. */
  async of(id: string): Promise<SlipState | undefined> {
    const known = this.known.get(id);
    if (known) {
      known.used = true;
      return known.state;
    }
    return this.read(id);
  }

  /**
   * Reads a state not known here. The slips asked for while this event-loop turn lasts are read
   * together in one statement, so the first second of a rush, when no state is known yet, costs
   * one statement and not one a phone.
   */
  private read(id: string): Promise<SlipState | undefined> {
    if (!this.reading) {
      const ids = new Set<string>();
      const rows = new Promise((next) => setImmediate(next)).then(async () => {
        this.reading = undefined;
        const generation = this.generation;
        const read = await this.select([...ids]);
        if (generation === this.generation)
          for (const id of ids) if (this.known.size < MAX_STATES) this.known.set(id, { state: stateOf(read.get(id)), used: true });
        return read;
      });
      this.reading = { ids, rows };
    }
    this.reading.ids.add(id);
    return this.reading.rows.then((read) => stateOf(read.get(id)));
  }

  private async select(ids: string[]): Promise<Map<string, StateRow>> {
    const rows = (await this.dataSource.query('SELECT id, status, document_id FROM duty_slip WHERE id = ANY($1::uuid[])', [ids])) as StateRow[];
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** Slips changed (a publication committed): every state is read again when next asked for. */
  forget(): void {
    this.generation += 1;
    this.known.clear();
  }

  /** Reads again, in one statement, the states asked for since the last refresh, and drops the rest. */
  private refresh(): Promise<void> {
    this.refreshing ??= this.refreshNow()
      .catch((e: Error) => {
        // Not read again this time: nothing is trusted that was not.
        this.forget();
        this.logger.warn(`slip states not refreshed: ${e.message}`);
      })
      .finally(() => {
        this.refreshing = undefined;
      });
    return this.refreshing;
  }

  private async refreshNow(): Promise<void> {
    const ids: string[] = [];
    for (const [id, known] of this.known) {
      if (!known.used) this.known.delete(id);
      else {
        known.used = false;
        ids.push(id);
      }
    }
    if (ids.length === 0) return;
    const generation = this.generation;
    const read = await this.select(ids);
    if (generation !== this.generation) return;
    for (const id of ids) {
      const known = this.known.get(id);
      if (known) known.state = stateOf(read.get(id));
    }
  }
}
