import { ConflictException, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditChainer } from '../audit/audit-chainer';
import { AuditEntry, AuditService } from '../audit/audit.service';
import { RequestContext } from '../context/request-context';
import { ReferenceNumbers } from '../database/reference-numbers';
import { TransactionService } from '../database/transaction.service';
import { DocumentsService, DrawnPaper, IssueRequest } from '../documents/documents.service';
import { DrawnDocument, IssuedDocument } from '../documents/issued-document.entity';
import { OutboxItem } from '../eoffice/outbox/outbox.entity';
import { NewOutboxItem, OutboxService } from '../eoffice/outbox/outbox.service';
import { Notification } from '../notify/notification.entity';
import { MessageRequest, NotifyService } from '../notify/notify.service';

/** What the drawing step may do: read (outside any transaction) and draw papers. */
export interface Drawing {
  /** Reads outside any transaction and lock. */
  readonly em: EntityManager;
  /** Renders a paper now; the change stores it with `storePaper` (in `UnitOfWork.preview`, a draft that is never stored). */
  paper(request: IssueRequest): Promise<DrawnPaper>;
  /** The number the change's `takeReference(prefix)` will most likely give, to print on a paper. */
  expectReference(prefix: string, at?: Date): Promise<string>;
}

/** One change, inside its one short transaction. */
export interface Change {
  readonly em: EntityManager;
  /** Appended after everything else the change writes, in the same transaction. */
  audit(entry: AuditEntry): void;
  /** An item bound for e-Office, recorded with the change (the outbox delivers it). */
  toEoffice(item: NewOutboxItem): Promise<OutboxItem>;
  /** A message (SMS) queued with the change; the notify worker sends it after commit. */
  notify(message: MessageRequest): Promise<Notification>;
  /** Stores a paper drawn before the transaction began. */
  storePaper(paper: DrawnPaper): Promise<DrawnDocument>;
  /** Issues papers to be drawn on their first read (`IssueRequest.drawOnFirstRead`): nothing is rendered now. */
  storeUndrawnPapers(requests: readonly IssueRequest[]): Promise<IssuedDocument[]>;
  supersedePaper(oldId: string, newId: string): Promise<void>;
  revokePaper(id: string, reason: string): Promise<void>;
  /** The record's gap-free number; if a paper was drawn expecting another, the change is drawn again. */
  takeReference(prefix: string, at?: Date): Promise<string>;
  /** What was drawn no longer fits what the transaction found: draw again and retry. */
  redraw(): never;
  /**
   * The record this change made: a replay of its request whose answer was lost (the server
   * stopped after the commit) names it, so the client looks it up instead of sending again.
   */
  made(entityType: string, id: string): void;
}

export interface ChangeSpec<D, T> {
  /** Everything slow that the change needs, above all rendering papers: outside any transaction and lock. */
  draw: (drawing: Drawing) => Promise<D>;
  /** The change itself, in one short transaction. */
  write: (change: Change, drawn: D) => Promise<T>;
}

class Redraw extends Error {
  constructor() {
    super('the drawn papers no longer fit the record');
  }
}

/** A change is drawn again at most this often before the caller is told to retry. */
const MAX_DRAWS = 5;

/**
 * The one unit of work for every write. The order is fixed here, not in comments: papers are
 * drawn first, outside any transaction; then one short transaction writes the change, stores
 * the papers, records e-Office items and notices as the change asks, marks the request's
 * Idempotency-Key as carried out, and appends the audit rows last. After commit the audit
 * chainer links the new rows into the hash chain, off the write path.
 */
