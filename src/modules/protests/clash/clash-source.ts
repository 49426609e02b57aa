import type { EntityManager } from 'typeorm';
import type { GeoPoint } from '../../../platform/geo/geo';

export const CLASH_KINDS = ['SAME_VENUE', 'NEARBY'] as const;
export type ClashKind = (typeof CLASH_KINDS)[number];

/** Where and when a proposed event takes place. */
export interface ClashQuery {
  readonly startsAt: Date;
  readonly endsAt: Date;
  /** The registered venue, if any: anything else booked there clashes whatever the distance. */
  readonly venueId: string | null;
  /** The venue point, or the route sampled every 100 m (see geo.ts densify). */
  readonly points: readonly GeoPoint[];
  /** Things closer than this to any of the points clash. */
  readonly distanceMetres: number;
  /** The record being checked, so that it does not clash with itself. */
  readonly excludeId?: string;
}

export interface Clash {
  /** Which source found it, e.g. `protest`, later `vip-programme`. */
  readonly source: string;
  readonly kind: ClashKind;
  readonly id: string;
  readonly ref: string;
  readonly title: string;
  readonly status: string;
  readonly startsAt: string;
  readonly endsAt: string;
  /** Closest approach between the two places, metres (0 at the same venue). */
  readonly distanceMetres: number;
}

/**
 * Anything that can stand in a protest's way: other protests, and later VIP programmes. Each
 * source answers with one query, never a loop over its events.
 *
 * To add one without changing this module, inject the array and push into it at init:
 *
 *   constructor(@Inject(CLASH_SOURCES) private readonly sources: ClashSource[]) {}
 *   onModuleInit() { this.sources.push(this.vipProgrammeClashSource); }
 *
 * (ProtestsModule exports the token.) Sources run in the caller's transaction when there is one.
 */
export interface ClashSource {
  readonly name: string;
  find(em: EntityManager, query: ClashQuery): Promise<Clash[]>;
}

/** Injection token: the array of registered clash sources. */
export const CLASH_SOURCES = Symbol('CLASH_SOURCES');
