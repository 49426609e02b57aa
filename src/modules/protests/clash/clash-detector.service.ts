import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import { PROTEST_SETTINGS, ProtestSettings } from '../protest-settings';
import { Clash, CLASH_SOURCE, ClashQuery, ClashSource } from './clash-source';

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

  async find(em: EntityManager, query: Omit<ClashQuery, 'distanceMetres'>): Promise<Clash[]> {
    const full = { ...query, distanceMetres: this.settings.clashDistanceMetres };
    const found: Clash[] = [];
    // One after the other: they share the caller's connection (and transaction).
    for (const source of this.sources) found.push(...(await source.find(em, full)));
    return found.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.ref.localeCompare(b.ref));
  }
}