@Injectable()
export class UnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionService,
    private readonly auditLog: AuditService,
    private readonly chainer: AuditChainer,
    private readonly outbox: OutboxService,
    private readonly notices: NotifyService,
    private readonly documents: DocumentsService,
    private readonly references: ReferenceNumbers,
  ) {}

  run<T>(write: (change: Change) => Promise<T>): Promise<T>;
  run<D, T>(spec: ChangeSpec<D, T>): Promise<T>;
  async run<D, T>(specOrWrite: ChangeSpec<D, T> | ((change: Change) => Promise<T>)): Promise<T> {
    const spec = (
      typeof specOrWrite === 'function' ? { draw: () => Promise.resolve(undefined), write: (c: Change) => specOrWrite(c) } : specOrWrite
    ) as ChangeSpec<D, T>;
    for (let draws = 1; ; draws++) {
      const expected = new Map<string, string>();
      const drawn = await spec.draw(this.drawing(expected));
      try {
        const result = await this.tx.run(async (em) => {
          const change = new TransactionalChange(em, this, expected);
          const out = await spec.write(change, drawn);
          await markIdempotencyCommitted(em, change.madeRecord);
          await this.auditLog.recordMany(em, change.auditEntries);
          return out;
        });
        this.chainer.poke();
        return result;
      } catch (e) {
        if (!(e instanceof Redraw)) throw e;
        if (draws >= MAX_DRAWS) throw new ConflictException('The record changed while its paper was being drawn; please try again');
      }
    }
  }

  /**
   * What a change would draw, without the change: `draw` runs as it would in `run`, reading
   * outside any transaction, but its papers come out as drafts (marked on every page, no QR,
   * never storable) and nothing is written, audited or numbered. For "show me the letter
   * before I decide": the same code draws the preview and the paper.
   */
  async preview<D>(draw: (drawing: Drawing) => Promise<D>): Promise<D> {
    return draw({
      em: this.dataSource.manager,
      paper: (request) => this.documents.drawDraft(request),
      expectReference: (prefix, at) => this.references.peek(prefix, at),
    });
  }

  private drawing(expected: Map<string, string>): Drawing {
    return {
      em: this.dataSource.manager,
      paper: (request) => this.documents.draw(request),
      expectReference: async (prefix, at) => {
        const ref = await this.references.peek(prefix, at);
        expected.set(prefix, ref);
        return ref;
      },
    };
  }

  /** @internal for TransactionalChange */
  get services() {
    return { outbox: this.outbox, notices: this.notices, documents: this.documents, references: this.references };
  }
}

class TransactionalChange implements Change {
  readonly auditEntries: AuditEntry[] = [];
  madeRecord?: { entityType: string; id: string };

  constructor(
    readonly em: EntityManager,
    private readonly uow: UnitOfWork,
    private readonly expected: Map<string, string>,
  ) {}

  audit(entry: AuditEntry): void {
    this.auditEntries.push(entry);
  }

  toEoffice(item: NewOutboxItem): Promise<OutboxItem> {
    return this.uow.services.outbox.enqueue(this, item);
  }

  notify(message: MessageRequest): Promise<Notification> {
    return this.uow.services.notices.send(this.em, message);
  }

  storePaper(paper: DrawnPaper): Promise<DrawnDocument> {
    return this.uow.services.documents.store(this, paper);
  }

  storeUndrawnPapers(requests: readonly IssueRequest[]): Promise<IssuedDocument[]> {
    return this.uow.services.documents.storeUndrawn(this, requests);
  }

  supersedePaper(oldId: string, newId: string): Promise<void> {
    return this.uow.services.documents.supersede(this, oldId, newId);
  }

  revokePaper(id: string, reason: string): Promise<void> {
    return this.uow.services.documents.revoke(this, id, reason);
  }

  async takeReference(prefix: string, at?: Date): Promise<string> {
    const ref = await this.uow.services.references.take(this.em, prefix, at);
    const expected = this.expected.get(prefix);
    if (expected !== undefined && expected !== ref) this.redraw();
    return ref;
  }

  redraw(): never {
    throw new Redraw();
  }

  made(entityType: string, id: string): void {
    this.madeRecord = { entityType, id };
  }
}

/** The request's Idempotency-Key is carried out with this change, with the record it made (`Change.made`). */
async function markIdempotencyCommitted(em: EntityManager, made: { entityType: string; id: string } | undefined): Promise<void> {
  const key = RequestContext.get().idempotency;
  if (!key) return;
  await em.query(
    `UPDATE idempotency_key SET status = 'COMMITTED', resource_type = $3, resource_id = $4 WHERE user_id = $1 AND key = $2 AND status = 'IN_PROGRESS'`,
    [key.userId, key.key, made?.entityType ?? null, made?.id ?? null],
  );
}
