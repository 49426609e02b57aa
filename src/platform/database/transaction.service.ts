import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/**
 * The one way to make a change: the business rows, their audit row and any e-Office outbox
 * row are written through the same EntityManager, so they commit or roll back together.
 */
@Injectable()
export class TransactionService {
  constructor(private readonly dataSource: DataSource) {}

  /** READ COMMITTED, PostgreSQL's default: naming it would cost every transaction an extra statement. */
  run<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
