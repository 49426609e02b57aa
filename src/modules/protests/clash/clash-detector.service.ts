import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PROTEST_SETTINGS, ProtestSettings } from '../protest-settings';
import { Clash, CLASH_SOURCES, ClashQuery, ClashSource } from './clash-source';

/** Asks every registered source what stands in the way of an event, nearest in time first. */
@Injectable()
export class ClashDetector {
  constructor(
    @Inject(CLASH_SOURCES) private readonly sources: ClashSource[],
    @Inject(PROTEST_SETTINGS) private readonly settings: ProtestSettings,
  ) {}

  async find(em: EntityManager, query: Omit<ClashQuery, 'distanceMetres'>): Promise<Clash[]> {
    const full = { ...query, distanceMetres: this.settings.clashDistanceMetres };
    const found: Clash[] = [];
    // One after the other: they share the caller's connection (and transaction).
    for (const source of this.sources) found.push(...(await source.find(em, full)));
    return found.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.ref.localeCompare(b.ref));
  }
}
