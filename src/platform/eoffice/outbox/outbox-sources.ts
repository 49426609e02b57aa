import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OutboxItem } from './outbox.entity';

export interface DeliveredReference {
  /** e-Office's receipt number, or null when the channel cannot return one (e-mail). */
  eofficeRef: string | null;
  /** The channel's own reference (e.g. the Message-ID), when eofficeRef is null. */
  channelRef: string | null;
}

/** A domain module's answer to "your item reached e-Office": write the reference onto the record. */
export interface OutboxSourceHandler {
  onDelivered(em: EntityManager, item: OutboxItem, ref: DeliveredReference): Promise<void>;
}

/**
 * Domain modules register a handler for their source type at module init, so the worker
 * can write the e-Office reference back without the platform knowing domain tables.
 */
@Injectable()
export class OutboxSources {
  private readonly handlers = new Map<string, OutboxSourceHandler>();

  register(sourceType: string, handler: OutboxSourceHandler): void {
    if (this.handlers.has(sourceType)) throw new Error(`Outbox source ${sourceType} is registered twice`);
    this.handlers.set(sourceType, handler);
  }

  get(sourceType: string): OutboxSourceHandler | undefined {
    return this.handlers.get(sourceType);
  }
}
