import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import { Actor, RequestContext } from '../../../platform/context';
import type { SqlCondition } from '../../../platform/units';
import { PROTEST_SETTINGS, ProtestSettings } from '../protest-settings';
import { Clash, CLASH_SOURCE, ClashQuery, ClashSource, ClashSubject, ShownClash } from './clash-source';

/** Asks every clash source in the app what stands in the way of an event, nearest in time first. */
@Injectable()
export class ClashDetector implements OnModuleInit {
  private sources: ClashSource[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    @Inject(PROTEST_SETTINGS) private readonly settings: ProtestSettings,
  ) {}

  /** Every provider marked @ClashSourceProvider(), whichever module provides it. */
  onModuleInit(): void {
    const byName = new Map<string, ClashSource>();
    for (const wrapper of this.discovery.getProviders()) {
      if (wrapper.isNotMetatype || !wrapper.metatype || !wrapper.instance) continue;
      if (!this.reflector.get<boolean | undefined>(CLASH_SOURCE, wrapper.metatype)) continue;
      const source = wrapper.instance as ClashSource;
      if (byName.has(source.name)) throw new Error(`Two clash sources are named ${source.name}`);
      byName.set(source.name, source);
    }
    this.sources = [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /**
   * Every clash, in full: for what is kept with a record (the clashes at a decision), never for
   * an answer. Answers go through `shownTo` (or `findFor`).
   */
  async find(em: EntityManager, query: Omit<ClashQuery, 'distanceMetres'>): Promise<Clash[]> {
    const full = { ...query, distanceMetres: this.settings.clashDistanceMetres };
    const found: Clash[] = [];
    // One after the other: they share the caller's connection (and transaction). When the client
    // has gone away, no further query is started (a VIP programme asks once per leg and source).
    const signal = RequestContext.get().signal;
    for (const source of this.sources) {
      signal?.throwIfAborted();
      found.push(...(await source.find(em, full)));
    }
    return found.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.ref.localeCompare(b.ref));
  }

  /** The clashes `viewer` may see of an event, as each source shows them. */
  async findFor(em: EntityManager, viewer: Actor, query: Omit<ClashQuery, 'distanceMetres'>): Promise<ShownClash[]> {
    return this.shownTo(em, viewer, await this.find(em, query));
  }

  /**
   * What `viewer` may see of clashes found before: each source filters its own, and those of a
   * source no longer in the app are not shown (nobody answers for them).
   */
  async shownTo(em: EntityManager, viewer: Actor, clashes: readonly Clash[]): Promise<ShownClash[]> {
    const shown: ShownClash[] = [];
    for (const source of this.sources) {
      const own = clashes.filter((c) => c.source === source.name);
      if (own.length) shown.push(...(await source.shownTo(em, viewer, own)));
    }
    return shown.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || (a.ref ?? '').localeCompare(b.ref ?? ''));
  }

  /**
   * The SQL twin of `findFor(…).length > 0` for a list: a condition on each row (`subject`),
   * true when any source would show `viewer` a clash with it. Each source writes its part from
   * its own `find` predicate and `shownTo` visibility, so a list flag and the record's
   * clashes cannot tell a user different things.
   */
  shownExists(subject: ClashSubject, viewer: Actor): SqlCondition {
    const params: Record<string, unknown> = { clashDistanceMetres: this.settings.clashDistanceMetres };
    const parts: string[] = [];
    for (const source of this.sources) {
      const part = source.shownExists(subject, 'CAST(:clashDistanceMetres AS double precision)', viewer);
      for (const [name, value] of Object.entries(part.params)) {
        if (name in params && params[name] !== value) throw new Error(`Clash source ${source.name} reuses the SQL parameter ${name}`);
        params[name] = value;
      }
      parts.push(`(${part.sql})`);
    }
    return { sql: parts.length ? `(${parts.join(' OR ')})` : 'FALSE', params };
  }
}
